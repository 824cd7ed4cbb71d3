package dev.rotor.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rotor.spi.RotationResult.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The rules over a compare-and-set store: ownership, what they write, and how they handle a lost race. */
class CompareAndSetSessionStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration TTL = Duration.ofDays(1);

    private final Map<String, SessionRecord> records = new HashMap<>();
    private final List<SessionsUpdate> writes = new ArrayList<>();
    private final AtomicInteger version = new AtomicInteger();
    /** Writes still to refuse, each after another "winner" changed the session as {@link #interloper} says. */
    private int refusals;

    private java.util.function.UnaryOperator<SessionRecord> interloper = s -> s;

    private final VersionedSessionStore store = new VersionedSessionStore() {
        @Override
        public VersionedSessions read(String subject, String sessionId, Instant now) {
            SessionRecord session = records.get(sessionId);
            return new VersionedSessions(version.get(), session == null ? List.of() : List.of(session));
        }

        @Override
        public VersionedSessions readAll(String subject, Instant now) {
            return new VersionedSessions(version.get(), new ArrayList<>(records.values()));
        }

        @Override
        public boolean write(SessionsUpdate update) {
            if (refusals > 0) {
                refusals--;
                records.replaceAll((id, s) -> interloper.apply(s));
                version.incrementAndGet();
                return false;
            }
            if (update.expectedVersion() != version.get()) {
                return false;
            }
            writes.add(update);
            version.incrementAndGet();
            update.removed().forEach(records::remove);
            update.changed().forEach(s -> records.put(s.sessionId(), s));
            update.added().forEach(s -> records.put(s.sessionId(), s));
            return true;
        }
    };

    private final SessionStore rules = CompareAndSetSessionStore.over(store);
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void aRecordOfAnotherSubjectIsNotFoundAndNothingIsWritten() {
        SessionRecord bobs = SessionRecord.open("s1", "bob", null, NOW, TTL, null);
        records.put("s1", bobs);

        assertThat(RotationRules.decide(bobs, rotation("alice", 0, "r1")).outcome())
                .as("the rules check ownership themselves")
                .isEqualTo(Outcome.NOT_FOUND);
        assertThat(rules.rotate(rotation("alice", 0, "r1")).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(rules.revoke("alice", "s1", NOW)).isFalse();
        assertThat(rules.find("alice", "s1", NOW)).isEmpty();
        assertThat(writes).isEmpty();
        assertThat(records.get("s1")).isEqualTo(bobs);
    }

    @Test
    void aRecordUnderAnotherSessionIdIsNotFound() {
        SessionRecord session = SessionRecord.open("s1", "alice", null, NOW, TTL, null);

        RotationResult result = RotationRules.decide(
                session, new RotationRequest("alice", "s2", 0, "r1", NOW, TTL, Duration.ZERO, 0, true));

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void aOneStepRotationIsAnsweredWithoutAReadOrAWriteAndAnythingElseFallsBackToThem() {
        SessionRecord session = SessionRecord.open("s1", "alice", "phone", NOW, TTL, null);
        List<RotationRequest> asked = new ArrayList<>();
        SessionStore oneStep = CompareAndSetSessionStore.over(oneStep((request, expiresAt) -> {
            asked.add(request);
            return request.presentedGeneration() == 0
                    ? Optional.of(session.rotated(request.now(), request.refreshTtl(), request.requestId()))
                    : Optional.empty();
        }));
        records.put("s1", session.rotated(NOW, TTL, "r1"));

        RotationResult rotated = oneStep.rotate(rotation("alice", 0, "r2"));
        int readsOfTheStep = reads.get();
        RotationResult reused = oneStep.rotate(rotation("alice", 5, "r3"));

        assertThat(readsOfTheStep).as("reads for the one-step rotation").isZero();
        assertThat(reads).as("reads for the other").hasValue(1);
        assertThat(rotated.outcome()).isEqualTo(Outcome.ROTATED);
        assertThat(rotated.session()).isEqualTo(session.rotated(NOW, TTL, "r2"));
        assertThat(asked).extracting(RotationRequest::requestId).containsExactly("r2", "r3");
        assertThat(reused.outcome())
                .as("decided on a read, as without the step")
                .isEqualTo(Outcome.NOT_FOUND);
        assertThat(writes).isEmpty();
    }

    @Test
    void aOneStepRotationThatReturnsAnotherRecordThanItWasAskedForIsABugNotAnAnswer() {
        SessionRecord session = SessionRecord.open("s1", "alice", null, NOW, TTL, null);
        SessionStore wrong = CompareAndSetSessionStore.over(oneStep((request, expiresAt) ->
                Optional.of(session.rotated(request.now(), request.refreshTtl().plusSeconds(1), request.requestId()))));

        assertThatThrownBy(() -> wrong.rotate(rotation("alice", 0, "r1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rotateIfCurrent");
    }

    @Test
    void aOneStepRotationWhoseReplyWasLostIsFoundByItsRequestIdAndAnsweredAsRotated() {
        SessionRecord session = SessionRecord.open("s1", "alice", null, NOW, TTL, null);
        records.put("s1", session);
        SessionStore losing = CompareAndSetSessionStore.over(oneStep((request, expiresAt) -> {
            records.put("s1", session.rotated(request.now(), request.refreshTtl(), request.requestId()));
            version.incrementAndGet();
            throw new StoreUnavailableException("the reply was lost (a test's fault)", null);
        }));

        RotationResult result = losing.rotate(rotation("alice", 0, "r1"));

        assertThat(result.outcome()).isEqualTo(Outcome.ROTATED);
        assertThat(result.session()).isEqualTo(records.get("s1"));
        assertThat(writes).isEmpty();
    }

    /** {@link #store}, with {@code step} as its one-step rotation. */
    private VersionedSessionStore oneStep(BiFunction<RotationRequest, Instant, Optional<SessionRecord>> step) {
        return new VersionedSessionStore() {
            @Override
            public VersionedSessions read(String subject, String sessionId, Instant now) {
                reads.incrementAndGet();
                return store.read(subject, sessionId, now);
            }

            @Override
            public VersionedSessions readAll(String subject, Instant now) {
                reads.incrementAndGet();
                return store.readAll(subject, now);
            }

            @Override
            public boolean write(SessionsUpdate update) {
                return store.write(update);
            }

            @Override
            public Optional<SessionRecord> rotateIfCurrent(RotationRequest request, Instant expiresAt) {
                return step.apply(request, expiresAt);
            }
        };
    }

    @Test
    void aRotationThatLosesTheRaceToTheSameRotationDecidesAgainAndSeesReuse() {
        SessionRecord session = SessionRecord.open("s1", "alice", null, NOW, TTL, null);
        records.put("s1", session);
        refusals = 1;
        interloper = s -> s.rotated(NOW, TTL, "winner");

        RotationResult result = rules.rotate(rotation("alice", 0, "loser"));

        assertThat(result.outcome()).isEqualTo(Outcome.REUSE_DETECTED);
        assertThat(result.revokedSessions()).isEqualTo(1);
        assertThat(records.get("s1").revoked()).isTrue();
        assertThat(records.get("s1").lastRequestId()).isEqualTo("winner");
    }

    @Test
    void aRotationRetriesPastWritesOfOtherSessionsUntilItsOwnIsApplied() {
        records.put("s1", SessionRecord.open("s1", "alice", null, NOW, TTL, null));
        refusals = 10;

        RotationResult result = rules.rotate(rotation("alice", 0, "r1"));

        assertThat(result.outcome()).isEqualTo(Outcome.ROTATED);
        assertThat(writes).singleElement().satisfies(w -> assertThat(w.changed())
                .containsExactly(result.session()));
    }

    @Test
    void aSubjectContendedOnEveryAttemptFailsClosedHavingChangedNothing() {
        SessionRecord session = SessionRecord.open("s1", "alice", null, NOW, TTL, null);
        records.put("s1", session);
        refusals = Integer.MAX_VALUE;

        assertThatThrownBy(() -> rules.rotate(rotation("alice", 0, "r1")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(Integer.toString(CompareAndSetSessionStore.MAX_ATTEMPTS));
        assertThat(writes).isEmpty();
        assertThat(records.get("s1")).isEqualTo(session);
        assertThat(Integer.MAX_VALUE - refusals).isEqualTo(CompareAndSetSessionStore.MAX_ATTEMPTS);
    }

    @Test
    void aReuseWithScopeAllReadsEverySessionAndRevokesTheLiveOnesInOneWrite() {
        SessionRecord stolen =
                SessionRecord.open("s1", "alice", null, NOW, TTL, null).rotated(NOW, TTL, "r0");
        SessionRecord sibling = SessionRecord.open("s2", "alice", null, NOW, TTL, null);
        SessionRecord gone =
                SessionRecord.open("s3", "alice", null, NOW, TTL, null).markedRevoked();
        List.of(stolen, sibling, gone).forEach(s -> records.put(s.sessionId(), s));

        RotationResult result = rules.rotate(rotation("alice", 0, "thief"));

        assertThat(result.outcome()).isEqualTo(Outcome.REUSE_DETECTED);
        assertThat(result.revokedSessions()).isEqualTo(2);
        assertThat(writes).singleElement().satisfies(w -> assertThat(w.changed())
                .containsExactlyInAnyOrder(stolen.markedRevoked(), sibling.markedRevoked()));
    }

    @Test
    void decisionsThatChangeNothingWriteNothing() {
        SessionRecord session =
                SessionRecord.open("s1", "alice", null, NOW, TTL, null).markedRevoked();
        records.put("s1", session);

        assertThat(rules.rotate(rotation("alice", 0, "r1")).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(rules.revoke("alice", "s1", NOW)).isFalse();
        assertThat(rules.revokeAll("alice", NOW)).isZero();
        assertThat(writes).isEmpty();
    }

    @Test
    void aLoginAtTheLimitAddsTheSessionAndRemovesTheEvictedAndRevokedInOneWrite() {
        SessionRecord old = SessionRecord.open("s1", "alice", null, NOW, TTL, null);
        SessionRecord revoked =
                SessionRecord.open("s2", "alice", null, NOW, TTL, null).markedRevoked();
        SessionRecord recent = SessionRecord.open("s3", "alice", null, NOW.plusSeconds(1), TTL, null);
        List.of(old, revoked, recent).forEach(s -> records.put(s.sessionId(), s));
        SessionRecord login = SessionRecord.open("s4", "alice", null, NOW.plusSeconds(2), TTL, null);

        LoginResult result = rules.create(new LoginRequest(login, 2, false));

        assertThat(result.evicted()).containsExactly(old);
        assertThat(writes).singleElement().satisfies(w -> {
            assertThat(w.added()).containsExactly(login);
            assertThat(w.removed()).containsExactlyInAnyOrder("s1", "s2");
        });
        assertThat(records).containsOnlyKeys("s3", "s4");
    }

    private static RotationRequest rotation(String subject, long generation, String requestId) {
        return new RotationRequest(subject, "s1", generation, requestId, NOW, TTL, Duration.ZERO, 0, true);
    }
}
