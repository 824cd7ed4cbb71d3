package dev.rotor.store.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.rotor.spi.CompareAndSetSessionStore;
import dev.rotor.spi.ForwardingSessionStore;
import dev.rotor.spi.SessionStore;
import dev.rotor.spi.SessionsUpdate;
import dev.rotor.spi.VersionedSessionStore;
import dev.rotor.spi.VersionedSessions;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link SessionStore} in this JVM's memory. Thread-safe; every method is atomic per subject.
 *
 * <p>A compare-and-set store: Rotor's {@link CompareAndSetSessionStore} runs the rules, and this class only
 * reads a subject's sessions with their version and swaps them for a changed copy if the version is unchanged.
 *
 * <p>Bounded: past {@code maximumSubjects} users, Caffeine evicts the least valuable users' sessions, which
 * logs those users out (a missing session is refused, never accepted). Nothing survives a restart.
 */
public final class CaffeineSessionStore extends ForwardingSessionStore {

    /** How many users' sessions {@link #create()} keeps at most. */
    public static final long DEFAULT_MAXIMUM_SUBJECTS = 1_000_000;

    private final Cache<String, SubjectSessions> cache;

    /** Versions for the whole store, so a subject evicted and stored again never repeats one. */
    private final AtomicLong versions = new AtomicLong();

    private final VersionedSessionStore versioned = new Versioned();
    private final SessionStore rules = CompareAndSetSessionStore.over(versioned);

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

    /** Rotor's rules over the cache. */
    @Override
    protected SessionStore delegate() {
        return rules;
    }

    /** The cache as a compare-and-set store: one entry per subject, swapped whole in {@code compute}. */
    private final class Versioned implements VersionedSessionStore {
        @Override
        public VersionedSessions read(String subject, String sessionId, Instant now) {
            SubjectSessions sessions = cache.getIfPresent(subject);
            return sessions == null ? SubjectSessions.NOTHING : sessions.one(sessionId);
        }

        @Override
        public VersionedSessions readAll(String subject, Instant now) {
            SubjectSessions sessions = cache.getIfPresent(subject);
            return sessions == null ? SubjectSessions.NOTHING : sessions.all();
        }

        @Override
        public boolean write(SessionsUpdate update) {
            AtomicBoolean written = new AtomicBoolean();
            cache.asMap().compute(update.subject(), (subject, stored) -> {
                long current = stored == null ? SubjectSessions.NOTHING.version() : stored.version();
                if (current != update.expectedVersion()) {
                    return stored;
                }
                written.set(true);
                return SubjectSessions.applied(stored, update, versions.incrementAndGet());
            });
            return written.get();
        }
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

    /** The compare-and-set primitive under the rules, for the conformance kit's tests of it. */
    VersionedSessionStore versioned() {
        return versioned;
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
