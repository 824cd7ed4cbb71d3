package dev.rotor;

import dev.rotor.RotorException.Reason;
import dev.rotor.TokenEvent.Type;
import dev.rotor.TokenRefusal.Operation;
import dev.rotor.spi.LoginRequest;
import dev.rotor.spi.LoginResult;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.SessionStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link TokenService}: verifies with the codec, decides in the store, mints with the codec. */
final class DefaultTokenService implements TokenService {

    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);

    private final RotorConfig config;
    private final SessionStore store;
    private final TokenCodec codec;
    private final PairMinter minter;
    private final EventPublisher events;
    private final LiveSessionCache liveSessions;
    private final StoreCalls calls;
    private final String jwkSet;

    DefaultTokenService(RotorConfig config) {
        this.config = config;
        this.store = config.store();
        KeyRing keys = new KeyRing(
                config.signingKey(),
                config.verificationKeys(),
                config.refreshTokenKey(),
                config.refreshTokenVerificationKeys());
        this.jwkSet = JwkSet.json(keys.accessKeys());
        this.codec = new TokenCodec(
                keys,
                config.issuer(),
                config.audiences(),
                config.refreshTokenAudience(),
                config.clientId(),
                config.leeway().getSeconds(),
                config.maxTokenLength());
        this.minter = new PairMinter(codec, config.accessTokenTtl().getSeconds());
        this.events = new EventPublisher(config.listeners(), config.clock());
        this.liveSessions = config.liveSessionStaleness() == null
                ? null
                : new LiveSessionCache(config.liveSessionStaleness().toMillis(), config.liveSessionCacheSize());
        this.calls = new StoreCalls(
                liveSessions, config.reuseScope(), config.oauth2Errors(), new StoreHealth(config.clock(), events));
    }

    /** The settings this service was built with. */
    RotorConfig config() {
        return config;
    }

    @Override
    public TokenPair issue(String subject) {
        return issue(subject, null, Map.of());
    }

    @Override
    public TokenPair issue(String subject, String deviceId, Map<String, ?> claims) {
        return issue(new Login(subject, deviceId, claims, null, null));
    }

    @Override
    public TokenPair issue(Login login) {
        String subject = Inputs.subject(login.subject());
        String deviceId = Inputs.device(login.deviceId());
        String clientId = Inputs.clientId(login.clientId(), "clientId");
        String claimsJson = CustomClaims.toJson(withScope(login));
        Instant now = now();
        SessionRecord session = SessionRecord.open(
                Ids.sessionId(), subject, deviceId, now, config.refreshTokenTtl(), config.absoluteSessionLifetime());
        minter.checkRoom(subject, session.sessionId(), deviceId, clientId, claimsJson, claimsJson);
        TokenPair pair = minter.mint(session, clientId, claimsJson, claimsJson, now);
        LoginRequest request = new LoginRequest(
                session, config.maxSessionsPerUser(), config.sessionLimitPolicy() == SessionLimitPolicy.REJECT_NEW);
        LoginResult result;
        try {
            result = calls.call(() -> store.create(request));
        } catch (RotorException storeFailed) {
            calls.forget(subject, null); // the reply is lost, not necessarily an eviction
            throw storeFailed;
        }
        if (!result.opened()) {
            LOG.debug("Login refused at the limit of {} sessions per user", request.maxSessions());
            throw refreshFailure(Reason.SESSION_LIMIT_REACHED);
        }
        LOG.debug("Session {} opened", session.sessionId());
        if (result.alreadyStored()) {
            calls.forget(subject, null); // a resent login: what its first sending evicted is not known
        }
        for (SessionRecord evicted : result.evicted()) {
            calls.forget(subject, evicted.sessionId());
            LOG.debug("Session {} evicted at the limit of {} per user", evicted.sessionId(), request.maxSessions());
            events.publish(Type.SESSION_EVICTED, now, evicted, -1, null, 1);
        }
        events.publish(Type.ISSUED, now, session, -1, null, 0);
        return pair;
    }

    @Override
    public TokenPair refresh(String refreshToken) {
        return refresh(refreshToken, null);
    }

    @Override
    public TokenPair refresh(String refreshToken, String deviceId) {
        try {
            return rotate(refreshToken, deviceId);
        } catch (RotorException e) {
            events.refused(Operation.REFRESH, e.reason());
            throw e;
        }
    }

    private TokenPair rotate(String refreshToken, String deviceId) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw refreshFailure(Reason.REFRESH_TOKEN_REQUIRED);
        }
        Instant now = now();
        VerifiedToken token = verify(refreshToken, TokenType.REFRESH, now.toEpochMilli(), true);
        if (deviceId != null && token.deviceId() != null && !token.deviceId().equals(deviceId)) {
            throw refreshFailure(Reason.TOKEN_INVALID);
        }
        String accessClaims = accessClaims(token);
        minter.checkRoom(
                token.subject(),
                token.sessionId(),
                token.deviceId(),
                token.clientId(),
                token.sessionClaimsJson(),
                accessClaims);
        RotationRequest request = new RotationRequest(
                token.subject(),
                token.sessionId(),
                token.generation(),
                Ids.requestId(),
                now,
                config.refreshTokenTtl(),
                config.reuseGracePeriod(),
                config.maxGraceReplays(),
                config.reuseScope() == ReuseScope.ALL_SESSIONS);
        RotationResult result;
        try {
            result = calls.call(() -> store.rotate(request));
        } catch (RotorException storeFailed) {
            // The reply is lost, not necessarily the write: a reuse revocation may have committed.
            calls.forgetRevokedByReuse(token.subject(), token.sessionId());
            throw storeFailed;
        }
        SessionRecord session = result.session();
        switch (result.outcome()) {
            case ROTATED -> events.publish(Type.REFRESHED, now, session, token.generation(), null, 0);
            case RETRIED -> events.publish(Type.RETRY_ANSWERED, now, session, token.generation(), null, 0);
            case GRACE_REPLAY ->
                events.publish(Type.GRACE_REPLAY, now, session, token.generation(), since(session, now), 0);
            case REUSE_DETECTED -> throw reuseDetected(token, result, now);
            default ->
                throw refreshFailure(
                        token.expiresAt() * 1000 <= now.toEpochMilli() ? Reason.TOKEN_EXPIRED : Reason.TOKEN_REVOKED);
        }
        return minter.mint(session, token.clientId(), token.sessionClaimsJson(), accessClaims, now);
    }

    private RotorException reuseDetected(VerifiedToken token, RotationResult result, Instant now) {
        SessionRecord session = result.session();
        if (result.revokedSessions() > 0) {
            LOG.warn(
                    "Refresh token reuse detected: session {} presented generation {} while at {}, {} after its"
                            + " last rotation; revoked {} session(s) ({})",
                    session.sessionId(),
                    token.generation(),
                    session.generation(),
                    since(session, now),
                    result.revokedSessions(),
                    config.reuseScope());
        } else {
            LOG.info(
                    "Used refresh token of the already revoked session {} presented again (generation {})",
                    session.sessionId(),
                    token.generation());
        }
        calls.forgetRevokedByReuse(session.subject(), session.sessionId());
        events.publish(
                Type.REUSE_DETECTED, now, session, token.generation(), since(session, now), result.revokedSessions());
        return refreshFailure(Reason.TOKEN_REUSED);
    }

    @Override
    public AccessClaims verifyAccessToken(String accessToken) {
        AccessClaims claims = acceptedAccess(accessToken);
        if (claims == null) { // small enough to be compiled into its caller, so that this throw is cheap too
            throw refusedAccess(Reason.TOKEN_INVALID);
        }
        return claims;
    }

    /**
     * The claims of a valid access token; {@code null} if it is invalid, the refusal anyone can cause at will.
     *
     * @throws RotorException for any other refusal
     */
    private AccessClaims acceptedAccess(String accessToken) {
        if (accessToken == null || accessToken.isBlank()) {
            return null;
        }
        VerifiedToken token;
        try {
            token = codec.verify(accessToken, TokenType.ACCESS, config.clock());
        } catch (TokenRejection rejection) {
            throw refusedAccess(rejection.reason);
        }
        if (token == null) {
            return null;
        }
        if (liveSessions != null) {
            long nowMillis = config.clock().millis();
            if (!liveSessions.isFresh(token.subject(), token.sessionId(), nowMillis)) {
                requireLive(token, nowMillis);
            }
        }
        return new AccessClaims(
                token.subject(),
                token.sessionId(),
                token.tokenId(),
                token.deviceId(),
                Instant.ofEpochSecond(token.issuedAt()),
                Instant.ofEpochSecond(token.expiresAt()),
                token.customClaims(),
                token.clientId(),
                token.customClaims().get("scope") instanceof String scope ? scope : null);
    }

    /**
     * A refused access token, told to the listeners and thrown once, where it was decided: refusals come at the
     * rate an attacker chooses, and each rethrow costs.
     */
    private RotorException refusedAccess(Reason reason) {
        events.refused(Operation.VERIFY_ACCESS_TOKEN, reason);
        return RotorException.accessFailure(reason);
    }

    private void requireLive(VerifiedToken token, long nowMillis) {
        Instant now = Instant.ofEpochMilli(nowMillis);
        long revocationsBefore = liveSessions.revocations(token.subject());
        boolean gone;
        try {
            gone = calls.callForAccessCheck(() -> store.find(token.subject(), token.sessionId(), now))
                    .isEmpty();
        } catch (RotorException e) {
            events.refused(Operation.VERIFY_ACCESS_TOKEN, e.reason());
            throw e;
        }
        if (gone) {
            throw refusedAccess(Reason.TOKEN_REVOKED);
        }
        liveSessions.seenLive(token.subject(), token.sessionId(), nowMillis, revocationsBefore);
    }

    @Override
    public String jwkSet() {
        return jwkSet;
    }

    @Override
    public boolean logout(String refreshToken) {
        try {
            if (refreshToken == null || refreshToken.isBlank()) {
                throw refreshFailure(Reason.REFRESH_TOKEN_REQUIRED);
            }
            Instant now = now();
            VerifiedToken token = verify(refreshToken, TokenType.REFRESH, now.toEpochMilli(), false);
            return revoke(token.subject(), token.sessionId(), token.deviceId(), token.generation(), now);
        } catch (RotorException e) {
            events.refused(Operation.LOGOUT, e.reason());
            throw e;
        }
    }

    @Override
    public boolean logoutSession(String subject, String sessionId) {
        Inputs.subject(subject);
        if (!Ids.isSessionId(Objects.requireNonNull(sessionId, "sessionId"))) {
            return false; // no session has it; the store never sees ids Rotor did not make
        }
        return revoke(subject, sessionId, null, -1, now());
    }

    private boolean revoke(String subject, String sessionId, String deviceId, long presented, Instant now) {
        boolean revoked = calls.revoking(subject, sessionId, () -> store.revoke(subject, sessionId, now));
        if (revoked) {
            LOG.debug("Session {} logged out", sessionId);
            events.publish(new TokenEvent(Type.REVOKED, now, subject, sessionId, deviceId, presented, -1, null, 1));
        }
        return revoked;
    }

    @Override
    public int logoutAll(String subject) {
        Inputs.subject(subject);
        Instant now = now();
        int revoked = calls.revoking(subject, null, () -> store.revokeAll(subject, now));
        LOG.debug("All sessions of a subject logged out: {} revoked", revoked);
        events.publish(new TokenEvent(Type.REVOKED, now, subject, null, null, -1, -1, null, revoked));
        return revoked;
    }

    @Override
    public List<SessionInfo> sessions(String subject) {
        Inputs.subject(subject);
        Instant now = now();
        return calls.call(() -> store.list(subject, now)).stream()
                .sorted(Comparator.comparing(SessionRecord::createdAt))
                .map(s -> new SessionInfo(s.sessionId(), s.deviceId(), s.createdAt(), s.rotatedAt(), s.expiresAt()))
                .toList();
    }

    /**
     * The login's claims with its scope, which is the custom claim {@code scope} (RFC 9068 §2.2.3), checked
     * with every claim by {@link CustomClaims#toJson}.
     */
    private static Map<String, ?> withScope(Login login) {
        if (login.scope() == null) {
            return login.claims();
        }
        if (login.claims().containsKey("scope")) {
            throw new IllegalArgumentException("give the scope once: in Login.withScope or as the claim 'scope'");
        }
        Map<String, Object> claims = new LinkedHashMap<>(login.claims());
        claims.put("scope", login.scope());
        return claims;
    }

    /** The custom claims of the new access token: the login's, or the user lookup's. */
    private String accessClaims(VerifiedToken token) {
        UserLookup lookup = config.userLookup();
        if (lookup == null) {
            return token.sessionClaimsJson();
        }
        Map<String, Object> loginClaims;
        try {
            loginClaims = codec.parseClaims(token.sessionClaimsJson());
        } catch (TokenRejection rejection) {
            throw refreshFailure(rejection.reason);
        }
        Map<String, Object> fresh = lookup.lookup(token.subject(), Collections.unmodifiableMap(loginClaims))
                .orElseThrow(() -> refreshFailure(Reason.USER_NOT_FOUND));
        return CustomClaims.toJson(fresh);
    }

    private VerifiedToken verify(String token, TokenType type, long nowMillis, boolean checkExpiry) {
        VerifiedToken verified;
        try {
            verified = codec.verify(token, type, nowMillis, checkExpiry);
        } catch (TokenRejection rejection) {
            throw failure(type, rejection.reason);
        }
        if (verified == null) {
            throw failure(type, Reason.TOKEN_INVALID);
        }
        return verified;
    }

    private RotorException failure(TokenType type, Reason reason) {
        return type == TokenType.ACCESS ? RotorException.accessFailure(reason) : refreshFailure(reason);
    }

    private RotorException refreshFailure(Reason reason) {
        return RotorException.refreshFailure(reason, config.oauth2Errors());
    }

    private Instant now() {
        return config.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Duration since(SessionRecord session, Instant now) {
        return Duration.between(session.rotatedAt(), now);
    }
}
