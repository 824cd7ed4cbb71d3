package dev.rotor.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult;
import dev.rotor.spi.RotationResult.Outcome;
import dev.rotor.spi.SessionRecord;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every outcome of {@code rotate}; part of {@link SessionStoreContract}. */
public abstract class RotationContract extends StoreFixture {

    /** Creates the contract. */
    protected RotationContract() {}

    @Test
    void rotatingTheCurrentGenerationMovesToTheNext() {
        SessionRecord session = openSession(newSubject());
        Instant later = now.plusSeconds(60);
        RotationRequest request = rotation(session, 0, later);

        RotationResult result = store().rotate(request);

        assertThat(result.outcome()).isEqualTo(Outcome.ROTATED);
        SessionRecord rotated = result.session();
        assertThat(rotated.generation()).isEqualTo(1);
        assertThat(rotated.rotatedAt()).isEqualTo(later);
        assertThat(rotated.expiresAt()).isEqualTo(later.plus(REFRESH_TTL));
        assertThat(rotated.lastRequestId()).isEqualTo(request.requestId());
        assertThat(rotated.createdAt()).isEqualTo(session.createdAt());
        assertThat(rotated.deviceId()).isEqualTo("phone");
        assertThat(store().find(session.subject(), session.sessionId(), later)).contains(rotated);
    }

    @Test
    void theSameRotationSeenTwiceIsAnsweredAsTheFirstAndChangesNothing() {
        SessionRecord session = openSession(newSubject());
        RotationRequest request = rotation(session, 0, now.plusSeconds(1));
        SessionRecord rotated = store().rotate(request).session();

        RotationResult again = store().rotate(request);

        assertThat(again.outcome()).isEqualTo(Outcome.RETRIED);
        assertThat(again.session()).isEqualTo(rotated);
        assertThat(again.revokedSessions()).isZero();
        assertThat(store().find(session.subject(), session.sessionId(), now.plusSeconds(2)))
                .contains(rotated);
    }

    @Test
    void aRetryLongAfterTheRotationIsStillNotReuse() {
        SessionRecord session = openSession(newSubject());
        RotationRequest request = rotation(session, 0, now.plusSeconds(1));
        store().rotate(request);

        RotationRequest late = new RotationRequest(
                request.subject(),
                request.sessionId(),
                0,
                request.requestId(),
                now.plus(Duration.ofHours(1)),
                REFRESH_TTL,
                Duration.ZERO,
                0,
                true);

        assertThat(store().rotate(late).outcome()).isEqualTo(Outcome.RETRIED);
    }

    @Test
    void presentingThePredecessorAgainIsReuseAndRevokesEverySessionOfTheSubject() {
        String subject = newSubject();
        SessionRecord session = openSession(subject);
        SessionRecord otherDevice = openSession(subject);
        SessionRecord otherUser = openSession(newSubject());
        store().rotate(rotation(session, 0, now.plusSeconds(1)));
        store().rotate(rotation(otherDevice, 0, now.plusSeconds(1)));

        RotationResult reuse = store().rotate(rotation(session, 0, now.plusSeconds(2)));

        assertThat(reuse.outcome()).isEqualTo(Outcome.REUSE_DETECTED);
        assertThat(reuse.revokedSessions()).isEqualTo(2);
        assertThat(reuse.session().generation()).isEqualTo(1);
        assertThat(store().list(subject, now.plusSeconds(3))).isEmpty();
        assertThat(store().find(subject, otherDevice.sessionId(), now.plusSeconds(3)))
                .isEmpty();
        assertThat(store().find(otherUser.subject(), otherUser.sessionId(), now.plusSeconds(3)))
                .isPresent();
        assertThat(store().rotate(rotation(otherDevice, 0, now.plusSeconds(4))).outcome())
                .as("the other device's session is kept, marked revoked, so its old token is still reuse")
                .isEqualTo(Outcome.REUSE_DETECTED);
    }

    @Test
    void withSessionScopeReuseRevokesOnlyThatSession() {
        String subject = newSubject();
        SessionRecord session = openSession(subject);
        SessionRecord otherDevice = openSession(subject);
        store().rotate(rotation(session, 0, now.plusSeconds(1)));
        RotationRequest replay = with(rotation(session, 0, now.plusSeconds(2)), "x", Duration.ZERO, 0, false);

        RotationResult reuse = store().rotate(replay);

        assertThat(reuse.outcome()).isEqualTo(Outcome.REUSE_DETECTED);
        assertThat(reuse.revokedSessions()).isEqualTo(1);
        assertThat(store().find(subject, session.sessionId(), now.plusSeconds(3)))
                .isEmpty();
        assertThat(store().list(subject, now.plusSeconds(3)))
                .extracting(SessionRecord::sessionId)
                .containsExactly(otherDevice.sessionId());
    }

