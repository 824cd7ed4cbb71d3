package dev.rotor.store.memory;

import dev.rotor.spi.SessionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The sessions of one subject: an immutable value, replaced as a whole inside {@code compute}, so readers
 * never see a half-applied change. Every write drops expired sessions and sets the entry's time-to-live to
 * that of its longest-lived session.
 */
record SubjectSessions(Map<String, SessionRecord> bySessionId, Duration timeToLive) {

    private static final SubjectSessions EMPTY = new SubjectSessions(Map.of(), Duration.ZERO);

    static SubjectSessions of(SubjectSessions existing) {
        return existing == null ? EMPTY : existing;
    }

    SessionRecord get(String sessionId) {
        return bySessionId.get(sessionId);
    }

    List<SessionRecord> active(Instant now) {
        return bySessionId.values().stream().filter(s -> s.isActive(now)).toList();
    }

    /** The entry with {@code session} stored, or {@code null} if nothing unexpired remains. */
    SubjectSessions with(SessionRecord session, Instant now) {
        Map<String, SessionRecord> copy = new HashMap<>(bySessionId);
        copy.put(session.sessionId(), session);
        return rebuilt(copy, now);
    }

    SubjectSessions revoking(String sessionId, Instant now) {
        return mapped(session -> session.sessionId().equals(sessionId) ? session.revoke() : session, now);
    }

    SubjectSessions revokingAll(Instant now) {
        return mapped(SessionRecord::revoke, now);
    }

    /** This entry as it is, or {@code null} (remove it) if it holds nothing unexpired. */
    SubjectSessions orNull() {
        return bySessionId.isEmpty() ? null : this;
    }

    private SubjectSessions mapped(UnaryOperator<SessionRecord> change, Instant now) {
        Map<String, SessionRecord> copy = new HashMap<>();
        bySessionId.forEach((id, session) -> copy.put(id, change.apply(session)));
        return rebuilt(copy, now);
    }

    private static SubjectSessions rebuilt(Map<String, SessionRecord> sessions, Instant now) {
        sessions.values().removeIf(session -> session.isExpired(now));
        Instant latest = sessions.values().stream()
                .map(SessionRecord::expiresAt)
                .max(Instant::compareTo)
                .orElse(now);
        return sessions.isEmpty() ? null : new SubjectSessions(Map.copyOf(sessions), Duration.between(now, latest));
    }
}
