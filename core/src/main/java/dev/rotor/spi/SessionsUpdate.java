package dev.rotor.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change to the sessions of one subject that Rotor decided on a {@link VersionedSessions} read, to be
 * applied by {@link VersionedSessionStore#write} only if the subject's version is still the one read.
 *
 * <p>A rotation changes one record, a grace replay one, a revocation one or all live ones of the subject, a
 * login adds one and may remove some. Every record belongs to {@link #subject()}.
 *
 * @param subject the user whose sessions change
 * @param expectedVersion the {@link VersionedSessions#version()} the decision was made on
 * @param added new sessions; their ids are new
 * @param changed records replacing stored ones of the same session id
 * @param removed ids of sessions to delete
 * @param now the time of the call, by Rotor's clock; a store may use it to set time-to-live and to drop
 *     records that have expired
 */
public record SessionsUpdate(
        String subject,
        long expectedVersion,
        List<SessionRecord> added,
        List<SessionRecord> changed,
        List<String> removed,
        Instant now) {

    /**
     * Checks the components.
     *
     * @param subject see {@link #subject()}
     * @param expectedVersion see {@link #expectedVersion()}
     * @param added see {@link #added()}
     * @param changed see {@link #changed()}
     * @param removed see {@link #removed()}
     * @param now see {@link #now()}
     * @throws NullPointerException if a component is {@code null} or a list holds {@code null}
     * @throws IllegalArgumentException if a record belongs to another subject
     */
    public SessionsUpdate {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(now, "now");
        added = List.copyOf(Objects.requireNonNull(added, "added"));
        changed = List.copyOf(Objects.requireNonNull(changed, "changed"));
        removed = List.copyOf(Objects.requireNonNull(removed, "removed"));
        for (List<SessionRecord> records : List.of(added, changed)) {
            for (SessionRecord record : records) {
                if (!record.subject().equals(subject)) {
                    throw new IllegalArgumentException("every record of an update belongs to its subject");
                }
            }
        }
    }

    /**
     * An update that replaces one stored record: a rotation, a grace replay or one revocation.
     *
     * @param expectedVersion the version read
     * @param session the new record
     * @param now the time of the call
     * @return the update
     */
    public static SessionsUpdate changing(long expectedVersion, SessionRecord session, Instant now) {
        return new SessionsUpdate(session.subject(), expectedVersion, List.of(), List.of(session), List.of(), now);
    }
}