    @Test
    void afterReuseEveryGenerationIsRefusedAndOlderOnesStillCountAsReuseButRevokeNothingMore() {
        SessionRecord session = openSession(newSubject());
        store().rotate(rotation(session, 0, now.plusSeconds(1)));
        store().rotate(rotation(session, 0, now.plusSeconds(2)));
        SessionRecord loginAfterTheAlarm = openSession(session.subject());

        assertThat(store().rotate(rotation(session, 1, now.plusSeconds(3))).outcome())
                .isEqualTo(Outcome.NOT_FOUND);
        RotationResult second = store().rotate(rotation(session, 0, now.plusSeconds(4)));
        assertThat(second.outcome()).isEqualTo(Outcome.REUSE_DETECTED);
        assertThat(second.revokedSessions()).isZero();
        assertThat(store().find(session.subject(), loginAfterTheAlarm.sessionId(), now.plusSeconds(5)))
                .as("an old token of a revoked session can't log the user out again")
                .contains(loginAfterTheAlarm);
    }

    @Test
    void theGrandPredecessorIsReuseEvenInsideTheGracePeriod() {
        SessionRecord session = openSession(newSubject());
        store().rotate(rotation(session, 0, now.plusSeconds(1)));
        store().rotate(rotation(session, 1, now.plusSeconds(2)));
        RotationRequest grand = with(rotation(session, 0, now.plusSeconds(3)), "g", Duration.ofMinutes(1), 5, false);

        assertThat(store().rotate(grand).outcome()).isEqualTo(Outcome.REUSE_DETECTED);
    }

    @Test
    void thePredecessorInsideTheGracePeriodGetsTheSameSuccessorAtMostMaxReplaysTimes() {
        SessionRecord session = openSession(newSubject());
        SessionRecord rotated =
                store().rotate(rotation(session, 0, now.plusSeconds(1))).session();
        Duration grace = Duration.ofSeconds(30);

        RotationResult first = store().rotate(with(rotation(session, 0, now.plusSeconds(5)), "a", grace, 2, false));
        RotationResult second = store().rotate(with(rotation(session, 0, now.plusSeconds(6)), "b", grace, 2, false));
        RotationResult third = store().rotate(with(rotation(session, 0, now.plusSeconds(7)), "c", grace, 2, false));

        assertThat(first.outcome()).isEqualTo(Outcome.GRACE_REPLAY);
        assertThat(first.session().generation()).isEqualTo(1);
        assertThat(first.session().rotatedAt()).isEqualTo(rotated.rotatedAt());
        assertThat(first.session().expiresAt()).isEqualTo(rotated.expiresAt());
        assertThat(first.session().graceReplays()).isEqualTo(1);
        assertThat(second.outcome()).isEqualTo(Outcome.GRACE_REPLAY);
        assertThat(second.session().graceReplays()).isEqualTo(2);
        assertThat(third.outcome()).isEqualTo(Outcome.REUSE_DETECTED);
    }

    @Test
    void aResentGraceReplayIsAnsweredAgainWithoutCountingTwice() {
        SessionRecord session = openSession(newSubject());
        store().rotate(rotation(session, 0, now.plusSeconds(1)));
        Duration grace = Duration.ofSeconds(30);
        RotationRequest replay = with(rotation(session, 0, now.plusSeconds(2)), "replay-1", grace, 1, false);

        RotationResult first = store().rotate(replay);
        RotationResult resent = store().rotate(replay);

        assertThat(first.outcome()).isEqualTo(Outcome.GRACE_REPLAY);
        assertThat(resent.outcome()).isEqualTo(Outcome.RETRIED);
        assertThat(resent.session()).isEqualTo(first.session());
        assertThat(resent.session().graceReplays()).isEqualTo(1);
        assertThat(store().rotate(with(replay, "replay-2", grace, 1, false)).outcome())
                .isEqualTo(Outcome.REUSE_DETECTED);
    }

    @Test
    void aGraceReplayResentAfterALaterReplayIsStillAnsweredAsTheFirstTime() {
        SessionRecord session = openSession(newSubject());
        store().rotate(rotation(session, 0, now.plusSeconds(1)));
        Duration grace = Duration.ofSeconds(30);
        RotationRequest replayA = with(rotation(session, 0, now.plusSeconds(2)), "replay-a", grace, 2, true);
        RotationRequest replayB = with(rotation(session, 0, now.plusSeconds(3)), "replay-b", grace, 2, true);

        RotationResult first = store().rotate(replayA);
        RotationResult second = store().rotate(replayB);
        RotationResult resentA = store().rotate(replayA);
        RotationResult resentB = store().rotate(replayB);

        assertThat(first.outcome()).isEqualTo(Outcome.GRACE_REPLAY);
        assertThat(second.outcome()).isEqualTo(Outcome.GRACE_REPLAY);
        assertThat(second.session().replayRequestIds()).containsExactly("replay-a", "replay-b");
        assertThat(resentA.outcome()).isEqualTo(Outcome.RETRIED);
        assertThat(resentA.session()).isEqualTo(second.session());
        assertThat(resentB.outcome()).isEqualTo(Outcome.RETRIED);
        assertThat(store().find(session.subject(), session.sessionId(), now.plusSeconds(4)))
                .hasValueSatisfying(stored -> assertThat(stored.graceReplays()).isEqualTo(2));
    }

