package dev.rotor.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.RotorException.Reason;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.store.jdbc.JdbcSessionStore;
import dev.rotor.tck.ConcurrentRefresher;
import dev.rotor.testing.postgres.PostgresServer;
import dev.rotor.testing.postgres.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Case 21 on a PostgreSQL server of this class's own, which it stops, crashes and starts again under a running
 * token service: {@code STORE_UNAVAILABLE} with nothing issued while it is down, never a second winner or a false
 * reuse alarm, and working again once it is back, without a new store or pool. The races, replays, lost replies,
 * at-rest and log cases run on PostgreSQL through {@link Backends}.
 */
class Case21PostgresTest {

    private static PostgresServer server;

    @BeforeAll
    static void start() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stop", "crash"})
    void case21_downMeansStoreUnavailableAndNothingIssuedAndBackMeansExactlyOneWinnerAgain(String outage)
            throws Exception {
        TestDatabase database = TestDatabase.create(server, JdbcSessionStore.schema());
        try (Backend backend = Backends.postgres(database);
                ConcurrentRefresher refresher = new ConcurrentRefresher(16)) {
            TokenService tokens = backend.tokens();
            TokenPair pair = tokens.issue("case21-" + outage, "laptop", Map.of());
            String before = backend.contents();

            if (outage.equals("stop")) {
                server.stop();
            } else {
                server.kill();
            }
            List<Object> down = refresher.refreshAtOnce(tokens, pair.refreshToken());
            assertThat(down).containsOnly(Reason.STORE_UNAVAILABLE);
            assertThat(Case08ConcurrentRefreshTest.refusal(() -> tokens.issue("case21-" + outage)))
                    .isEqualTo(Reason.STORE_UNAVAILABLE);

            server.startAgain();
            database.awaitAnswering(Duration.ofSeconds(20));
            assertThat(backend.contents()).as("nothing changed while down").isEqualTo(before);
            List<Object> back = refresher.refreshAtOnce(tokens, pair.refreshToken());
            assertThat(back).filteredOn(TokenPair.class::isInstance).hasSize(1);
            assertThat(back).filteredOn(o -> !(o instanceof TokenPair)).containsOnly(Reason.TOKEN_REUSED);
        }
    }

    @Test
    void case21_subjectsWithNulBracesAnd1024CharactersRotateAndStayApart() {
        try (Backend backend = Backends.postgres(TestDatabase.create(server, JdbcSessionStore.schema()))) {
            TokenService tokens = backend.tokens();
            String long1024 = "\u0000{" + "ü".repeat(1021) + "}";
            for (String subject : List.of("\u0000", "{}", "}{", long1024, long1024.substring(0, 1023))) {
                TokenPair pair = tokens.issue(subject);
                TokenPair next = tokens.refresh(pair.refreshToken());
                assertThat(tokens.sessions(subject)).singleElement().satisfies(s -> assertThat(s.sessionId())
                        .isEqualTo(next.sessionId()));
            }
            assertThat(tokens.logoutAll(long1024)).isEqualTo(1);
            assertThat(tokens.sessions(long1024.substring(0, 1023))).hasSize(1);
        }
    }
}
