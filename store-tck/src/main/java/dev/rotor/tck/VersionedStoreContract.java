package dev.rotor.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.spi.CompareAndSetSessionStore;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.SessionStore;
import dev.rotor.spi.SessionsUpdate;
import dev.rotor.spi.VersionedSessionStore;
import dev.rotor.spi.VersionedSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The contract of a compare-and-set store ({@link VersionedSessionStore}): the whole {@link
 * SessionStoreContract}, run through Rotor's {@link CompareAndSetSessionStore} over the store, and tests of
 * the primitive itself. Extend it and implement {@link #versionedStore()}, {@link #holdsAnything(String)} and
 * {@link #storedContent()}.
 */
public abstract class VersionedStoreContract extends SessionStoreContract {

    /** Writers racing on one version in each round of {@code ofWritesRacingOnOneVersionExactlyOneIsApplied}. */
    public static final int RACING_WRITERS = 8;

    private SessionStore rules;

    /** Creates the contract. */
    protected VersionedStoreContract() {}

    /**
     * The compare-and-set store under test. May return the same instance for every test.
     *
     * @return the store
     */
    protected abstract VersionedSessionStore versionedStore();

    /**
     * Rotor's rules over {@link #versionedStore()}; not for overriding.
     *
     * @return the session store the contract tests drive
     */
    @Override
    protected final SessionStore store() {
        if (rules == null) {
            rules = CompareAndSetSessionStore.over(versionedStore());
        }
        return rules;
    }

    @Test
    void aWriteOnTheVersionReadIsAppliedAndAStaleOneChangesNothing() {
        String subject = newSubject();
        SessionRecord session = openSession(subject);
        VersionedSessions read = versionedStore().read(subject, session.sessionId(), now);
        assertThat(read.sessions()).containsExactly(session);
        SessionRecord rotated = session.rotated(now.plusSeconds(1), REFRESH_TTL, "r1");

        assertThat(versionedStore().write(SessionsUpdate.changing(read.version(), rotated, now.plusSeconds(1))))
                .isTrue();
        SessionRecord stale = session.rotated(now.plusSeconds(2), REFRESH_TTL, "r2");
        assertThat(versionedStore().write(SessionsUpdate.changing(read.version(), stale, now.plusSeconds(2))))
                .as("a write on a version that has moved on")
                .isFalse();

        VersionedSessions after = versionedStore().readAll(subject, now.plusSeconds(2));
        assertThat(after.version()).isNotEqualTo(read.version());
        assertThat(after.sessions()).containsExactly(rotated);
    }

    @Test
    void aReadOfOneSessionSeesTheSameVersionAsAReadOfAll() {
        String subject = newSubject();
        SessionRecord one = openSession(subject);
        SessionRecord two = openSession(subject);

        VersionedSessions single = versionedStore().read(subject, two.sessionId(), now);
        VersionedSessions all = versionedStore().readAll(subject, now);

        assertThat(single.version()).isEqualTo(all.version());
        assertThat(single.sessions()).containsExactly(two);
        assertThat(all.sessions()).containsExactlyInAnyOrder(one, two);
        assertThat(versionedStore().read(newSubject(), one.sessionId(), now).sessions())
                .as("another subject's read")
                .isEmpty();
    }

    @Test
    void anUpdateAddsChangesAndRemovesInOneStep() {
        String subject = newSubject();
        SessionRecord kept = openSession(subject);
        SessionRecord removed = openSession(subject);
        SessionRecord added = SessionRecord.open(newSessionId(), subject, null, now, Duration.ofDays(400), null);
        VersionedSessions read = versionedStore().readAll(subject, now);

        boolean written = versionedStore()
                .write(new SessionsUpdate(
                        subject,
                        read.version(),
                        List.of(added),
                        List.of(kept.markedRevoked()),
                        List.of(removed.sessionId()),
                        now));

        assertThat(written).isTrue();
        assertThat(versionedStore().readAll(subject, now).sessions())
                .containsExactlyInAnyOrder(kept.markedRevoked(), added);
    }

    @Test
    void aVersionNeverComesBackAfterTheSubjectWasEmptied() {
        String subject = newSubject();
        Set<Long> seen = new HashSet<>();
        seen.add(versionedStore().readAll(subject, now).version());
        for (int i = 0; i < 3; i++) {
            SessionRecord session = openSession(subject);
            VersionedSessions read = versionedStore().readAll(subject, now);
            assertThat(seen.add(read.version())).as("version after login %d", i).isTrue();
            SessionsUpdate emptying = new SessionsUpdate(
                    subject, read.version(), List.of(), List.of(), List.of(session.sessionId()), now);
            assertThat(versionedStore().write(emptying)).isTrue();
            long afterEmptying = versionedStore().readAll(subject, now).version();
            assertThat(afterEmptying == read.version())
                    .as("version unchanged by a write")
                    .isFalse();
        }
    }

    @Test
    void ofWritesRacingOnOneVersionExactlyOneIsApplied() throws Exception {
        try (ConcurrentRefresher threads = new ConcurrentRefresher(RACING_WRITERS)) {
            for (int round = 0; round < rounds(); round++) {
                String subject = newSubject();
                SessionRecord session = openSession(subject);
                long version = versionedStore().readAll(subject, now).version();
                List<Callable<Boolean>> writers = new ArrayList<>();
                for (int i = 0; i < RACING_WRITERS; i++) {
                    SessionRecord mine = session.rotated(now.plusSeconds(1), REFRESH_TTL, "w" + i);
                    Instant at = now.plusSeconds(1);
                    writers.add(() -> versionedStore().write(SessionsUpdate.changing(version, mine, at)));
                }

                List<Boolean> applied = threads.atOnce(writers);

                assertThat(applied).as("round %d", round).containsOnlyOnce(true);
                String winner = "w" + applied.indexOf(true);
                assertThat(versionedStore().readAll(subject, now).sessions())
                        .singleElement()
                        .satisfies(s -> assertThat(s.lastRequestId()).isEqualTo(winner));
            }
        }
    }
}
