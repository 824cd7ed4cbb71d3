package dev.rotor.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * The second tier of the store SPI: a store that only reads a subject's sessions with a version and writes
 * them back if that version is unchanged (compare-and-set). Rotor runs every rule on top of it, in {@link
 * CompareAndSetSessionStore}: the rotation decision, what a reuse revokes, grace replays, the per-subject
 * session limit, and retrying when a concurrent call on the same subject won.
 *
 * <p><b>The version.</b> Each subject has one version, a {@code long} opaque to Rotor; reads return it together
 * with the records, from one consistent snapshot, and every successful {@link #write} changes it. The rule:
 * <em>a version read while the subject held records is never read again for that subject once it has been
 * written</em> (a counter kept with the subject's records, a database sequence). The one value that may come
 * back is that of a subject holding no record at all: a store may forget an emptied subject and answer a
 * fixed value (such as 0) for every empty one, because a decision made on a read that found nothing only
 * adds a record, which is right on any empty subject. That value must never be read together with records.
 * So a store that forgets a subject's counter with its last record starts it again only from a value no
 * earlier read returned. Dropping expired records need not change the version.
 *
 * <p><b>Ownership and inputs.</b> Records are reached through their subject: a read names the subject and
 * must not return another subject's record, whatever the session id (Rotor checks this too). Subjects, ids
 * and times are as {@link SessionStore} describes; times come back exactly as given.
 *
 * <p><b>Expiry.</b> A record whose {@link SessionRecord#expiresAt()} has passed is absent to Rotor; the store
 * must delete it soon (on a schedule, a time-to-live, or when it next writes the subject), and must not keep
 * anything of a subject longer than its longest-lived record.
 *
 * <p><b>Failures.</b> A lost write is not a decision: {@link #write} returns {@code false} only when the
 * version had changed. A method throws {@link StoreUnavailableException} when the infrastructure fails and
 * nothing else; a write that throws may or may not have been applied.
 *
 * <p><b>Cost.</b> A rotation is one {@link #read} and one {@link #write} of one record. A SQL store can read
 * the record and the subject's version in one {@code SELECT}, and write in one statement that moves the
 * version only {@code WHERE version = ?} and updates the record in the same statement (two round trips,
 * no lock held between them, at {@code READ COMMITTED}). A store that implements {@link #rotateIfCurrent}
 * makes the common rotation one round trip instead. Logins, logout-all and reuse with scope "all sessions"
 * read all of the subject's records.
 */
public interface VersionedSessionStore {

    /**
     * Reads one session of a subject and the subject's version.
     *
     * @param subject the session's user
     * @param sessionId the session
     * @param now the time of the call; records that expired before it may be left out
     * @return the version, and the session's record if it is stored for this subject (else no record)
     * @throws StoreUnavailableException if the store cannot be reached
     */
    VersionedSessions read(String subject, String sessionId, Instant now);

    /**
     * Reads every session of a subject, revoked ones included, and the subject's version.
     *
     * @param subject the user
     * @param now the time of the call; records that expired before it may be left out
     * @return the version and the records
     * @throws StoreUnavailableException if the store cannot be reached
     */
    VersionedSessions readAll(String subject, Instant now);

    /**
     * Applies an update if the subject's version is still {@link SessionsUpdate#expectedVersion()}: in one
     * atomic step, stores the added records, replaces the changed ones (a changed record the store has
     * already deleted as expired stays deleted), deletes the removed ones and moves the version on.
     * Otherwise changes nothing.
     *
     * @param update the change and the version it was decided on
     * @return {@code true} if it was applied, {@code false} if the version had changed
     * @throws StoreUnavailableException if the store cannot be reached
     */
    boolean write(SessionsUpdate update);

    /**
     * Optional: the common rotation, a token presented at its session's current generation, in one atomic step
     * instead of a {@link #read} and a {@link #write}. It is a compare-and-set on the record's own fields, with
     * every value given: if the session is stored for {@code request.subject()} at generation {@code
     * request.presentedGeneration()}, not revoked, with its {@link SessionRecord#expiresAt()} after {@code
     * request.now()}, the store sets its generation to the next one, its {@link SessionRecord#rotatedAt()} to
     * {@code request.now()}, its expiry to {@code expiresAt} or to its absolute expiry if that comes first, its
     * last request id to {@code request.requestId()} and its replay request ids to none, moves the subject's
     * version on, and returns the record as it now stands. Otherwise it changes nothing and returns empty, and
     * Rotor reads and decides as for any other call; a store may also return empty without trying (while it
     * knows its database is unreachable, say), since that changes nothing.
     *
     * <p>That condition is exactly where {@link RotationRules#decide} answers {@link
     * RotationResult.Outcome#ROTATED}, and the record set is the one it returns; Rotor checks the returned
     * record against it. A call that throws {@link StoreUnavailableException} may or may not have been applied:
     * Rotor reads again and finds out by the request id, so the store must not send the step again itself. The
     * default returns empty, for a store where the two calls cost no more.
     *
     * @param request the rotation, as Rotor passes it to {@link SessionStore#rotate}
     * @param expiresAt the rotated record's expiry: {@code request.now()} plus the refresh token lifetime
     * @return the rotated record, or empty if the condition did not hold (or the store has no such step)
     * @throws StoreUnavailableException if the store cannot be reached
     */
    default Optional<SessionRecord> rotateIfCurrent(RotationRequest request, Instant expiresAt) {
        return Optional.empty();
    }
}
