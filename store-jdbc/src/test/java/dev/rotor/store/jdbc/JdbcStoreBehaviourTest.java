package dev.rotor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.rotor.JwtKey;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.spi.LoginRequest;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult;
import dev.rotor.spi.RotationResult.Outcome;
import dev.rotor.spi.SessionRecord;
import dev.rotor.testing.postgres.PostgresServer;
import dev.rotor.testing.postgres.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the PostgreSQL store promises beyond the contract: its schema, its races, its sweep, its inputs. */
class JdbcStoreBehaviourTest {

    private static final TestDatabase DATABASE = StoredRows.database(PostgresServer.shared());
    private static final Duration TTL = Duration.ofDays(7);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @AfterAll
    static void close() {
        DATABASE.close();
    }

    @Test
    void theSchemaShipsInTheJarAndCanBeRunAgain() throws Exception {
        assertThat(JdbcSessionStore.schema()).contains("CREATE TABLE IF NOT EXISTS rotor_subjects");
        try (Connection connection = DATABASE.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(JdbcSessionStore.schema());
        }
    }

    @Test
    void aSubjectOf1024CharactersWithNulAndBracesIsKeptExactly() {
        String subject = "\u0000{}\u0000" + "😀".repeat(200) + "ü".repeat(620);
        assertThat(subject).hasSize(1024);
        try (JdbcSessionStore store = store(DATABASE.dataSource())) {
            SessionRecord session = open(subject, "device\u0000😀");
            create(store, session);
            create(store, open(subject.substring(0, 1023), null));

            assertThat(store.find(subject, session.sessionId(), now)).contains(session);
            assertThat(store.list(subject, now)).containsExactly(session);
            assertThat(StoredRows.holdAnythingOf(DATABASE, subject)).isTrue();
        }
    }

