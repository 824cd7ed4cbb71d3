package dev.rotor.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A refresh token presented for rotation, with the policy the store applies in the same atomic step.
 *
 * @param subject the user named by the verified refresh token
 * @param sessionId the session named by the token
 * @param presentedGeneration the generation named by the token
 * @param requestId a random id of this refresh call, 1 to 64 characters of {@code A-Z a-z 0-9 - _ .}; a driver
 *     that sends the same rotation twice sends the same id, so the store answers the second as the first
 * @param now the time of the refresh
 * @param refreshTtl lifetime of the refresh token a rotation mints
 * @param gracePeriod how long after a rotation its predecessor is still answered with the same successor;
 *     {@link Duration#ZERO} turns this off
 * @param maxGraceReplays how many times the predecessor may be answered inside the grace period
 * @param revokeAllOnReuse what a detected reuse of an active session revokes: every session of the subject
 *     if {@code true}, only the reused session if {@code false}
 */
public record RotationRequest(
        String subject,
        String sessionId,
        long presentedGeneration,
        String requestId,
        Instant now,
        Duration refreshTtl,
        Duration gracePeriod,
        int maxGraceReplays,
        boolean revokeAllOnReuse) {

    /**
     * Checks the components.
     *
     * @param subject see {@link #subject()}
     * @param sessionId see {@link #sessionId()}
     * @param presentedGeneration see {@link #presentedGeneration()}
     * @param requestId see {@link #requestId()}
     * @param now see {@link #now()}
     * @param refreshTtl see {@link #refreshTtl()}
     * @param gracePeriod see {@link #gracePeriod()}
     * @param maxGraceReplays see {@link #maxGraceReplays()}
     * @param revokeAllOnReuse see {@link #revokeAllOnReuse()}
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if a number or duration is negative, the refresh TTL not positive or
     *     the request id malformed
     */
    public RotationRequest {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(refreshTtl, "refreshTtl");
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        if (!isWellFormed(requestId)) {
            throw new IllegalArgumentException("requestId must be 1 to 64 characters of A-Z a-z 0-9 - _ .");
        }
        if (presentedGeneration < 0 || maxGraceReplays < 0 || gracePeriod.isNegative()) {
            throw new IllegalArgumentException("generation, grace period and replay count must not be negative");
        }
        if (refreshTtl.isNegative() || refreshTtl.isZero()) {
            throw new IllegalArgumentException("refreshTtl must be positive");
        }
    }

    private static boolean isWellFormed(String requestId) {
        int length = requestId.length();
        if (length == 0 || length > 64) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = requestId.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
