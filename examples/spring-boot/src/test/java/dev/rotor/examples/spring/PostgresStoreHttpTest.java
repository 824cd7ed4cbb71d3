package dev.rotor.examples.spring;

import static dev.rotor.examples.spring.Client.field;
import static dev.rotor.examples.spring.Client.json;
import static dev.rotor.examples.spring.Client.reason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.spi.SessionStore;
import dev.rotor.testing.postgres.PostgresServer;
import dev.rotor.testing.postgres.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * DATABASE_URL as an operator sets it for the plain example server: the sample creates the tables, the starter
 * picks its jdbc store on the DataSource; then PostgreSQL stopped (503, health DOWN) and back (UP, logins work).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"JWT_SECRET=a-test-secret-of-well-over-thirty-two-bytes-0123", "PORT=0"})
class PostgresStoreHttpTest {

    private static PostgresServer postgres;
    private static TestDatabase database;

    @LocalServerPort
    int port;

    @Autowired
    SessionStore store;

    @DynamicPropertySource
    static void databaseUrl(DynamicPropertyRegistry registry) {
        postgres = PostgresServer.start();
        database = TestDatabase.create(postgres, "SELECT 1"); // an empty database: the sample creates the tables
        registry.add("DATABASE_URL", database::url);
    }

    @AfterAll
    static void stopPostgres() {
        database.close();
        postgres.close();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theWholeFlowThenAnOutageAndRecovery() {
        assertThat(store.getClass().getSimpleName()).isEqualTo("JdbcSessionStore");
        Client client = new Client(port);
        HttpResponse<String> login = client.login("laptop");
        assertThat(login.statusCode()).isEqualTo(200);
        HttpResponse<String> refreshed = client.refresh(field(login, "refresh_token"));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(field(client.get("/api/v1/me", field(refreshed, "access_token")), "subject")).isEqualTo("alice");
        assertThat(reason(client.refresh(field(login, "refresh_token")))).isEqualTo("TOKEN_REUSED");
        assertThat(reason(client.refresh(field(refreshed, "refresh_token")))).isEqualTo("TOKEN_REVOKED");
        assertThat(database.contents()).contains("alice");

        HttpResponse<String> beforeOutage = client.login("phone");
        postgres.stop();
        try {
            HttpResponse<String> refreshDown = client.refresh(field(beforeOutage, "refresh_token"));
            assertThat(refreshDown.statusCode()).isEqualTo(503);
            assertThat(reason(refreshDown)).isEqualTo("STORE_UNAVAILABLE");
            HttpResponse<String> healthDown = client.get("/actuator/health", null);
            assertThat(healthDown.statusCode()).isEqualTo(503);
            assertThat(json(healthDown).path("components").path("rotor").path("status").asText())
                    .isEqualTo("DOWN");
        } finally {
            postgres.startAgain();
        }
        database.awaitAnswering(Duration.ofSeconds(30));
        // as a monitor polls: a check may still meet a pooled connection the restart broke, which Hikari then drops
        HttpResponse<String> healthUp = client.get("/actuator/health", null);
        for (int i = 0; i < 50 && healthUp.statusCode() != 200; i++) {
            sleep();
            healthUp = client.get("/actuator/health", null);
        }
        assertThat(healthUp.statusCode()).isEqualTo(200);
        assertThat(json(healthUp).path("components").path("rotor").path("status").asText()).isEqualTo("UP");
        assertThat(client.refresh(field(beforeOutage, "refresh_token")).statusCode()).isEqualTo(200);
    }
}
