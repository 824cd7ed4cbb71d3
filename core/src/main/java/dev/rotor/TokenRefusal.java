package dev.rotor;

import dev.rotor.RotorException.Reason;
import java.time.Instant;
import java.util.Objects;

/**
 * A presented token the service refused, reported to {@link TokenEventListener#onRefusal}. It names neither
 * the token nor its subject: a forged token has no subject worth trusting, and counting refusals needs neither.
 *
 * @param operation which call refused it
 * @param reason why, as the {@link RotorException} thrown to the caller says
 * @param time when, by Rotor's clock
 */
public record TokenRefusal(Operation operation, Reason reason, Instant time) {

    /**
     * Checks the components.
     *
     * @param operation see {@link #operation()}
     * @param reason see {@link #reason()}
     * @param time see {@link #time()}
     * @throws NullPointerException if a component is {@code null}
     */
    public TokenRefusal {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(time, "time");
    }

    /** The calls of {@link TokenService} that are given a token. */
    public enum Operation {
        /** {@link TokenService#refresh(String)} and its device form. */
        REFRESH,
        /** {@link TokenService#verifyAccessToken(String)}. */
        VERIFY_ACCESS_TOKEN,
        /** {@link TokenService#logout(String)}. */
        LOGOUT
    }
}
