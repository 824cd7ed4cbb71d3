package dev.rotor.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult;
import dev.rotor.spi.RotationResult.Outcome;
import dev.rotor.spi.SessionRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Calls on one subject racing each other, released together on a latch, round after round. A store that
 * reads, decides and then writes only if the generation is unchanged passes a race of rotations alone but
 * fails these: a grace replay and a revocation change a session without changing its generation. Part of
 * {@link SessionStoreContract}.
 */
public abstract class RaceContract extends LifecycleContract {

    private static final int REPLAYERS = 8;
    private static final int MAX_REPLAYS = 3;

    /** Creates the contract. */
    protected RaceContract() {}

    @Test
    void concurrentGraceReplaysAreCountedOneByOne() throws Exception {
        Duration grace = Duration.ofSeconds(30);
        try (ConcurrentRefresher threads = new ConcurrentRefresher(REPLAYERS)) {
            for (int round = 0; round < rounds(); round++) {
                SessionRecord session = openSession(newSubject());
                store().rotate(rotation(session, 0, now.plusSeconds(1)));
                List<Callable<RotationResult>> replays = new ArrayList<>();
                for (int i = 0; i < REPLAYERS; i++) {
                    RotationRequest replay =
                            with(rotation(session, 0, now.plusSeconds(2)), "r" + i, grace, MAX_REPLAYS, false);
                    replays.add(() -> store().rotate(replay));
                }

                List<RotationResult> results = threads.atOnce(replays);

                assertThat(results)
                        .as("round %d", round)
                        .filteredOn(r -> r.outcome() == Outcome.GRACE_REPLAY)
                        .extracting(r -> r.session().graceReplays())
                        .containsExactlyInAnyOrder(1, 2, 3);
                assertThat(results)
                        .as("round %d", round)
                        .filteredOn(r -> r.outcome() != Outcome.GRACE_REPLAY)
                        .hasSize(REPLAYERS - MAX_REPLAYS)
                        .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.REUSE_DETECTED));
                assertThat(results.stream()
                                .mapToInt(RotationResult::revokedSessions)
                                .sum())
                        .as("sessions revoked in round %d", round)
                        .isEqualTo(1);
                assertThat(store().find(session.subject(), session.sessionId(), now.plusSeconds(3)))
                        .isEmpty();
            }
        }
    }

    @Test
    void aRotationNeverUndoesAConcurrentRevocation() throws Exception {
        try (ConcurrentRefresher threads = new ConcurrentRefresher(2)) {
            for (int round = 0; round < rounds(); round++) {
                SessionRecord session = openSession(newSubject());
                boolean everything = round % 2 == 1;
                Callable<Object> revoke = everything
                        ? () -> store().revokeAll(session.subject(), now.plusSeconds(1))
                        : () -> store().revoke(session.subject(), session.sessionId(), now.plusSeconds(1));
                Callable<Object> rotate = () -> store().rotate(rotation(session, 0, now.plusSeconds(1)));

                List<Object> results = threads.atOnce(List.of(revoke, rotate));

                assertThat(results.get(0)).as("revoked in round %d", round).isEqualTo(everything ? 1 : true);
                assertThat(((RotationResult) results.get(1)).outcome()).isIn(Outcome.ROTATED, Outcome.NOT_FOUND);
                assertThat(store().find(session.subject(), session.sessionId(), now.plusSeconds(2)))
                        .as("live after round %d", round)
                        .isEmpty();
            }
        }
    }

    @Test
    void aReuseRevokesASiblingSessionThatRotatesAtTheSameTime() throws Exception {
        try (ConcurrentRefresher threads = new ConcurrentRefresher(2)) {
            for (int round = 0; round < rounds(); round++) {
                String subject = newSubject();
                SessionRecord stolen = openSession(subject);
                store().rotate(rotation(stolen, 0, now.plusSeconds(1)));
                SessionRecord sibling = openSession(subject);
                Callable<RotationResult> reuse = () -> store().rotate(rotation(stolen, 0, now.plusSeconds(2)));
                Callable<RotationResult> rotate = () -> store().rotate(rotation(sibling, 0, now.plusSeconds(2)));

                List<RotationResult> results = threads.atOnce(List.of(reuse, rotate));

                assertThat(results.get(0).outcome()).isEqualTo(Outcome.REUSE_DETECTED);
                assertThat(results.get(0).revokedSessions())
                        .as("revoked in round %d", round)
                        .isEqualTo(2);
                assertThat(results.get(1).outcome()).isIn(Outcome.ROTATED, Outcome.NOT_FOUND);
                assertThat(store().list(subject, now.plusSeconds(3)))
                        .as("live after round %d", round)
                        .isEmpty();
            }
        }
    }

    @Test
    void refreshesOfEverySessionOfOneUserAtOnceAllRotate() throws Exception {
        int sessions = 16;
        try (ConcurrentRefresher threads = new ConcurrentRefresher(sessions)) {
            for (int round = 0; round < rounds() / 4; round++) {
                String subject = newSubject();
                List<Callable<RotationResult>> rotations = new ArrayList<>();
                for (int i = 0; i < sessions; i++) {
                    SessionRecord session = openSession(subject);
                    rotations.add(() -> store().rotate(rotation(session, 0, now.plusSeconds(1))));
                }

                List<RotationResult> results = threads.atOnce(rotations);

                assertThat(results)
                        .as("round %d: contention on one user is no error and no reuse", round)
                        .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.ROTATED));
                assertThat(store().list(subject, now.plusSeconds(1)))
                        .as("round %d", round)
                        .hasSize(sessions)
                        .allSatisfy(s -> assertThat(s.generation()).isEqualTo(1));
            }
        }
    }
}
