package dev.rotor.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where Rotor keeps its sessions. One record per session, grouped by subject so that revoking all of a
 * subject's sessions is one atomic step.
 *
 * <p><b>Race semantics.</b> Every method is atomic with respect to every other call on the same subject:
 * for any interleaving of concurrent calls, the result is that of some serial order. In particular, when
 * several callers {@link #rotate} the same generation at once, exactly one sees {@code ROTATED}.
 *
 * <p><b>Failures.</b> Decisions are return values. A method throws {@link StoreUnavailableException} only
 * when the infrastructure fails; a call that throws may or may not have been applied, and a {@link #rotate}
 * retried with the same request id is answered as the first one.
 *
 * <p><b>Expiry and revocation.</b> A record whose {@link SessionRecord#expiresAt()} has passed is treated
 * as absent by every method and must eventually leave no trace in the store. A revoked session is kept,
 * {@linkplain SessionRecord#revoked() marked revoked}, until it expires, so that its used tokens are still
 * recognised as reuse; it is never returned by {@link #find} or {@link #list}.
 *
 * <p><b>Time.</b> Each call carries {@code now} from Rotor's clock; a store judges expiry by it, not by
 * its own clock, and may use it to set time-to-live.
 */
public interface SessionStore {

    /**
     * Stores a new session.
     *
     * @param session the session at generation 0
     * @throws StoreUnavailableException if the store cannot be reached
     */
    void create(SessionRecord session);

    /**
     * Decides and applies a rotation in one atomic step, exactly as {@link RotationRules#decide} does; on
     * {@link RotationResult.Outcome#REUSE_DETECTED} of an active session it also revokes that session, or
     * every session of the subject, as {@link RotationRequest#reuseScope()} says.
     *
     * @param request the presented generation and the policy
     * @return the decision
     * @throws StoreUnavailableException if the store cannot be reached
     */
    RotationResult rotate(RotationRequest request);

    /**
     * Reads one active (neither revoked nor expired) session.
     *
     * @param subject the session's user
     * @param sessionId the session
     * @param now the time to judge expiry at
     * @return the session, or empty if it is missing, revoked or expired
     * @throws StoreUnavailableException if the store cannot be reached
     */
    Optional<SessionRecord> find(String subject, String sessionId, Instant now);

    /**
     * Lists the active sessions of a subject, in no particular order.
     *
     * @param subject the user
     * @param now the time to judge expiry at
     * @return the active sessions, possibly empty
     * @throws StoreUnavailableException if the store cannot be reached
     */
    List<SessionRecord> list(String subject, Instant now);

    /**
     * Marks one session revoked. Idempotent.
     *
     * @param subject the session's user
     * @param sessionId the session
     * @param now the time to judge expiry at
     * @return {@code true} if an active session was revoked, {@code false} if there was none
     * @throws StoreUnavailableException if the store cannot be reached
     */
    boolean revoke(String subject, String sessionId, Instant now);

    /**
     * Marks every session of a subject revoked, in one atomic step. Idempotent.
     *
     * @param subject the user
     * @param now the time to judge expiry at
     * @return how many active sessions were revoked
     * @throws StoreUnavailableException if the store cannot be reached
     */
    int revokeAll(String subject, Instant now);
}