    @ParameterizedTest(name = "isolation {0}")
    @ValueSource(ints = {Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_REPEATABLE_READ})
    void parallelRefreshesOfOneUserNeverFailAndEachWinsItsOwnRound(int isolation) throws Exception {
        int threads = 12;
        int rounds = 30;
        try (HikariDataSource pool = TestDatabase.pool(
                        DATABASE.url(),
                        isolation == Connection.TRANSACTION_READ_COMMITTED
                                ? "TRANSACTION_READ_COMMITTED"
                                : "TRANSACTION_REPEATABLE_READ");
                JdbcSessionStore store = store(pool)) {
            String subject = "racer-" + UUID.randomUUID();
            List<SessionRecord> sessions = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                sessions.add(open(subject, "tab-" + i));
                create(store, sessions.get(i));
            }
            ExecutorService pool2 = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<Outcome>>> results = new ArrayList<>();
                for (SessionRecord session : sessions) {
                    results.add(pool2.submit(() -> {
                        start.await();
                        List<Outcome> outcomes = new ArrayList<>();
                        for (int g = 0; g < rounds; g++) {
                            outcomes.add(store.rotate(request(session, g, now.plusMillis(g + 1)))
                                    .outcome());
                        }
                        return outcomes;
                    }));
                }
                start.countDown();
                for (Future<List<Outcome>> result : results) {
                    assertThat(result.get()).hasSize(rounds).containsOnly(Outcome.ROTATED);
                }
            } finally {
                pool2.shutdownNow();
            }
            assertThat(store.list(subject, now.plusSeconds(1)))
                    .hasSize(threads)
                    .allSatisfy(s -> assertThat(s.generation()).isEqualTo(rounds));
        }
    }

    @Test
    void aRotationWhoseReplyIsLostAfterCommitIsAnsweredAsTheFirst() {
        LosingDataSource losing = new LosingDataSource(DATABASE.dataSource());
        try (JdbcSessionStore store = store(losing)) {
            SessionRecord session = open("lost-" + UUID.randomUUID(), null);
            create(store, session);
            losing.loseNextWriteReply();

            RotationResult result = store.rotate(request(session, 0, now.plusSeconds(1)));

            assertThat(losing.lostReplies()).isEqualTo(1);
            assertThat(result.outcome())
                    .as("the step is not sent again; Rotor reads and finds it")
                    .isEqualTo(Outcome.ROTATED);
            assertThat(result.session().generation()).isEqualTo(1);
            assertThat(store.find(session.subject(), session.sessionId(), now.plusSeconds(2)))
                    .hasValueSatisfying(s -> assertThat(s.generation()).isEqualTo(1));
        }
    }

    /** Without the store's own second attempt, core's compare-and-set tier reads again and finds its write. */
    @Test
    void withOneAttemptALostReplyIsAnsweredByTheTiersReRunAndAResendIsTheRetry() {
        LosingDataSource losing = new LosingDataSource(DATABASE.dataSource());
        try (JdbcSessionStore store = JdbcSessionStore.builder()
                .dataSource(losing)
                .attempts(1)
                .expirySweep(Duration.ZERO)
                .build()) {
            SessionRecord session = open("lost-" + UUID.randomUUID(), null);
            create(store, session);
            RotationRequest request = request(session, 0, now.plusSeconds(1));
            losing.loseNextWriteReply();

            RotationResult first = store.rotate(request);

            assertThat(losing.lostReplies()).isEqualTo(1);
            assertThat(first.outcome()).isEqualTo(Outcome.ROTATED);
            assertThat(first.session().generation()).isEqualTo(1);
            assertThat(store.rotate(request).outcome()).isEqualTo(Outcome.RETRIED);
        }
    }

    @Test
    void aRefreshIsOneStatementAndALoginOrALogoutTwo() {
        LosingDataSource counting = new LosingDataSource(DATABASE.dataSource());
        try (JdbcSessionStore store = store(counting)) {
            TokenService tokens = TokenService.builder()
                    .signingKey(
                            JwtKey.hs256("k", "a secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8)))
                    .store(store)
                    .build();
            TokenPair pair = tokens.issue("counted-" + UUID.randomUUID());
            assertThat(counting.statements()).as("login").isEqualTo(2);

            for (int i = 0; i < 5; i++) {
                pair = tokens.refresh(pair.refreshToken());
            }
            assertThat(counting.statements()).as("login and five refreshes").isEqualTo(2 + 5);

            assertThat(tokens.logout(pair.refreshToken())).isTrue();
            assertThat(counting.statements()).as("and a logout").isEqualTo(2 + 5 + 2);
        }
    }

    @Test
    void theSweepDeletesRowsWhoseLastSessionEndedByTheStoresClock() {
        Clock later = Clock.fixed(now.plus(TTL).plusSeconds(1), ZoneOffset.UTC);
        try (JdbcSessionStore store = JdbcSessionStore.builder()
                .dataSource(DATABASE.dataSource())
                .clock(later)
                .expirySweep(Duration.ZERO)
                .build()) {
            String ended = "ended-" + UUID.randomUUID();
            String alive = "alive-" + UUID.randomUUID();
            create(store, open(ended, null));
            create(store, SessionRecord.open(UUID.randomUUID().toString(), alive, null, now, TTL.plusDays(1), null));

            assertThat(store.deleteExpired()).isGreaterThanOrEqualTo(1);

            assertThat(StoredRows.holdAnythingOf(DATABASE, ended)).isFalse();
            assertThat(StoredRows.holdAnythingOf(DATABASE, alive)).isTrue();
        }
    }

    @Test
    void theBackgroundSweepRunsOnItsSchedule() throws InterruptedException {
        String subject = "swept-" + UUID.randomUUID();
        try (JdbcSessionStore store = JdbcSessionStore.builder()
                .dataSource(DATABASE.dataSource())
                .expirySweep(Duration.ofSeconds(1))
                .build()) {
            Instant start = Instant.now();
            create(
                    store,
                    SessionRecord.open(
                            UUID.randomUUID().toString(), subject, null, start, Duration.ofMillis(200), null));
            assertThat(StoredRows.holdAnythingOf(DATABASE, subject)).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (StoredRows.holdAnythingOf(DATABASE, subject) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(StoredRows.holdAnythingOf(DATABASE, subject)).isFalse();
        }
    }

    @Test
    void settingsAreCheckedAtOnce() {
        assertThatThrownBy(() -> JdbcSessionStore.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dataSource");
        assertThatThrownBy(() -> JdbcSessionStore.builder().attempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcSessionStore.builder().expirySweep(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expirySweep");
        assertThatThrownBy(() -> JdbcSessionStore.builder().attempts(2).attempts(3))
                .isInstanceOf(IllegalStateException.class);
    }

    private static JdbcSessionStore store(javax.sql.DataSource dataSource) {
        return JdbcSessionStore.builder()
                .dataSource(dataSource)
                .expirySweep(Duration.ZERO)
                .build();
    }

    private static void create(JdbcSessionStore store, SessionRecord session) {
        assertThat(store.create(new LoginRequest(session, 100, false)).opened()).isTrue();
    }

    private SessionRecord open(String subject, String device) {
        return SessionRecord.open(UUID.randomUUID().toString(), subject, device, now, TTL, null);
    }

    private static RotationRequest request(SessionRecord session, long generation, Instant at) {
        return new RotationRequest(
                session.subject(),
                session.sessionId(),
                generation,
                "req-" + session.sessionId().substring(0, 8) + "-" + generation,
                at,
                TTL,
                Duration.ZERO,
                0,
                true);
    }
}
