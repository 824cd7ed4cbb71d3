package dev.rotor.spi;

import java.time.Instant;

/**
 * The second tier of the store SPI: a store that only reads a subject's sessions with a version and writes
 * them back if that version is unchanged (compare-and-set). Rotor runs every rule on top of it, in {@link
 * CompareAndSetSessionStore}: the rotation decision, what a reuse revokes, grace replays, the per-subject
 * session limit, and retrying when a concurrent call on the same subject won.
 *
 * <p><b>The version.</b> Each subject has one version, a {@code long} opaque to Rotor. Every successful
 * {@link #write} moves it to a value it has not had before for that subject (a counter kept with the
 * subject's records, a database sequence); reads return it together with the records, from one consistent
 * snapshot. Dropping expired records need not change it. A store that forgets a subject's version along with
 * its last record must not start it again at a value an earlier read may have returned.
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
 * no lock held between them, at {@code READ COMMITTED}). Logins, logout-all and reuse with scope "all
 * sessions" read all of the subject's records.
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
}
