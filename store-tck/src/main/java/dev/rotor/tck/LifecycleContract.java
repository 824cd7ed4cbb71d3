package dev.rotor.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.spi.RotationResult;
import dev.rotor.spi.RotationResult.Outcome;
import dev.rotor.spi.SessionRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Creating, finding, listing, revoking and expiring sessions; part of {@link SessionStoreContract}. */
public abstract class LifecycleContract extends RotationContract {

    /** Creates the contract. */
    protected LifecycleContract() {}

    @Test
    void aCreatedSessionCanBeFoundAndListed() {
        String subject = newSubject();
        SessionRecord session = openSession(subject);

        assertThat(store().find(subject, session.sessionId(), now)).contains(session);
        assertThat(store().list(subject, now)).containsExactly(session);
        assertThat(store().find(newSubject(), session.sessionId(), now)).isEmpty();
    }

    @Test
    void aSessionIsReachedOnlyThroughItsOwnSubject() {
        SessionRecord session = openSession(newSubject());
        String stranger = newSubject();
        SessionRecord impostor = SessionRecord.open(session.sessionId(), stranger, "phone", now, REFRESH_TTL, null);

        assertThat(store().rotate(rotation(impostor, 0, now.plusSeconds(1))).outcome())
                .isEqualTo(Outcome.NOT_FOUND);
        assertThat(store().revoke(stranger, session.sessionId(), now.plusSeconds(1)))
                .isFalse();
        assertThat(store().revokeAll(stranger, now.plusSeconds(1))).isZero();
        assertThat(store().find(stranger, session.sessionId(), now)).isEmpty();
        assertThat(store().list(stranger, now)).isEmpty();
        assertThat(store().find(session.subject(), session.sessionId(), now.plusSeconds(2)))
                .contains(session);
    }

    @Test
    void aSessionThatLastsCenturiesIsStoredRotatedAndFound() {
        String subject = newSubject();
        Duration centuries = Duration.ofDays(365L * 400);
        SessionRecord session = SessionRecord.open(newSessionId(), subject, null, now, centuries, null);

        login(session);
        RotationResult rotated = store().rotate(rotation(session, 0, now.plusSeconds(1)));

        assertThat(rotated.outcome()).isEqualTo(Outcome.ROTATED);
        assertThat(store().find(subject, session.sessionId(), now.plusSeconds(2)))
                .contains(rotated.session());
    }

    @Test
    void listingShowsOnlyTheSubjectsActiveSessions() {
        String subject = newSubject();
        SessionRecord first = openSession(subject);
        SessionRecord second = openSession(subject);
        SessionRecord revoked = openSession(subject);
        openSession(newSubject());
        store().revoke(subject, revoked.sessionId(), now);

        assertThat(store().list(subject, now)).containsExactlyInAnyOrder(first, second);
        assertThat(store().list(newSubject(), now)).isEmpty();
    }

    @Test
    void revokingIsIdempotent() {
        String subject = newSubject();
        SessionRecord session = openSession(subject);
        SessionRecord other = openSession(subject);

        assertThat(store().revoke(subject, session.sessionId(), now)).isTrue();
        assertThat(store().revoke(subject, session.sessionId(), now)).isFalse();
        assertThat(store().revoke(subject, "never-existed", now)).isFalse();
        assertThat(store().find(subject, session.sessionId(), now)).isEmpty();
        assertThat(store().find(subject, other.sessionId(), now)).contains(other);
    }

    @Test
    void aRevokedSessionRefusesItsCurrentTokenAndCallsOlderOnesReuse() {
        SessionRecord session = openSession(newSubject());
        SessionRecord rotated =
                store().rotate(rotation(session, 0, now.plusSeconds(1))).session();
        store().revoke(session.subject(), session.sessionId(), now.plusSeconds(2));

        assertThat(store().rotate(rotation(rotated, 1, now.plusSeconds(3))).outcome())
                .isEqualTo(Outcome.NOT_FOUND);
        assertThat(store().rotate(rotation(rotated, 0, now.plusSeconds(3))).outcome())
                .isEqualTo(Outcome.REUSE_DETECTED);
    }

    @Test
    void revokingAllIsIdempotentAndCountsActiveSessions() {
        String subject = newSubject();
        openSession(subject);
        openSession(subject);
        SessionRecord alreadyRevoked = openSession(subject);
        store().revoke(subject, alreadyRevoked.sessionId(), now);
        SessionRecord otherUser = openSession(newSubject());

        assertThat(store().revokeAll(subject, now)).isEqualTo(2);
        assertThat(store().revokeAll(subject, now)).isZero();
        assertThat(store().revokeAll(newSubject(), now)).isZero();
        assertThat(store().list(subject, now)).isEmpty();
        assertThat(store().find(otherUser.subject(), otherUser.sessionId(), now))
                .isPresent();
    }

    @Test
    void revokingEverySessionKeepsThemSoTheirOldTokensAreStillReuse() {
        String subject = newSubject();
        SessionRecord session = openSession(subject);
        store().rotate(rotation(session, 0, now.plusSeconds(1)));
        store().revokeAll(subject, now.plusSeconds(2));

        RotationResult old = store().rotate(rotation(session, 0, now.plusSeconds(3)));

        assertThat(old.outcome()).isEqualTo(Outcome.REUSE_DETECTED);
        assertThat(old.revokedSessions()).isZero();
    }

