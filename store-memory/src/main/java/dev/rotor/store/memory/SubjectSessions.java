package dev.rotor.store.memory;

import dev.rotor.spi.SessionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The sessions of one subject: an immutable value, replaced as a whole inside {@code compute}, so readers
 * never see a half-applied change. Every change drops expired sessions and sets the entry's deadline, on
 * Caffeine's ticker, to the end of its longest-lived session; a call that changes nothing keeps the deadline.
 */
record SubjectSessions(Map<String, SessionRecord> bySessionId, long deadlineNanos) {

    private static final SubjectSessions EMPTY = new SubjectSessions(Map.of(), 0);

    /** Longer lives are cut to this, so a deadline on the nanosecond ticker cannot overflow. */
    private static final Duration LONGEST_LIFE = Duration.ofDays(365L * 50);

    static SubjectSessions of(SubjectSessions existing) {
        return existing == null ? EMPTY : existing;
    }

    SessionRecord get(String sessionId) {
        return bySessionId.get(sessionId);
    }

    List<SessionRecord> active(Instant now) {
        List<SessionRecord> active = new ArrayList<>(bySessionId.size());
        for (SessionRecord session : bySessionId.values()) {
            if (session.isActive(now)) {
                active.add(session);
            }
        }
        return active;
    }

    /** The entry with {@code session} stored, or {@code null} if nothing unexpired remains. */
    SubjectSessions with(SessionRecord session, Instant now) {
        return rebuilt(session.sessionId(), unused -> session, now);
    }

    SubjectSessions revoking(String sessionId, Instant now) {
        return rebuilt(sessionId, SessionRecord::markedRevoked, now);
    }

    SubjectSessions revokingAll(Instant now) {
        return rebuilt(null, SessionRecord::markedRevoked, now);
    }

    /** Nanoseconds left until the deadline, never negative. */
    long nanosLeft(long tickerNanos) {
        return Math.max(0, deadlineNanos - tickerNanos);
    }

    /** This entry as it is, or {@code null} (remove it) if it holds nothing unexpired. */
    SubjectSessions orNull() {
        return bySessionId.isEmpty() ? null : this;
    }

    /**
     * A copy without expired sessions, where {@code change} replaces the session {@code sessionId} (stored
     * even if absent so far), or every session when {@code sessionId} is {@code null}.
     */
    private SubjectSessions rebuilt(String sessionId, UnaryOperator<SessionRecord> change, Instant now) {
        Map<String, SessionRecord> copy = new HashMap<>(bySessionId.size() * 2 + 2);
        Instant latest = now;
        for (SessionRecord session : bySessionId.values()) {
            boolean changed = sessionId == null || sessionId.equals(session.sessionId());
            latest = keep(copy, changed ? change.apply(session) : session, now, latest);
        }
        if (sessionId != null && !bySessionId.containsKey(sessionId)) {
            latest = keep(copy, change.apply(null), now, latest);
        }
        return copy.isEmpty()
                ? null
                : new SubjectSessions(
                        Collections.unmodifiableMap(copy),
                        System.nanoTime() + lifeNanos(Duration.between(now, latest)));
    }

    private static long lifeNanos(Duration life) {
        return (life.compareTo(LONGEST_LIFE) > 0 ? LONGEST_LIFE : life).toNanos();
    }

    private static Instant keep(Map<String, SessionRecord> copy, SessionRecord session, Instant now, Instant latest) {
        if (session == null || session.isExpired(now)) {
            return latest;
        }
        copy.put(session.sessionId(), session);
        return session.expiresAt().isAfter(latest) ? session.expiresAt() : latest;
    }
}
