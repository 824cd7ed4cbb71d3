package dev.rotor.spring.boot;

import dev.rotor.AccessClaims;
import dev.rotor.Login;
import dev.rotor.RotorException;
import dev.rotor.SessionInfo;
import dev.rotor.TokenEvent;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The auto-configured {@link TokenService} observed: {@code rotor.login}, {@code rotor.refresh} and {@code
 * rotor.revoke} with a low-cardinality {@code outcome} and {@code operation}. No subject, session or token ever becomes a tag. Without an observation registry it costs a no-op.
 */
final class ObservedTokenService implements TokenService {

    private final TokenService tokens;
    private final ObjectProvider<ObservationRegistry> observations;

    ObservedTokenService(TokenService tokens, ObjectProvider<ObservationRegistry> observations) {
        this.tokens = tokens;
        this.observations = observations;
    }

    @Override
    public TokenPair issue(String subject) {
        return observe("rotor.login", "issue", () -> tokens.issue(subject), pair -> "issued");
    }

    @Override
    public TokenPair issue(String subject, String deviceId, Map<String, ?> claims) {
        return observe("rotor.login", "issue", () -> tokens.issue(subject, deviceId, claims), pair -> "issued");
    }

    @Override
    public TokenPair issue(Login login) {
        return observe("rotor.login", "issue", () -> tokens.issue(login), pair -> "issued");
    }

    @Override
    public String jwkSet() {
        return tokens.jwkSet();
    }

    @Override
    public TokenPair refresh(String refreshToken) {
        return observe("rotor.refresh", "refresh", () -> tokens.refresh(refreshToken), pair -> refreshOutcome());
    }

    @Override
    public TokenPair refresh(String refreshToken, String deviceId) {
        return observe(
                "rotor.refresh", "refresh", () -> tokens.refresh(refreshToken, deviceId), pair -> refreshOutcome());
    }

    @Override
    public AccessClaims verifyAccessToken(String accessToken) {
        return tokens.verifyAccessToken(accessToken); // failures are counted by OutcomeRecorder.onRefusal
    }

    @Override
    public boolean logout(String refreshToken) {
        return observe("rotor.revoke", "logout", () -> tokens.logout(refreshToken), ObservedTokenService::revoked);
    }

    @Override
    public boolean logoutSession(String subject, String sessionId) {
        return observe(
                "rotor.revoke",
                "logout_session",
                () -> tokens.logoutSession(subject, sessionId),
                ObservedTokenService::revoked);
    }

    @Override
    public int logoutAll(String subject) {
        return observe("rotor.revoke", "logout_all", () -> tokens.logoutAll(subject), count -> revoked(count > 0));
    }

    @Override
    public List<SessionInfo> sessions(String subject) {
        return tokens.sessions(subject);
    }

    private <T> T observe(String name, String operation, Supplier<T> call, Function<T, String> outcome) {
        ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        Observation observation = Observation.createNotStarted(name, registry)
                .lowCardinalityKeyValue("operation", operation)
                .start();
        OutcomeRecorder.begin();
        String result = "invalid";
        try {
            T value = call.get();
            result = outcome.apply(value);
            return value;
        } catch (RotorException refused) {
            result = refusalOutcome(refused);
            if (refused.reason() == RotorException.Reason.STORE_UNAVAILABLE) {
                observation.error(refused);
            }
            throw refused;
        } finally {
            OutcomeRecorder.take();
            observation.lowCardinalityKeyValue("outcome", result).stop();
        }
    }

    private static String refreshOutcome() {
        TokenEvent.Type type = OutcomeRecorder.take();
        if (type == TokenEvent.Type.RETRY_ANSWERED) {
            return "retry";
        }
        return type == TokenEvent.Type.GRACE_REPLAY ? "grace_replay" : "rotated";
    }

    private static String revoked(boolean any) {
        return any ? "revoked" : "none";
    }

    /** One of a fixed set, never input. */
    private static String refusalOutcome(RotorException refused) {
        switch (refused.reason()) {
            case TOKEN_EXPIRED:
                return "expired";
            case TOKEN_REUSED:
                return "reuse_detected";
            case TOKEN_REVOKED:
                return "revoked";
            case USER_NOT_FOUND:
                return "user_not_found";
            case STORE_UNAVAILABLE:
                return "store_unavailable";
            case SESSION_LIMIT_REACHED:
                return "session_limit_reached";
            default:
                return "invalid";
        }
    }
}
