package dev.rotor.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where Rotor keeps its sessions: the native tier of the SPI, for a store that runs the rules itself in one
 * atomic step of its own (Redis's Lua scripts). A store that can only read with a version and compare-and-set
 * implements {@link VersionedSessionStore} instead, and Rotor runs the rules over it.
 *
 * <p>One record per session, grouped by subject so that revoking all of a
 * subject's sessions is one atomic step.
 *
 * <p><b>Race semantics.</b> Every method is atomic with respect to every other call on the same subject:
 * for any interleaving of concurrent calls, the result is that of some serial order. In particular, when
 * several callers {@link #rotate} the same generation at once, exactly one sees {@code ROTATED}; a rotation
 * never undoes a concurrent revocation; and concurrent grace replays are counted one by one. A write made
 * conditional on the generation alone is not enough, since revocations and grace replays change a session
 * without changing its generation: lock the subject's records, or compare a version that every write changes.
 *
 * <p><b>Ownership.</b> A session belongs to its subject. A call naming another subject finds nothing of it
 * and changes nothing, even though session ids are random and unique: key a session by subject and id.
 *
 * <p><b>Failures.</b> Decisions are return values. A method throws {@link StoreUnavailableException} only
 * when the infrastructure fails; a call that throws may or may not have been applied, and a {@link #rotate}
 * retried with the same request id is answered as the first one.
 *
 * <p><b>Expiry and revocation.</b> A record whose {@link SessionRecord#expiresAt()} has passed is treated
 * as absent by every method and must soon leave no trace in the store (the contract tests allow {@code expiryDeadline()}, 10 seconds by default); a
 * call that changes nothing must not extend how long anything is kept. A revoked session, whether by {@link
 * #revoke}, {@link #revokeAll} or a reuse alarm, is kept, {@linkplain SessionRecord#revoked() marked
 * revoked}, until it expires or a login at the session limit forgets it, so that its used tokens are still
 * recognised as reuse; it is never returned by {@link #find} or {@link #list}.
 *
 * <p><b>Inputs.</b> Subjects are 1 to 1024 UTF-16 characters, any well-formed text (braces, bars, line
 * breaks and {@code U+0000} included), so up to about 3 KB of UTF-8; device ids are up to 256 such characters.
 * Session ids and request ids are opaque text of up to 64 characters of {@code A-Z a-z 0-9 - _ .}: Rotor's own
 * are 22 and 16 characters of base64url, the contract tests use others. Times come to the millisecond and
 * must come back exactly as given.
 *
 * <p><b>Time.</b> Each call carries {@code now} from Rotor's clock ({@link #create} in the record's {@link
 * SessionRecord#createdAt()}); a store judges expiry by it, not by its own clock, and may use it to set
 * time-to-live.
 */
public interface SessionStore {

    /**
     * Stores a new session, enforcing the subject's session limit in the same atomic step exactly as {@link
     * LoginRequest} describes. Rotor never creates a session id twice.
     *
     * @param request the session at generation 0 and the limit
     * @return whether it was stored, and which live sessions were evicted for it
     * @throws StoreUnavailableException if the store cannot be reached
     */
    LoginResult create(LoginRequest request);

    /**
     * Decides and applies a rotation in one atomic step, exactly as {@link RotationRules#decide} does; on
     * {@link RotationResult.Outcome#REUSE_DETECTED} of an active session it also revokes that session, or
     * every session of the subject, as {@link RotationRequest#revokeAllOnReuse()} says.
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
