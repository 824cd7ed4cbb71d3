package dev.rotor.tck;

import dev.rotor.JwtKey;
import dev.rotor.TokenService;
import dev.rotor.TokenServiceBuilder;
import dev.rotor.spi.LoginRequest;
import dev.rotor.spi.LoginResult;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.SessionStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * What the contract tests need from a store, and the helpers they share; part of {@link
 * SessionStoreContract}.
 */
abstract class StoreFixture {

    /** Lifetime of refresh tokens in these tests. */
    protected static final Duration REFRESH_TTL = Duration.ofDays(7);

    /** The session limit of the logins in these tests, unless a test says otherwise. */
    protected static final int SESSION_LIMIT = 100;

    /** The time most tests run at: now, to the millisecond, as stores keep it. */
    protected final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    /** Creates the fixture. */
    protected StoreFixture() {}

    /**
     * The store under test. May return the same instance for every test: tests use their own subjects.
     *
     * @return the store
     */
    protected abstract SessionStore store();

    /**
     * Whether the store still holds anything at all for a subject, expired or not: keys, entries, rows.
     *
     * @param subject the subject
     * @return {@code true} if anything is kept for it
     */
    protected abstract boolean holdsAnything(String subject);

    /**
     * Everything the store holds, keys and values, as text; searched for token fragments.
     *
     * @return the store's whole content
     */
    protected abstract String storedContent();

    /**
     * A subject no other test uses.
     *
     * @return a random subject
     */
    protected static String newSubject() {
        return "user-" + UUID.randomUUID();
    }

    /**
     * A session id no other test uses.
     *
     * @return a random session id
     */
    protected static String newSessionId() {
        return "s-" + UUID.randomUUID();
    }

    /**
     * Opens and stores a session at {@link #now}.
     *
     * @param subject the subject
     * @return the stored record
     */
    protected SessionRecord openSession(String subject) {
        SessionRecord session = SessionRecord.open(newSessionId(), subject, "phone", now, REFRESH_TTL, null);
        login(session);
        return session;
    }

    /**
     * Stores a session as a login does, under {@link #SESSION_LIMIT}.
     *
     * @param session the session at generation 0
     * @return what the store answered
     */
    protected LoginResult login(SessionRecord session) {
        return store().create(new LoginRequest(session, SESSION_LIMIT, false));
    }

    /**
     * A rotation request with grace off whose reuse revokes every session of the subject.
     *
     * @param session the session to rotate
     * @param generation the presented generation
     * @param at the time of the request
     * @return the request
     */
    protected static RotationRequest rotation(SessionRecord session, long generation, Instant at) {
        return new RotationRequest(
                session.subject(),
                session.sessionId(),
                generation,
                UUID.randomUUID().toString(),
                at,
                REFRESH_TTL,
                Duration.ZERO,
                0,
                true);
    }

    /**
     * The same request with another request id, grace period and reuse scope.
     *
     * @param request the request
     * @param requestId the request id
     * @param grace the grace period
     * @param maxReplays the replay bound
     * @param revokeAll whether a reuse revokes every session of the subject, or only the reused one
     * @return the changed request
     */
    protected static RotationRequest with(
            RotationRequest request, String requestId, Duration grace, int maxReplays, boolean revokeAll) {
        return new RotationRequest(
                request.subject(),
                request.sessionId(),
                request.presentedGeneration(),
                requestId,
                request.now(),
                request.refreshTtl(),
                grace,
                maxReplays,
                revokeAll);
    }

    /**
     * A token service on the store under test, with a fresh random HS256 key.
     *
     * @param settings further settings
     * @return the service
     */
    protected TokenService tokenService(UnaryOperator<TokenServiceBuilder> settings) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return settings.apply(TokenService.builder()
                        .signingKey(JwtKey.hs256("tck", secret))
                        .store(store()))
                .build();
    }
}
