package dev.rotor.examples.spring;

import static dev.rotor.examples.spring.Client.field;
import static dev.rotor.examples.spring.Client.json;
import static dev.rotor.examples.spring.Client.reason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.spi.SessionStore;
import dev.rotor.store.redis.RedisSessionStore;
import dev.rotor.testing.redis.RedisServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample on a real redis-server from the store's test harness, through REDIS_URL: the original sequence,
 * then Redis killed (503, never a 401 that would log users out; health DOWN) and back (UP, logins work again)
 * without a restart of the application.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"JWT_SECRET=a-test-secret-of-well-over-thirty-two-bytes-0123", "LIVE_SESSION_CHECK_SECONDS=0"})
class RedisStoreHttpTest {

    private static RedisServer redis;

    @LocalServerPort
    int port;

    @Autowired
    SessionStore store;

    @DynamicPropertySource
    static void redisUrl(DynamicPropertyRegistry registry) {
        redis = RedisServer.start();
        registry.add("REDIS_URL", () -> "redis://127.0.0.1:" + redis.port());
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void theWholeFlowThenAnOutageAndRecovery() {
        assertThat(store).isInstanceOf(RedisSessionStore.class);
        Client client = new Client(port);
        HttpResponse<String> login = client.login("laptop");
        HttpResponse<String> refreshed = client.refresh(field(login, "refresh_token"));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(field(client.get("/api/v1/me", field(refreshed, "access_token")), "subject")).isEqualTo("alice");
        assertThat(reason(client.refresh(field(login, "refresh_token")))).isEqualTo("TOKEN_REUSED");
        assertThat(reason(client.refresh(field(refreshed, "refresh_token")))).isEqualTo("TOKEN_REVOKED");

        HttpResponse<String> beforeOutage = client.login("phone");
        redis.kill();

        HttpResponse<String> refreshDown = client.refresh(field(beforeOutage, "refresh_token"));
        assertThat(refreshDown.statusCode()).isEqualTo(503);
        assertThat(reason(refreshDown)).isEqualTo("STORE_UNAVAILABLE");
        HttpResponse<String> meDown = client.get("/api/v1/me", field(beforeOutage, "access_token"));
        assertThat(meDown.statusCode()).as("the live-session check through Spring Security").isEqualTo(503);
        assertThat(reason(meDown)).isEqualTo("STORE_UNAVAILABLE");
        assertThat(meDown.headers().firstValue("WWW-Authenticate")).isEmpty();
        HttpResponse<String> loginDown = client.login("tablet");
        assertThat(loginDown.statusCode()).isEqualTo(503);
        assertThat(json(loginDown).has("access_token")).isFalse();
        HttpResponse<String> healthDown = client.get("/actuator/health", null);
        assertThat(healthDown.statusCode()).isEqualTo(503);
        assertThat(json(healthDown).path("components").path("rotor").path("status").asText()).isEqualTo("DOWN");

        redis.restart();

        HttpResponse<String> healthUp = client.get("/actuator/health", null);
        assertThat(healthUp.statusCode()).isEqualTo(200);
        assertThat(json(healthUp).path("components").path("rotor").path("status").asText()).isEqualTo("UP");
        HttpResponse<String> again = client.login("laptop");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(client.refresh(field(again, "refresh_token")).statusCode()).isEqualTo(200);
        assertThat(client.get("/actuator/metrics/rotor.store.up", null).body()).contains("\"value\":1.0");
    }
}
