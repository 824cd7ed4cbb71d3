package dev.rotor.spi;

import java.util.Objects;

/**
 * What one atomic rotation decided.
 *
 * @param outcome the decision
 * @param session for {@link Outcome#ROTATED}, {@link Outcome#RETRIED} and {@link Outcome#GRACE_REPLAY} the
 *     session as stored after the step, whose current generation is the one to mint; for {@link
 *     Outcome#REUSE_DETECTED} the session as it was when the reuse was seen; {@code null} for {@link
 *     Outcome#NOT_FOUND}
 * @param revokedSessions how many active sessions the step revoked (only a reuse revokes)
 */
public record RotationResult(Outcome outcome, SessionRecord session, int revokedSessions) {

    /**
     * Checks the components.
     *
     * @param outcome see {@link #outcome()}
     * @param session see {@link #session()}
     * @param revokedSessions see {@link #revokedSessions()}
     * @throws IllegalArgumentException if the session does not fit the outcome, or the count is negative
     */
    public RotationResult {
        Objects.requireNonNull(outcome, "outcome");
        if ((session == null) != (outcome == Outcome.NOT_FOUND)) {
            throw new IllegalArgumentException("session must be present unless the outcome is NOT_FOUND");
        }
        if (revokedSessions < 0) {
            throw new IllegalArgumentException("revokedSessions must not be negative");
        }
    }

    /** The decisions a rotation can reach. */
    public enum Outcome {
        /** The presented generation was current: the session moved to the next generation. */
        ROTATED,
        /**
         * The presented generation is the predecessor and the request id is the one that rotated it, or one
         * that got a grace replay of it: the same call seen twice (a driver retry). Nothing changed; answer as
         * the first time.
         */
        RETRIED,
        /**
         * The presented generation is the predecessor, inside the grace period and under the replay bound:
         * the current generation is handed out again; the replay counter went up.
         */
        GRACE_REPLAY,
        /**
         * An older generation was presented: the token was used before. If the session was still active, the
         * reuse scope was revoked.
         */
        REUSE_DETECTED,
        /**
         * No active session can answer: it is missing, expired or revoked, or stores an older generation
         * than the presented one (state was lost). Nothing changed.
         */
        NOT_FOUND
    }
}
