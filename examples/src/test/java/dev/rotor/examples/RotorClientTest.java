package dev.rotor.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rotor.TokenEvent;
import dev.rotor.examples.client.RotorClient;
import dev.rotor.examples.client.RotorClientException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RotorClientTest {

    @Test
    void fiftyThreadsNeedingARefreshAtOnceCauseExactlyOneRefreshRequest() throws Exception {
        try (RunningServer server = new RunningServer(Map.of())) {
            MovableClock clock = new MovableClock();
            RotorClient client = new RotorClient(server.uri("/"), Duration.ofSeconds(30), clock);
            client.login("alice", "wonderland", "client");
            clock.advance(Duration.ofSeconds(880));

            List<Integer> statuses =
                    callConcurrently(50, () -> client.get("/api/v1/me").statusCode());

            assertThat(statuses).hasSize(50).containsOnly(200);
            assertThat(refreshes(server)).isEqualTo(1);
            assertThat(client.get("/api/v1/me").statusCode()).isEqualTo(200);
            assertThat(refreshes(server)).isEqualTo(1);
        }
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnItsFirst401() throws Exception {
        // Two seconds, not one: exp counts from iat in whole seconds, so a 1 s token minted late in a second
        // can expire within milliseconds, before the request that follows its refresh.
        try (RunningServer server = new RunningServer(Map.of("ACCESS_TTL_SECONDS", "2"))) {
            RotorClient client = new RotorClient(server.uri("/"), Duration.ZERO, Clock.systemUTC());
            client.login("alice", "wonderland", null);
            Thread.sleep(3100);

            HttpResponse<String> me = client.get("/api/v1/me");

            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(refreshes(server)).isEqualTo(1);
        }
    }

    @Test
    void aReusedRefreshTokenLogsTheClientOut() {
        try (RunningServer server = new RunningServer(Map.of())) {
            MovableClock clock = new MovableClock();
            RotorClient victim = new RotorClient(server.uri("/"), Duration.ofSeconds(30), clock);
            victim.login("alice", "wonderland", "phone");
            String stolen = RunningServer.json(server.postJson(
                            "/api/v1/auth/login", Map.of("username", "alice", "password", "wonderland")))
                    .path("refresh_token")
                    .asText();
            server.refresh(stolen);
            server.refresh(stolen);
            clock.advance(Duration.ofSeconds(880));

            assertThatThrownBy(() -> victim.get("/api/v1/me")).isInstanceOfSatisfying(RotorClientException.class, e -> {
                assertThat(e.reason()).isEqualTo("TOKEN_REVOKED");
                assertThat(e.loggedOut()).isTrue();
            });
            assertThat(victim.isLoggedIn()).isFalse();
        }
    }

    @Test
    void logoutForgetsTheTokensAndEndsTheSession() {
        try (RunningServer server = new RunningServer(Map.of())) {
            RotorClient client = new RotorClient(URI.create("http://127.0.0.1:" + server.server.httpPort()));
            client.login("alice", "wonderland", null);
            String access = client.accessToken();

            client.logout();

            assertThat(client.isLoggedIn()).isFalse();
            assertThatThrownBy(client::accessToken).isInstanceOf(RotorClientException.class);
            assertThat(server.get("/api/v1/auth/sessions", access).body()).isEqualTo("{\"sessions\":[]}");
        }
    }

    @Test
    void aShortLivedAccessTokenIsRefreshedHalfwayNotOnEveryCall() {
        try (RunningServer server = new RunningServer(Map.of("ACCESS_TTL_SECONDS", "20"))) {
            MovableClock clock = new MovableClock();
            RotorClient client = new RotorClient(server.uri("/"), Duration.ofSeconds(30), clock);
            client.login("alice", "wonderland", null);

            client.get("/api/v1/me");
            clock.advance(Duration.ofSeconds(9));
            client.get("/api/v1/me");
            assertThat(refreshes(server)).isZero();

            clock.advance(Duration.ofSeconds(2));
            assertThat(client.get("/api/v1/me").statusCode()).isEqualTo(200);
            assertThat(refreshes(server)).isEqualTo(1);
        }
    }

    @Test
    void aPathThatCouldLeadToAnotherHostIsRefusedBeforeTheTokenIsSent() {
        try (RunningServer server = new RunningServer(Map.of())) {
            RotorClient client = new RotorClient(server.uri("/"));
            client.login("alice", "wonderland", null);

            for (String path : List.of("//evil.example/steal", "https://evil.example/steal", "api/v1/me", "")) {
                assertThatThrownBy(() -> client.get(path)).as(path).isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(client.get("/api/v1/me").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aServerInCookieModeIsRefusedAtLoginRatherThanKeptWithoutARefreshToken() {
        try (RunningServer server = new RunningServer(Map.of("REFRESH_TOKEN_COOKIE", "true"))) {
            RotorClient client = new RotorClient(server.uri("/"));

            assertThatThrownBy(() -> client.login("alice", "wonderland", null))
                    .isInstanceOfSatisfying(RotorClientException.class, e -> assertThat(e.reason())
                            .isEqualTo("MALFORMED_REPLY"));
            assertThat(client.isLoggedIn()).isFalse();
        }
    }

    private static long refreshes(RunningServer server) {
        return server.events.stream()
                .filter(e -> e.type() == TokenEvent.Type.REFRESHED)
                .count();
    }

    private static <T> List<T> callConcurrently(int threads, java.util.concurrent.Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
