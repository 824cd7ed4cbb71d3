package dev.rotor.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rotor.TokenEvent;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.spi.CompareAndSetSessionStore;
import dev.rotor.spi.LoginRequest;
import dev.rotor.spi.LoginResult;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult.Outcome;
import dev.rotor.spi.RotationRules;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.SessionStore;
import dev.rotor.spi.SessionsUpdate;
import dev.rotor.spi.StoreUnavailableException;
import dev.rotor.spi.VersionedSessionStore;
import dev.rotor.spi.VersionedSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
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
    void aVersionReadWithRecordsIsNeverReadAgainAndOnlyAnEmptySubjectsVersionMayRepeat() {
        String subject = newSubject();
        Set<Long> withRecords = new HashSet<>();
        Set<Long> empty = new HashSet<>();
        empty.add(versionedStore().readAll(subject, now).version());
        for (int i = 0; i < 3; i++) {
            SessionRecord session = openSession(subject);
            VersionedSessions opened = versionedStore().readAll(subject, now);
            assertThat(withRecords.add(opened.version()))
                    .as("version after login %d is new", i)
                    .isTrue();
            SessionRecord rotated = session.rotated(now, REFRESH_TTL, "r" + i);
            assertThat(versionedStore().write(SessionsUpdate.changing(opened.version(), rotated, now)))
                    .isTrue();
            VersionedSessions changed = versionedStore().readAll(subject, now);
            assertThat(withRecords.add(changed.version()))
                    .as("version after rotation %d is new", i)
                    .isTrue();
            SessionsUpdate emptying = new SessionsUpdate(
                    subject, changed.version(), List.of(), List.of(), List.of(session.sessionId()), now);
            assertThat(versionedStore().write(emptying)).isTrue();
            VersionedSessions emptied = versionedStore().readAll(subject, now);
            assertThat(emptied.sessions()).isEmpty();
            assertThat(withRecords)
                    .as("versions read with records, after emptying %d", i)
                    .doesNotContain(emptied.version());
            empty.add(emptied.version());
        }
        assertThat(withRecords)
                .as("an empty subject's version is never one read with records")
                .doesNotContainAnyElementsOf(empty);
    }

    @Test
    void aRefreshWhoseWriteLandedButWhoseReplyWasLostSucceedsAsIfTheReplyHadArrived() {
        assertALostReplyIsAnsweredAsIfItHadArrived(false, losing -> losing.failNext(1, true));
    }

    @Test
    void aRefreshWhoseOneStepRotationLandedButWhoseReplyWasLostSucceedsAsIfTheReplyHadArrived() {
        assertALostReplyIsAnsweredAsIfItHadArrived(true, ReplyLosingStore::loseNextStepReply);
    }

    /** A refresh whose reply {@code lose} loses, with or without the store's one-step rotation. */
    private void assertALostReplyIsAnsweredAsIfItHadArrived(boolean oneStep, Consumer<ReplyLosingStore> lose) {
        ReplyLosingStore losing = new ReplyLosingStore(versionedStore(), oneStep);
        List<TokenEvent> events = new CopyOnWriteArrayList<>();
        TokenService tokens = tokenService(CompareAndSetSessionStore.over(losing), b -> b.eventListener(events::add));
        String subject = newSubject();
        TokenPair laptop = tokens.issue(subject, "laptop", Map.of());
        TokenPair phone = tokens.issue(subject, "phone", Map.of());
        events.clear();

        lose.accept(losing);
        TokenPair rotated = tokens.refresh(laptop.refreshToken());

        assertThat(events).extracting(TokenEvent::type).containsExactly(TokenEvent.Type.REFRESHED);
        assertThat(tokens.refresh(rotated.refreshToken()).sessionId()).isEqualTo(laptop.sessionId());
        assertThat(tokens.refresh(phone.refreshToken()).sessionId())
                .as("grace off, no reuse")
                .isEqualTo(phone.sessionId());
        assertThat(versionedStore().readAll(subject, now.plusSeconds(1)).sessions())
                .filteredOn(s -> s.sessionId().equals(laptop.sessionId()))
                .singleElement()
                .satisfies(s -> assertThat(s.generation())
                        .as("rotated once, then once more")
                        .isEqualTo(2));
    }

    @Test
    void aLoginWhoseWriteLandedButWhoseReplyWasLostIsAppliedOnceAndReportsItsEvictions() {
        ReplyLosingStore losing = new ReplyLosingStore(versionedStore(), false);
        SessionStore rules = CompareAndSetSessionStore.over(losing);
        String subject = newSubject();
        SessionRecord oldest = SessionRecord.open(newSessionId(), subject, "a", now, REFRESH_TTL, null);
        SessionRecord middle = SessionRecord.open(newSessionId(), subject, "b", now.plusMillis(1), REFRESH_TTL, null);
        SessionRecord newest = SessionRecord.open(newSessionId(), subject, "c", now.plusMillis(2), REFRESH_TTL, null);
        rules.create(new LoginRequest(oldest, 2, false));
        rules.create(new LoginRequest(middle, 2, false));

        losing.failNext(1, true);
        LoginResult result = rules.create(new LoginRequest(newest, 2, false));

        assertThat(result).isEqualTo(new LoginResult(true, List.of(oldest)));
        assertThat(versionedStore().readAll(subject, now.plusMillis(2)).sessions())
                .containsExactlyInAnyOrder(middle, newest);
        assertThat(rules.create(new LoginRequest(newest, 2, false)))
                .as("the same login sent again")
                .isEqualTo(LoginResult.sentAgain());
        assertThat(versionedStore().readAll(subject, now.plusMillis(2)).sessions())
                .containsExactlyInAnyOrder(middle, newest);
    }

    @Test
    void aRotationWhoseWriteFailsBeforeLandingIsWrittenAgainAndAStoreThatStaysDownFailsClosed() {
        ReplyLosingStore losing = new ReplyLosingStore(versionedStore(), false);
        SessionStore rules = CompareAndSetSessionStore.over(losing);
        SessionRecord session = openSession(newSubject());

        losing.failNext(1, false);
        assertThat(rules.rotate(rotation(session, 0, now.plusSeconds(1))).outcome())
                .isEqualTo(Outcome.ROTATED);

        losing.failNext(Integer.MAX_VALUE, false);
        int before = losing.writes();
        assertThatThrownBy(() -> rules.rotate(rotation(session, 1, now.plusSeconds(2))))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(losing.writes() - before).isEqualTo(CompareAndSetSessionStore.MAX_LOST_REPLIES);
        assertThat(versionedStore()
                        .read(session.subject(), session.sessionId(), now.plusSeconds(2))
                        .sessions())
                .singleElement()
                .satisfies(s -> assertThat(s.generation()).isEqualTo(1));
        losing.failNext(0, false);
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

    @Test
    void aOneStepRotationAppliesExactlyWhereTheRulesRotateAndChangesNothingElsewhere() {
        String subject = newSubject();
        SessionRecord current = openSession(subject);
        SessionRecord rotatedOnce = openSession(subject).rotated(now, REFRESH_TTL, "r0");
        SessionRecord revoked = openSession(subject).markedRevoked();
        SessionRecord capped = SessionRecord.open(newSessionId(), subject, null, now, REFRESH_TTL, Duration.ofDays(1));
        VersionedSessions setUp = versionedStore().readAll(subject, now);
        assertThat(versionedStore()
                        .write(new SessionsUpdate(
                                subject,
                                setUp.version(),
                                List.of(capped),
                                List.of(rotatedOnce, revoked),
                                List.of(),
                                now)))
                .isTrue();
        Instant at = now.plusSeconds(1);
        List<RotationRequest> refused = List.of(
                rotation(rotatedOnce, 0, at), // an older generation
                rotation(rotatedOnce, 2, at), // a newer one
                rotation(revoked, 0, at),
                rotation(current, 0, now.plus(REFRESH_TTL)), // expired
                rotation(SessionRecord.open(current.sessionId(), newSubject(), null, now, REFRESH_TTL, null), 0, at));
        for (RotationRequest request : refused) {
            VersionedSessions before = versionedStore().readAll(subject, now);
            assertThat(versionedStore().rotateIfCurrent(request, request.now().plus(REFRESH_TTL)))
                    .as("generation %d of %s", request.presentedGeneration(), request.sessionId())
                    .isEmpty();
            assertUnchanged(before, versionedStore().readAll(subject, now));
        }

        for (SessionRecord session : List.of(current, capped)) { // the second's absolute expiry caps its sliding one
            VersionedSessions before = versionedStore().readAll(subject, now);
            RotationRequest request = rotation(session, 0, at);
            Optional<SessionRecord> rotated = versionedStore().rotateIfCurrent(request, at.plus(REFRESH_TTL));

            VersionedSessions after = versionedStore().readAll(subject, now);
            if (rotated.isEmpty()) { // a store without the step: nothing happened, Rotor reads and writes instead
                assertUnchanged(before, after);
                continue;
            }
            SessionRecord ruled = RotationRules.decide(session, request).session();
            assertThat(rotated).contains(ruled);
            assertThat(after.find(session.sessionId())).isEqualTo(ruled);
            assertThat(after.version()).as("the version moved on").isNotEqualTo(before.version());
            assertThat(versionedStore().write(SessionsUpdate.changing(before.version(), session.markedRevoked(), at)))
                    .as("a write decided before the one-step rotation")
                    .isFalse();
        }
    }

    @Test
    void ofOneStepRotationsAndWritesRacingOnOneGenerationExactlyOneIsApplied() throws Exception {
        try (ConcurrentRefresher threads = new ConcurrentRefresher(RACING_WRITERS)) {
            for (int round = 0; round < rounds(); round++) {
                String subject = newSubject();
                SessionRecord session = openSession(subject);
                long version = versionedStore().readAll(subject, now).version();
                Instant at = now.plusSeconds(1);
                List<Callable<Boolean>> racers = new ArrayList<>();
                for (int i = 0; i < RACING_WRITERS; i++) {
                    String id = "w" + i;
                    if (i % 2 == 0) {
                        SessionRecord mine = session.rotated(at, REFRESH_TTL, id);
                        racers.add(() -> versionedStore().write(SessionsUpdate.changing(version, mine, at)));
                    } else {
                        RotationRequest mine = with(rotation(session, 0, at), id, Duration.ZERO, 0, true);
                        racers.add(() -> versionedStore()
                                .rotateIfCurrent(mine, at.plus(REFRESH_TTL))
                                .isPresent());
                    }
                }

                List<Boolean> applied = threads.atOnce(racers);

                assertThat(applied).as("round %d", round).containsOnlyOnce(true);
                String winner = "w" + applied.indexOf(true);
                assertThat(versionedStore().readAll(subject, now).sessions())
                        .singleElement()
                        .satisfies(s -> {
                            assertThat(s.lastRequestId()).isEqualTo(winner);
                            assertThat(s.generation()).isEqualTo(1);
                        });
            }
        }
    }

    private static void assertUnchanged(VersionedSessions before, VersionedSessions after) {
        assertThat(after.version()).as("the version").isEqualTo(before.version());
        assertThat(after.sessions()).as("the records").containsExactlyInAnyOrderElementsOf(before.sessions());
    }
}
