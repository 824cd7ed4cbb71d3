package dev.rotor.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.spi.LoginRequest;
import dev.rotor.spi.LoginResult;
import dev.rotor.spi.RotationResult.Outcome;
import dev.rotor.spi.SessionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The per-subject session limit of {@link LoginRequest}, enforced in the login's atomic step; part of {@link
 * SessionStoreContract}.
 */
public abstract class SessionLimitContract extends RaceContract {

    /** Logins racing at the limit in each round of {@code loginsRacingAtTheLimitNeverLeaveMoreThanIt}. */
    public static final int RACING_LOGINS = 8;

    /** Creates the contract. */
    protected SessionLimitContract() {}

    /**
     * Stores a session opened at {@code at} under a limit.
     *
     * @param subject the user
     * @param at the login time
     * @param max the limit
     * @param reject whether a login at the limit is refused instead of evicting
     * @return the store's answer and the session it was asked to store
     */
    protected LoginAnswer loginAt(String subject, Instant at, int max, boolean reject) {
        SessionRecord session = SessionRecord.open(newSessionId(), subject, "device", at, REFRESH_TTL, null);
        return new LoginAnswer(session, store().create(new LoginRequest(session, max, reject)));
    }

    /**
     * A login as a test made it.
     *
     * @param session the session it asked to store
     * @param result what the store answered
     */
    public record LoginAnswer(SessionRecord session, LoginResult result) {}

