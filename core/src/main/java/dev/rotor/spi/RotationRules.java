package dev.rotor.spi;

import dev.rotor.spi.RotationResult.Outcome;
import java.time.Duration;

/**
 * The reference decision of a rotation. Every {@link SessionStore} must reach the same outcome for the same
 * record and request; a store written in Java calls {@link #decide} inside its atomic section, writes the
 * returned session back and applies the reuse scope, and so only has to supply the atomicity.
 */
public final class RotationRules {

    private static final RotationResult NOT_FOUND = new RotationResult(Outcome.NOT_FOUND, null, 0);

    private RotationRules() {}

    /**
     * Decides what a presented generation does to a session.
     *
     * <ul>
     *   <li>current generation of an active session: {@link Outcome#ROTATED}; store the returned session;
     *   <li>predecessor, with the request id that rotated it or that got one of its grace replays: {@link
     *       Outcome#RETRIED}; nothing to store;
     *   <li>predecessor inside the grace period and under the replay bound: {@link Outcome#GRACE_REPLAY};
     *       store the returned session (the request id added to its replays);
     *   <li>any other older generation: {@link Outcome#REUSE_DETECTED}. If the session is active, the caller
     *       revokes per {@link RotationRequest#revokeAllOnReuse()} and reports how many active sessions it revoked;
     *       if it was already revoked, nothing more is revoked;
     *   <li>no session, one of another subject or session id, an expired one, a newer generation than stored, or the current or retried generation
     *       of a revoked session: {@link Outcome#NOT_FOUND}.
     * </ul>
     *
     * @param current the stored session, or {@code null} if none is stored under the id
     * @param request the presented token and the policy
     * @return the decision; for {@link Outcome#REUSE_DETECTED} its revoked count is 0 and the caller
     *     supplies the real count
     */
    public static RotationResult decide(SessionRecord current, RotationRequest request) {
        if (current == null
                || !current.subject().equals(request.subject())
                || !current.sessionId().equals(request.sessionId())
                || current.isExpired(request.now())) {
            return NOT_FOUND;
        }
        long presented = request.presentedGeneration();
        long stored = current.generation();
        boolean retry = presented == stored - 1
                && (request.requestId().equals(current.lastRequestId())
                        || current.replayRequestIds().contains(request.requestId()));
        if (presented > stored || (current.revoked() && (presented == stored || retry))) {
            return NOT_FOUND;
        }
        if (current.revoked()) {
            return new RotationResult(Outcome.REUSE_DETECTED, current, 0);
        }
        if (presented == stored) {
            SessionRecord next = current.rotated(request.now(), request.refreshTtl(), request.requestId());
            return new RotationResult(Outcome.ROTATED, next, 0);
        }
        if (retry) {
            return new RotationResult(Outcome.RETRIED, current, 0);
        }
        if (presented == stored - 1 && withinGrace(current, request)) {
            return new RotationResult(Outcome.GRACE_REPLAY, current.replayedInGrace(request.requestId()), 0);
        }
        return new RotationResult(Outcome.REUSE_DETECTED, current, 0);
    }

    private static boolean withinGrace(SessionRecord current, RotationRequest request) {
        Duration sinceRotation = Duration.between(current.rotatedAt(), request.now());
        return !request.gracePeriod().isZero()
                && sinceRotation.compareTo(request.gracePeriod()) <= 0
                && current.graceReplays() < request.maxGraceReplays();
    }
}
