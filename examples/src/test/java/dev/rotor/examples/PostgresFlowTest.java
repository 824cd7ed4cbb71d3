package dev.rotor.examples;

import static dev.rotor.examples.RunningServer.json;
import static dev.rotor.examples.RunningServer.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rotor.store.jdbc.JdbcSessionStore;
import dev.rotor.testing.postgres.PostgresServer;
import dev.rotor.testing.postgres.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The whole HTTP flow with {@code DATABASE_URL} set, on a PostgreSQL of this test's own that it stops and starts
 * again: the server creates its tables, one winner of 50 concurrent refreshes, no token in any table, 503 while
 * PostgreSQL is down and working again once it is back.
 */
class PostgresFlowTest {

    @Test
    void theWholeFlowAFiftyWayRaceAndAnOutageOnPostgres() throws Exception {
        try (PostgresServer postgres = PostgresServer.start();
                TestDatabase database = TestDatabase.create(postgres, "SELECT 1");
                RunningServer server = new RunningServer(Map.of("DATABASE_URL", database.url()))) {
            JsonNode laptop = server.login("laptop");
            JsonNode phone = server.login("phone");
            HttpResponse<String> refreshed =
                    server.refresh(laptop.path("refresh_token").asText());
            assertThat(refreshed.statusCode()).isEqualTo(200);
            assertThat(reason(server.refresh(laptop.path("refresh_token").asText())))
                    .isEqualTo("TOKEN_REUSED");
            assertThat(reason(server.refresh(phone.path("refresh_token").asText())))
                    .isEqualTo("TOKEN_REVOKED");

            JsonNode racer = server.login("racer");
            List<HttpResponse<String>> race =
                    refreshAtOnce(server, racer.path("refresh_token").asText(), 50);
            assertThat(race).filteredOn(r -> r.statusCode() == 200).hasSize(1);
            assertThat(race).filteredOn(r -> r.statusCode() != 200).allSatisfy(r -> assertThat(reason(r))
                    .isEqualTo("TOKEN_REUSED"));

            String stored = database.contents();
            assertThat(stored).as("the server created its tables").contains("rotor_sessions");
            for (JsonNode pair : List.of(laptop, phone, racer, json(refreshed))) {
                for (String token : List.of(
                        pair.path("access_token").asText(),
                        pair.path("refresh_token").asText())) {
                    String[] parts = token.split("\\.");
                    assertThat(stored)
                            .doesNotContain(token)
                            .doesNotContain(parts[1])
                            .doesNotContain(parts[2]);
                }
            }

            JsonNode beforeOutage = server.login("outage");
            postgres.stop();
            HttpResponse<String> down =
                    server.refresh(beforeOutage.path("refresh_token").asText());
            HttpResponse<String> downLogin =
                    server.postJson("/api/v1/auth/login", Map.of("username", "alice", "password", "wonderland"));
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(reason(down)).isEqualTo("STORE_UNAVAILABLE");
            assertThat(downLogin.statusCode()).isEqualTo(503);
            assertThat(json(downLogin).has("access_token")).isFalse();

            postgres.startAgain();
            // The server's pool reconnects with HikariCP's backoff (up to 5 s): until then a refresh is still
            // 503, which leaves the token good for the next try.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            HttpResponse<String> back =
                    server.refresh(beforeOutage.path("refresh_token").asText());
            while (back.statusCode() == 503 && System.nanoTime() < deadline) {
                assertThat(reason(back)).isEqualTo("STORE_UNAVAILABLE");
                Thread.sleep(200);
                back = server.refresh(beforeOutage.path("refresh_token").asText());
            }
            assertThat(back.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aDatabaseUrlThatIsNotPostgresOrBesideRedisIsRefusedByName() {
        assertThatThrownBy(() -> ServerSettings.fromEnvironment(Map.of("DATABASE_URL", "postgres://x/db")))
                .hasMessageContaining("DATABASE_URL");
        assertThatThrownBy(() -> ServerSettings.fromEnvironment(
                        Map.of("DATABASE_URL", "jdbc:postgresql://x/db", "REDIS_URL", "redis://x:6379")))
                .hasMessageContaining("not both");
        assertThat(JdbcSessionStore.schema()).contains("rotor_sessions");
    }

    private static List<HttpResponse<String>> refreshAtOnce(RunningServer server, String token, int callers)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(threads.submit(() -> {
                    gate.await();
                    return server.refresh(token);
                }));
            }
            gate.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> call : calls) {
                responses.add(call.get());
            }
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }
}
