package dev.rotor.examples;

import static dev.rotor.examples.RunningServer.json;
import static dev.rotor.examples.RunningServer.reason;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rotor.JwtKey;
import dev.rotor.TokenService;
import dev.rotor.store.memory.CaffeineSessionStore;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The HTTP API of the example server, over real HTTP, on the in-memory store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpApiTest {

    private final RunningServer server = new RunningServer(Map.of());

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void loginRefreshAndReplayFollowTheOriginalSequence() {
        JsonNode login = server.login("laptop");
        assertThat(login.path("expires_in").asLong()).isEqualTo(900);

        HttpResponse<String> refreshed =
                server.refresh(login.path("refresh_token").asText());
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(refreshed.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(json(refreshed).path("refresh_token").asText())
                .isNotEqualTo(login.path("refresh_token").asText());

        HttpResponse<String> replay = server.refresh(login.path("refresh_token").asText());
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(json(replay).path("error").path("code").asInt()).isEqualTo(401);
        assertThat(reason(replay)).isEqualTo("TOKEN_REUSED");
        assertThat(json(replay).path("error").path("message").asText()).isNotBlank();
    }

    @Test
    void reuseRevokesEverySessionOfTheUser() {
        JsonNode laptop = server.login("laptop");
        JsonNode phone = server.login("phone");
        String rotated = json(server.refresh(laptop.path("refresh_token").asText()))
                .path("refresh_token")
                .asText();

        assertThat(reason(server.refresh(laptop.path("refresh_token").asText())))
                .isEqualTo("TOKEN_REUSED");

        assertThat(reason(server.refresh(rotated))).isEqualTo("TOKEN_REVOKED");
        assertThat(reason(server.refresh(phone.path("refresh_token").asText()))).isEqualTo("TOKEN_REVOKED");
    }

    @Test
    void everyRowOfTheErrorTable() {
        assertError(server.post("/api/v1/auth/refresh", "{}"), 400, "REFRESH_TOKEN_REQUIRED");
        assertError(server.refresh("not.a.token"), 401, "TOKEN_INVALID");
        assertError(server.refresh(expiredRefreshToken()), 401, "TOKEN_EXPIRED");
        JsonNode login = server.login("x");
        server.refresh(login.path("refresh_token").asText());
        assertError(server.refresh(login.path("refresh_token").asText()), 401, "TOKEN_REUSED");
        JsonNode other = server.login("y");
        server.postJson(
                "/api/v1/auth/logout",
                Map.of("refresh_token", other.path("refresh_token").asText()));
        assertError(server.refresh(other.path("refresh_token").asText()), 401, "TOKEN_REVOKED");
        assertError(server.refresh(tokenOf("ghost")), 404, "USER_NOT_FOUND");
    }

    @Test
    void messagesFollowAcceptLanguage() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/auth/refresh"))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "zh-CN,zh;q=0.9")
                .POST(HttpRequest.BodyPublishers.ofString("{\"refresh_token\":\"" + expiredRefreshToken() + "\"}")));

        assertThat(json(response).path("error").path("message").asText()).isEqualTo("刷新令牌已过期");
    }

    @Test
    void badCredentialsAndBadInputAreClearErrors() {
        assertError(
                server.postJson("/api/v1/auth/login", Map.of("username", "alice", "password", "wrong")),
                401,
                "INVALID_CREDENTIALS");
        assertError(
                server.postJson("/api/v1/auth/login", Map.of("username", "nobody", "password", "wonderland")),
                401,
                "INVALID_CREDENTIALS");
        assertError(server.post("/api/v1/auth/login", "{not json"), 400, "INVALID_JSON");
        assertError(
                server.post(
                        "/api/v1/auth/login",
                        "{\"username\":\"alice\",\"password\":\"wonderland\",\"device_id\":\"\\ud800\"}"),
                400,
                "INVALID_REQUEST");
        assertError(
                server.send(HttpRequest.newBuilder(server.uri("/api/v1/%0d%0aforged"))
                        .GET()),
                404,
                "NOT_FOUND");
        assertError(server.post("/api/v1/auth/login", "[1,2]"), 400, "INVALID_JSON");
        assertError(server.post("/api/v1/auth/refresh", "{\"refresh_token\":42}"), 400, "INVALID_REQUEST");
        assertError(
                server.send(HttpRequest.newBuilder(server.uri("/api/v1/auth/login"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))),
                400,
                "INVALID_CONTENT_TYPE");
        assertError(server.post("/api/v1/auth/login", "{\"x\":\"" + "a".repeat(70_000) + "\"}"), 400, "BODY_TOO_LARGE");
        assertError(
                server.send(HttpRequest.newBuilder(server.uri("/api/v1/auth/refresh"))
                        .GET()),
                405,
                "METHOD_NOT_ALLOWED");
        assertError(
                server.send(
                        HttpRequest.newBuilder(server.uri("/api/v2/nothing")).GET()),
                404,
                "NOT_FOUND");
    }

    @Test
    void aBodyThatTwoReadersCouldReadDifferentlyIsRefused() {
        String token = server.login("laptop").path("refresh_token").asText();

        assertError(
                server.post("/api/v1/auth/refresh", "{\"refresh_token\":\"x\",\"refresh_token\":\"" + token + "\"}"),
                400,
                "INVALID_JSON");
        assertError(
                server.post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + token + "\"} {\"refresh_token\":\"x\"}"),
                400,
                "INVALID_JSON");
        assertThat(server.refresh(token).statusCode())
                .as("the token was never used")
                .isEqualTo(200);
    }

    @Test
    void bearerEndpointsNeedAValidAccessToken() {
        JsonNode login = server.login("tablet");
        String access = login.path("access_token").asText();

        JsonNode me = json(server.get("/api/v1/me", access));
        assertThat(me.path("subject").asText()).isEqualTo("alice");
        assertThat(me.path("device_id").asText()).isEqualTo("tablet");
        JsonNode sessions = json(server.get("/api/v1/auth/sessions", access));
        assertThat(sessions.path("sessions").findValuesAsText("device_id")).contains("tablet");
        assertThat(sessions.path("sessions").get(0).has("last_refreshed_at")).isTrue();

        assertError(server.get("/api/v1/me", "garbage"), 401, "TOKEN_INVALID");
        assertError(server.get("/api/v1/me", login.path("refresh_token").asText()), 401, "TOKEN_INVALID");
        assertError(server.send(HttpRequest.newBuilder(server.uri("/api/v1/me")).GET()), 401, "TOKEN_INVALID");
    }

    @Test
    void logoutAllEndsEverySession() {
        JsonNode one = server.login("a");
        JsonNode two = server.login("b");

        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/auth/logout-all"))
                .header("Authorization", "Bearer " + one.path("access_token").asText())
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(204);
        assertError(server.refresh(one.path("refresh_token").asText()), 401, "TOKEN_REVOKED");
        assertError(server.refresh(two.path("refresh_token").asText()), 401, "TOKEN_REVOKED");
    }

    @Test
    void ofFiftyConcurrentRefreshesWithOneTokenExactlyOneSucceeds() throws Exception {
        String refreshToken = server.login("race").path("refresh_token").asText();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch ready = new CountDownLatch(50);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                responses.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return server.refresh(refreshToken);
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : responses) {
                statuses.add(response.get().statusCode());
            }

            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 401).hasSize(49);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).path("error").path("code").asInt()).isEqualTo(status);
        assertThat(reason(response)).isEqualTo(reason);
        assertThat(response.body())
                .as("the original Go service's body (README: The original Go service), in its order")
                .startsWith("{\"error\":{\"code\":" + status + ",\"reason\":\"" + reason + "\",\"message\":");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.");
    }

    /** A refresh token signed with the server's key by a service whose clock is eight days behind. */
    private static String expiredRefreshToken() {
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofDays(8)), ZoneOffset.UTC);
        return sameKey(past).issue("alice").refreshToken();
    }

    /** A genuine refresh token for any subject, signed with the server's key. */
    private static String tokenOf(String subject) {
        return sameKey(Clock.systemUTC()).issue(subject).refreshToken();
    }

    private static TokenService sameKey(Clock clock) {
        return TokenService.builder()
                .signingKey(JwtKey.hs256("example", RunningServer.SECRET))
                .refreshTokenKey(JwtKey.hs256("refresh", RunningServer.REFRESH_SECRET))
                .store(CaffeineSessionStore.create())
                .clock(clock)
                .build();
    }
}
