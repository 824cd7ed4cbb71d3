package dev.rotor.examples;

import static dev.rotor.examples.RunningServer.json;
import static dev.rotor.examples.RunningServer.reason;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rotor.testing.redis.LocalRedisCluster;
import dev.rotor.testing.redis.RedisServer;
import dev.rotor.testing.redis.RedisServers;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole HTTP flow with {@code REDIS_URL} set: standalone, cluster, and Redis down. */
@ExtendWith(RedisServers.class)
class RedisFlowTest {

    @Test
    void theWholeFlowOnStandaloneRedis(RedisServer redis) {
        try (RunningServer server = new RunningServer(Map.of("REDIS_URL", "redis://127.0.0.1:" + redis.port()))) {
            wholeFlow(server);
        }
    }

    @Test
    void theWholeFlowOnARedisCluster(LocalRedisCluster cluster) {
        String nodes = cluster.seeds().stream().map(node -> node.toString()).collect(Collectors.joining(","));
        try (RunningServer server = new RunningServer(Map.of("REDIS_URL", nodes))) {
            wholeFlow(server);
        }
    }

    @Test
    void redisDownAnswers503StoreUnavailable() {
        RedisServer redis = RedisServer.start();
        try (RunningServer server = new RunningServer(Map.of("REDIS_URL", "redis://127.0.0.1:" + redis.port()))) {
            JsonNode login = server.login("before");
            redis.kill();

            HttpResponse<String> refresh =
                    server.refresh(login.path("refresh_token").asText());
            HttpResponse<String> newLogin =
                    server.postJson("/api/v1/auth/login", Map.of("username", "alice", "password", "wonderland"));

            assertThat(refresh.statusCode()).isEqualTo(503);
            assertThat(reason(refresh)).isEqualTo("STORE_UNAVAILABLE");
            assertThat(newLogin.statusCode()).isEqualTo(503);
            assertThat(json(newLogin).has("access_token")).isFalse();
        } finally {
            redis.close();
        }
    }

    private static void wholeFlow(RunningServer server) {
        JsonNode laptop = server.login("laptop");
        JsonNode phone = server.login("phone");
        HttpResponse<String> refreshed =
                server.refresh(laptop.path("refresh_token").asText());
        assertThat(refreshed.statusCode()).isEqualTo(200);
        String access = json(refreshed).path("access_token").asText();
        assertThat(json(server.get("/api/v1/me", access)).path("subject").asText())
                .isEqualTo("alice");
        assertThat(json(server.get("/api/v1/auth/sessions", access))
                        .path("sessions")
                        .size())
                .isGreaterThanOrEqualTo(2);

        HttpResponse<String> replay =
                server.refresh(laptop.path("refresh_token").asText());

        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(reason(replay)).isEqualTo("TOKEN_REUSED");
        assertThat(reason(server.refresh(phone.path("refresh_token").asText()))).isEqualTo("TOKEN_REVOKED");
        assertThat(reason(server.refresh(json(refreshed).path("refresh_token").asText())))
                .isEqualTo("TOKEN_REVOKED");
    }
}
