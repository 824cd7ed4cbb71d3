package dev.rotor.spi;

import java.util.List;
import java.util.Objects;

/**
 * Sessions of one subject as a {@link VersionedSessionStore} read them, with the subject's version at that
 * moment: the value a later {@link VersionedSessionStore#write} must find unchanged.
 *
 * @param version the subject's version, opaque to Rotor and compared only for equality; a store returns some
 *     fixed value (such as 0) for a subject it holds nothing of
 * @param sessions the records read, revoked ones included; records already expired may be left out or
 *     included (Rotor treats them as absent); in no particular order
 */
public record VersionedSessions(long version, List<SessionRecord> sessions) {

    /**
     * Checks the components.
     *
     * @param version see {@link #version()}
     * @param sessions see {@link #sessions()}
     * @throws NullPointerException if {@code sessions} is {@code null} or holds {@code null}
     */
    public VersionedSessions {
        sessions = List.copyOf(Objects.requireNonNull(sessions, "sessions"));
    }

    /**
     * The record of one session among those read.
     *
     * @param sessionId the session
     * @return its record, or {@code null} if it was not read
     */
    public SessionRecord find(String sessionId) {
        for (SessionRecord session : sessions) {
            if (session.sessionId().equals(sessionId)) {
                return session;
            }
        }
        return null;
    }
}