    @Test
    void aSessionOpenedAfterRevokeAllIsLive() {
        String subject = newSubject();
        openSession(subject);
        store().revokeAll(subject, now);

        SessionRecord fresh = openSession(subject);

        assertThat(store().list(subject, now)).containsExactly(fresh);
        assertThat(store().rotate(rotation(fresh, 0, now.plusSeconds(1))).outcome())
                .isEqualTo(Outcome.ROTATED);
    }

    @Test
    void expiredSessionsAreNeitherFoundNorListed() {
        String subject = newSubject();
        SessionRecord session = openSession(subject);

        assertThat(store().find(subject, session.sessionId(), session.expiresAt()))
                .isEmpty();
        assertThat(store().list(subject, session.expiresAt())).isEmpty();
        assertThat(store().revoke(subject, session.sessionId(), session.expiresAt()))
                .isFalse();
        assertThat(store().revokeAll(subject, session.expiresAt())).isZero();
    }

    @Test
    void expiredSessionsLeaveNothingBehind() throws InterruptedException {
        String subject = newSubject();
        Instant start = Instant.now();
        SessionRecord shortLived =
                SessionRecord.open(newSessionId(), subject, null, start, Duration.ofMillis(300), null);
        SessionRecord revoked = SessionRecord.open(newSessionId(), subject, null, start, Duration.ofMillis(400), null);
        login(shortLived);
        login(revoked);
        store().revoke(subject, revoked.sessionId(), start);
        assertThat(holdsAnything(subject)).isTrue();

        long deadline = System.nanoTime() + expiryDeadline().plusMillis(400).toNanos();
        while (holdsAnything(subject) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(holdsAnything(subject))
                .as("anything kept after every session expired")
                .isFalse();
    }

    @Test
    void aRotationKeepsTheSessionBeyondItsLoginsExpiryThroughTheStoresCleanUp() throws InterruptedException {
        String subject = newSubject();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS); // as Rotor's own times are
        SessionRecord session = SessionRecord.open(newSessionId(), subject, null, start, Duration.ofMillis(300), null);
        login(session);
        assertThat(store().rotate(rotation(session, 0, start)).outcome()).isEqualTo(Outcome.ROTATED);

        Thread.sleep(450);

        assertThat(holdsAnything(subject)).as("held after the login's expiry").isTrue(); // may run the clean-up
        Instant later = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(store().find(subject, session.sessionId(), later)).isPresent();
        assertThat(store().rotate(rotation(session, 1, later)).outcome()).isEqualTo(Outcome.ROTATED);
    }

    @Test
    void callsThatChangeNothingDoNotKeepAnExpiredSubjectAlive() throws InterruptedException {
        String subject = newSubject();
        Instant start = Instant.now();
        SessionRecord session = SessionRecord.open(newSessionId(), subject, null, start, Duration.ofMillis(400), null);
        login(session);
        store().revoke(subject, session.sessionId(), start);

        long deadline = System.nanoTime() + expiryDeadline().plusMillis(400).toNanos();
        while (holdsAnything(subject) && System.nanoTime() < deadline) {
            Instant now = Instant.now();
            store().revoke(subject, "no-such-session", now);
            store().rotate(rotation(session, 0, now));
            store().revokeAll(subject, now);
            Thread.sleep(50);
        }

        assertThat(holdsAnything(subject))
                .as("kept alive by calls that changed nothing")
                .isFalse();
    }

    /**
     * Subjects that could break a key scheme, an encoding or a column type, all inside the SPI's domain (1 to
     * 1024 UTF-16 characters of well-formed text).
     *
     * @return the subjects
     */
    public static List<String> awkwardSubjects() {
        return List.of(
                "{",
                "}",
                "}{",
                "{user}",
                "{}",
                " ",
                "a|b|c",
                "\u0000",
                "nul\u0000inside",
                "line\nbreak",
                "quote\"back\\slash",
                "用户-😀-" + "ü".repeat(500),
                "x".repeat(1024),
                "😀".repeat(512),
                "%",
                "'; --",
                "*",
                "?",
                "[a-z]",
                "user:1:sessions");
    }

    @ParameterizedTest
    @MethodSource("awkwardSubjects")
    void anySubjectWorksWithoutCollidingWithOthers(String subject) {
        store().revokeAll(subject, now);
        SessionRecord session = openSession(subject);
        // A neighbour that differs by one character and stays within 1024 (and splits no surrogate pair).
        SessionRecord neighbour = openSession(subject.length() < 1024 ? subject + "x" : "x" + subject.substring(2));

        assertThat(store().rotate(rotation(session, 0, now.plusSeconds(1))).outcome())
                .isEqualTo(Outcome.ROTATED);
        assertThat(store().list(subject, now.plusSeconds(1))).hasSize(1);
        assertThat(store().revokeAll(subject, now.plusSeconds(2))).isEqualTo(1);
        assertThat(store().find(neighbour.subject(), neighbour.sessionId(), now.plusSeconds(2)))
                .isPresent();
    }
}