    @Test
    void aRotationByAnInstanceWhoseClockIsBehindIsStoredAndReadable() {
        SessionRecord session = openSession(newSubject());

        RotationResult rotated = store().rotate(rotation(session, 0, now.minusSeconds(5)));

        assertThat(rotated.outcome()).isEqualTo(Outcome.ROTATED);
        assertThat(store().find(session.subject(), session.sessionId(), now)).contains(rotated.session());
        assertThat(store().list(session.subject(), now)).containsExactly(rotated.session());
    }

    @Test
    void thePredecessorAfterTheGracePeriodIsReuse() {
        SessionRecord session = openSession(newSubject());
        store().rotate(rotation(session, 0, now.plusSeconds(1)));
        RotationRequest late =
                with(rotation(session, 0, now.plusSeconds(32)), "late", Duration.ofSeconds(30), 3, false);

        assertThat(store().rotate(late).outcome()).isEqualTo(Outcome.REUSE_DETECTED);
    }

    @Test
    void theGracePeriodIncludesItsLastMillisecondAndNotOneMore() {
        Duration grace = Duration.ofSeconds(30);
        SessionRecord onTime = openSession(newSubject());
        SessionRecord late = openSession(newSubject());
        Instant rotatedAt = now.plusSeconds(1);
        store().rotate(rotation(onTime, 0, rotatedAt));
        store().rotate(rotation(late, 0, rotatedAt));

        RotationResult lastMoment =
                store().rotate(with(rotation(onTime, 0, rotatedAt.plus(grace)), "edge", grace, 1, false));
        RotationResult oneMillisecondLater =
                store().rotate(with(rotation(late, 0, rotatedAt.plus(grace).plusMillis(1)), "edge", grace, 1, false));

        assertThat(lastMoment.outcome()).isEqualTo(Outcome.GRACE_REPLAY);
        assertThat(oneMillisecondLater.outcome()).isEqualTo(Outcome.REUSE_DETECTED);
    }

    @Test
    void aRotationResetsTheGraceCounter() {
        SessionRecord session = openSession(newSubject());
        Duration grace = Duration.ofSeconds(30);
        store().rotate(rotation(session, 0, now.plusSeconds(1)));
        store().rotate(with(rotation(session, 0, now.plusSeconds(2)), "r1", grace, 1, false));

        SessionRecord next =
                store().rotate(rotation(session, 1, now.plusSeconds(3))).session();
        RotationResult replay = store().rotate(with(rotation(session, 1, now.plusSeconds(4)), "r2", grace, 1, false));

        assertThat(next.graceReplays()).isZero();
        assertThat(replay.outcome()).isEqualTo(Outcome.GRACE_REPLAY);
    }

    @Test
    void aGenerationNewerThanStoredIsRefusedAndChangesNothing() {
        SessionRecord session = openSession(newSubject());

        RotationResult result = store().rotate(rotation(session, 5, now.plusSeconds(1)));

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(store().find(session.subject(), session.sessionId(), now.plusSeconds(2)))
                .contains(session);
    }

    @Test
    void aMissingSessionIsNotFound() {
        SessionRecord never = SessionRecord.open("missing", newSubject(), null, now, REFRESH_TTL, null);

        assertThat(store().rotate(rotation(never, 0, now)).outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void anExpiredSessionIsNotFoundEvenIfStillStored() {
        SessionRecord session = openSession(newSubject());

        RotationResult result = store().rotate(rotation(session, 0, session.expiresAt()));

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void rotationNeverExtendsTheAbsoluteLifetime() {
        SessionRecord session =
                SessionRecord.open(newSessionId(), newSubject(), null, now, REFRESH_TTL, Duration.ofDays(8));
        login(session);

        SessionRecord rotated = store().rotate(rotation(session, 0, now.plus(Duration.ofDays(6))))
                .session();

        assertThat(rotated.expiresAt()).isEqualTo(now.plus(Duration.ofDays(8)));
        assertThat(rotated.absoluteExpiresAt()).isEqualTo(now.plus(Duration.ofDays(8)));
        assertThat(store().rotate(rotation(rotated, 1, now.plus(Duration.ofDays(8))))
                        .outcome())
                .isEqualTo(Outcome.NOT_FOUND);
    }
}
