package dev.rotor.store.memory;

import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.SessionsUpdate;
import dev.rotor.spi.VersionedSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sessions of one subject and their version: an immutable value, replaced as a whole inside {@code
 * compute}, so readers never see a half-applied change. Every change drops expired sessions and sets the
 * entry's deadline, on Caffeine's ticker, to the end of its longest-lived session; a refused change keeps the
 * entry as it is.
 */
record SubjectSessions(Map<String, SessionRecord> bySessionId, long version, long deadlineNanos) {

    /** Longer lives are cut to this, so a deadline on the nanosecond ticker cannot overflow. */
    private static final long LONGEST_LIFE_MILLIS = Duration.ofDays(365L * 50).toMillis();

    /** What a read of a subject the cache holds nothing of answers. */
    static final VersionedSessions NOTHING = new VersionedSessions(0, List.of());

    VersionedSessions one(String sessionId) {
        SessionRecord session = bySessionId.get(sessionId);
        return new VersionedSessions(version, session == null ? List.of() : List.of(session));
    }

    VersionedSessions all() {
        return new VersionedSessions(version, new ArrayList<>(bySessionId.values()));
    }

    /** Nanoseconds left until the deadline, never negative. */
    long nanosLeft(long tickerNanos) {
        return Math.max(0, deadlineNanos - tickerNanos);
    }

    /**
     * The sessions of {@code stored} (none if {@code null}) with {@code update} applied and expired ones
     * dropped, at {@code version}; {@code null} (remove the entry) if nothing unexpired remains.
     */
    static SubjectSessions applied(SubjectSessions stored, SessionsUpdate update, long version) {
        if (stored != null && stored.bySessionId.size() == 1 && isOneChange(update)) {
            SessionRecord changed = update.changed().get(0);
            if (stored.bySessionId.containsKey(changed.sessionId())) { // a user's only session, rotated
                return changed.isExpired(update.now())
                        ? null
                        : new SubjectSessions(
                                Map.of(changed.sessionId(), changed),
                                version,
                                System.nanoTime() + lifeNanos(update.now(), changed.expiresAt()));
            }
        }
        Map<String, SessionRecord> copy = new HashMap<>(stored == null ? Map.of() : stored.bySessionId);
        update.removed().forEach(copy::remove);
        for (SessionRecord session : update.changed()) {
            copy.replace(session.sessionId(), session); // one dropped as expired stays dropped
        }
        for (SessionRecord session : update.added()) {
            copy.put(session.sessionId(), session);
        }
        Instant now = update.now();
        Instant latest = now;
        for (var sessions = copy.values().iterator(); sessions.hasNext(); ) {
            SessionRecord session = sessions.next();
            if (session.isExpired(now)) {
                sessions.remove();
            } else if (session.expiresAt().isAfter(latest)) {
                latest = session.expiresAt();
            }
        }
        return copy.isEmpty()
                ? null
                : new SubjectSessions(
                        Collections.unmodifiableMap(copy), version, System.nanoTime() + lifeNanos(now, latest));
    }

    private static boolean isOneChange(SessionsUpdate update) {
        return update.changed().size() == 1
                && update.added().isEmpty()
                && update.removed().isEmpty();
    }

    /** Nanoseconds from {@code now} to {@code end}, at most {@link #LONGEST_LIFE_MILLIS}. */
    private static long lifeNanos(Instant now, Instant end) {
        return Math.min(end.toEpochMilli() - now.toEpochMilli(), LONGEST_LIFE_MILLIS) * 1_000_000;
    }
}
