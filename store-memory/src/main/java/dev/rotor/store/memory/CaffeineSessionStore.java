package dev.rotor.store.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.rotor.ReuseScope;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult;
import dev.rotor.spi.RotationResult.Outcome;
import dev.rotor.spi.RotationRules;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.SessionStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link SessionStore} in this JVM's memory. Thread-safe; every method is atomic per subject.
 *
 * <p>Bounded: past {@code maximumSubjects} users, Caffeine evicts the least valuable users' sessions, which
 * logs those users out (a missing session is refused, never accepted). Nothing survives a restart.
 */
public final class CaffeineSessionStore implements SessionStore {

    /** How many users' sessions {@link #create()} keeps at most. */
    public static final long DEFAULT_MAXIMUM_SUBJECTS = 1_000_000;

    private final Cache<String, SubjectSessions> cache;

    private CaffeineSessionStore(long maximumSubjects) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSubjects)
                // Expiry and eviction bookkeeping runs on the calling thread, amortised, instead of
                // waking a pool thread on every write.
                .executor(Runnable::run)
                .expireAfter(new UntilDeadline())
                .build();
    }

    /**
     * A store for up to {@link #DEFAULT_MAXIMUM_SUBJECTS} users.
     *
     * @return a new, empty store
     */
    public static CaffeineSessionStore create() {
        return new CaffeineSessionStore(DEFAULT_MAXIMUM_SUBJECTS);
    }

    /**
     * A store for up to {@code maximumSubjects} users.
     *
     * @param maximumSubjects how many users' sessions to keep at most, at least 1
     * @return a new, empty store
     * @throws IllegalArgumentException if {@code maximumSubjects} is below 1
     */
    public static CaffeineSessionStore create(long maximumSubjects) {
        if (maximumSubjects < 1) {
            throw new IllegalArgumentException("maximumSubjects must be at least 1");
        }
        return new CaffeineSessionStore(maximumSubjects);
    }

    @Override
    public void create(SessionRecord session) {
        cache.asMap().compute(session.subject(), (subject, sessions) -> SubjectSessions.of(sessions)
                .with(session, session.createdAt()));
    }

    @Override
    public RotationResult rotate(RotationRequest request) {
        AtomicReference<RotationResult> result = new AtomicReference<>();
        cache.asMap().compute(request.subject(), (subject, stored) -> {
            SubjectSessions sessions = SubjectSessions.of(stored);
            RotationResult decision = RotationRules.decide(sessions.get(request.sessionId()), request);
            result.set(decision);
            Instant now = request.now();
            SessionRecord session = decision.session();
            switch (decision.outcome()) {
                case ROTATED, GRACE_REPLAY:
                    return sessions.with(session, now);
                case REUSE_DETECTED:
                    if (!session.isActive(now)) {
                        return sessions.orNull();
                    }
                    boolean wholeSubject = request.reuseScope() == ReuseScope.ALL_SESSIONS;
                    int revoked = wholeSubject ? sessions.active(now).size() : 1;
                    result.set(new RotationResult(Outcome.REUSE_DETECTED, session, revoked));
                    return wholeSubject ? sessions.revokingAll(now) : sessions.revoking(session.sessionId(), now);
                default:
                    return sessions.orNull();
            }
        });
        return result.get();
    }

    @Override
    public Optional<SessionRecord> find(String subject, String sessionId, Instant now) {
        SubjectSessions sessions = cache.getIfPresent(subject);
        SessionRecord session = sessions == null ? null : sessions.get(sessionId);
        return session != null && session.isActive(now) ? Optional.of(session) : Optional.empty();
    }

    @Override
    public List<SessionRecord> list(String subject, Instant now) {
        SubjectSessions sessions = cache.getIfPresent(subject);
        return sessions == null ? List.of() : sessions.active(now);
    }

    @Override
    public boolean revoke(String subject, String sessionId, Instant now) {
        AtomicInteger revoked = new AtomicInteger();
        cache.asMap().computeIfPresent(subject, (key, sessions) -> {
            SessionRecord session = sessions.get(sessionId);
            if (session == null || !session.isActive(now)) {
                return sessions.orNull();
            }
            revoked.set(1);
            return sessions.revoking(sessionId, now);
        });
        return revoked.get() == 1;
    }

    @Override
    public int revokeAll(String subject, Instant now) {
        AtomicInteger revoked = new AtomicInteger();
        cache.asMap().computeIfPresent(subject, (key, sessions) -> {
            revoked.set(sessions.active(now).size());
            return sessions.revokingAll(now);
        });
        return revoked.get();
    }

    /** Expires an entry at the deadline its value carries, so a call that changes nothing extends nothing. */
    private static final class UntilDeadline implements Expiry<String, SubjectSessions> {
        @Override
        public long expireAfterCreate(String subject, SubjectSessions sessions, long currentTime) {
            return sessions.nanosLeft(currentTime);
        }

        @Override
        public long expireAfterUpdate(
                String subject, SubjectSessions sessions, long currentTime, long currentDuration) {
            return sessions.nanosLeft(currentTime);
        }

        @Override
        public long expireAfterRead(String subject, SubjectSessions sessions, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    /** Drops expired entries now instead of on Caffeine's own schedule; for tests and diagnostics. */
    void cleanUp() {
        cache.cleanUp();
    }

    boolean holdsEntryFor(String subject) {
        return cache.asMap().containsKey(subject);
    }

    /** Every stored record as text, for tests that search the store for token fragments. */
    String dump() {
        return cache.asMap().toString();
    }
}