    @Test
    void aLoginAtTheLimitEvictsTheOldestLiveSessionAndReportsIt() {
        String subject = newSubject();
        SessionRecord oldest = loginAt(subject, now, 3, false).session();
        SessionRecord middle = loginAt(subject, now.plusSeconds(1), 3, false).session();
        SessionRecord newest = loginAt(subject, now.plusSeconds(2), 3, false).session();

        LoginAnswer fourth = loginAt(subject, now.plusSeconds(3), 3, false);

        assertThat(fourth.result().opened()).isTrue();
        assertThat(fourth.result().evicted()).containsExactly(oldest);
        assertThat(store().list(subject, now.plusSeconds(3)))
                .containsExactlyInAnyOrder(middle, newest, fourth.session());
        assertThat(store().rotate(rotation(oldest, 0, now.plusSeconds(4))).outcome())
                .as("an evicted session is gone")
                .isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void belowTheLimitALoginEvictsNothing() {
        String subject = newSubject();
        loginAt(subject, now, 3, false);
        loginAt(subject, now.plusSeconds(1), 3, false);

        LoginAnswer third = loginAt(subject, now.plusSeconds(2), 3, false);

        assertThat(third.result()).isEqualTo(LoginResult.openedAlone());
        assertThat(store().list(subject, now.plusSeconds(2))).hasSize(3);
    }

    @Test
    void theOldestIsChosenByLoginTimeThenBySessionId() {
        String subject = newSubject();
        List<SessionRecord> sameMoment = new ArrayList<>();
        for (String id : List.of("s-b", "s-a", "s-c")) {
            SessionRecord session =
                    SessionRecord.open(id + "-" + newSessionId(), subject, null, now, REFRESH_TTL, null);
            store().create(new LoginRequest(session, 10, false));
            sameMoment.add(session);
        }
        SessionRecord earliest =
                loginAt(subject, now.minusSeconds(5), 10, false).session();

        LoginResult result = loginAt(subject, now.plusSeconds(1), 3, false).result();

        assertThat(result.evicted()).containsExactly(earliest, sameMoment.get(1));
    }

    @Test
    void atTheLimitRevokedSessionsAreForgottenBeforeALiveOneIsEvicted() {
        String subject = newSubject();
        SessionRecord revoked = loginAt(subject, now, 3, false).session();
        SessionRecord live = loginAt(subject, now.plusSeconds(1), 3, false).session();
        SessionRecord used = loginAt(subject, now.plusSeconds(2), 3, false).session();
        store().rotate(rotation(used, 0, now.plusSeconds(3)));
        assertThat(store().revoke(subject, revoked.sessionId(), now.plusSeconds(3)))
                .isTrue();

        LoginAnswer login = loginAt(subject, now.plusSeconds(4), 3, false);

        assertThat(login.result().evicted()).as("no live session evicted").isEmpty();
        assertThat(store().list(subject, now.plusSeconds(4)))
                .extracting(SessionRecord::sessionId)
                .containsExactlyInAnyOrder(
                        live.sessionId(), used.sessionId(), login.session().sessionId());
        assertThat(store().rotate(rotation(revoked, 0, now.plusSeconds(5))).outcome())
                .as("a forgotten revoked session is not found, not reused")
                .isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void aLoginRejectedAtTheLimitChangesNothing() {
        String subject = newSubject();
        SessionRecord first = loginAt(subject, now, 2, true).session();
        SessionRecord second = loginAt(subject, now.plusSeconds(1), 2, true).session();

        LoginAnswer third = loginAt(subject, now.plusSeconds(2), 2, true);

        assertThat(third.result()).isEqualTo(LoginResult.rejected());
        assertThat(store().list(subject, now.plusSeconds(2))).containsExactlyInAnyOrder(first, second);
        assertThat(store().revoke(subject, first.sessionId(), now.plusSeconds(3)))
                .isTrue();
        LoginAnswer fourth = loginAt(subject, now.plusSeconds(4), 2, true);
        assertThat(fourth.result())
                .as("room made by forgetting the revoked one")
                .isEqualTo(LoginResult.openedAlone());
        assertThat(store().list(subject, now.plusSeconds(4))).containsExactlyInAnyOrder(second, fourth.session());
    }

    @Test
    void expiredSessionsDoNotCountTowardsTheLimit() {
        String subject = newSubject();
        loginAt(subject, now.minus(REFRESH_TTL).minusSeconds(1), 2, false);
        SessionRecord live = loginAt(subject, now, 2, false).session();

        LoginAnswer login = loginAt(subject, now.plusSeconds(1), 2, false);

        assertThat(login.result().evicted()).isEmpty();
        assertThat(store().list(subject, now.plusSeconds(1))).containsExactlyInAnyOrder(live, login.session());
    }

    @Test
    void rotationsNeverCountAsLogins() {
        String subject = newSubject();
        SessionRecord one = loginAt(subject, now, 2, false).session();
        SessionRecord two = loginAt(subject, now.plusSeconds(1), 2, false).session();
        for (int generation = 0; generation < 5; generation++) {
            Instant at = now.plusSeconds(2 + generation);
            assertThat(store().rotate(rotation(one, generation, at)).outcome()).isEqualTo(Outcome.ROTATED);
            assertThat(store().rotate(rotation(two, generation, at)).outcome()).isEqualTo(Outcome.ROTATED);
        }

        assertThat(store().list(subject, now.plusSeconds(10))).hasSize(2);
        LoginResult third = loginAt(subject, now.plusSeconds(10), 2, false).result();
        assertThat(third.evicted()).singleElement().satisfies(evicted -> assertThat(evicted.sessionId())
                .isEqualTo(one.sessionId()));
    }

    @Test
    void loginsRacingAtTheLimitNeverLeaveMoreThanIt() throws Exception {
        int max = 3;
        try (ConcurrentRefresher threads = new ConcurrentRefresher(RACING_LOGINS)) {
            for (int round = 0; round < rounds(); round++) {
                String subject = newSubject();
                for (int i = 0; i < max; i++) {
                    loginAt(subject, now.plusMillis(i), max, false);
                }
                List<Callable<LoginAnswer>> logins = new ArrayList<>();
                for (int i = 0; i < RACING_LOGINS; i++) {
                    Instant at = now.plusSeconds(1).plusMillis(i);
                    logins.add(() -> loginAt(subject, at, max, false));
                }

                List<LoginAnswer> answers = threads.atOnce(logins);

                int evicted = answers.stream()
                        .mapToInt(a -> a.result().evicted().size())
                        .sum();
                assertThat(answers)
                        .as("round %d", round)
                        .allSatisfy(a -> assertThat(a.result().opened()).isTrue());
                assertThat(evicted).as("evictions in round %d", round).isEqualTo(RACING_LOGINS);
                assertThat(store().list(subject, now.plusSeconds(2)))
                        .as("live after round %d", round)
                        .hasSize(max);
            }
        }
    }

    @Test
    void rejectingLoginsRacingAtTheLimitAdmitExactlyTheRoomLeft() throws Exception {
        int max = 4;
        try (ConcurrentRefresher threads = new ConcurrentRefresher(RACING_LOGINS)) {
            for (int round = 0; round < rounds(); round++) {
                String subject = newSubject();
                loginAt(subject, now, max, true);
                List<Callable<LoginAnswer>> logins = new ArrayList<>();
                for (int i = 0; i < RACING_LOGINS; i++) {
                    logins.add(() -> loginAt(subject, now.plusSeconds(1), max, true));
                }

                List<LoginAnswer> answers = threads.atOnce(logins);

                assertThat(answers)
                        .as("round %d", round)
                        .filteredOn(a -> a.result().opened())
                        .hasSize(max - 1);
                assertThat(store().list(subject, now.plusSeconds(2)))
                        .as("live after round %d", round)
                        .hasSize(max);
            }
        }
    }
}
