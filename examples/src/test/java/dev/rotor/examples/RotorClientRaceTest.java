package dev.rotor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rotor.examples.client.RotorClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A refresh whose answer arrives after the user logged out or logged in again must not bring old tokens
 * back. A stand-in server holds the refresh answer until the test has done the logout or login, so the
 * race happens every time, in this order.
 */
class RotorClientRaceTest {

    private static final Duration STALE = Duration.ofSeconds(6);

    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch refreshArrived = new CountDownLatch(1);
    private final CountDownLatch answerRefresh = new CountDownLatch(1);
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger logouts = new AtomicInteger();
    private final MovableClock clock = new MovableClock();
    private HttpServer server;
    private RotorClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/auth/login", exchange -> answerTokens(exchange, "login"));
        server.createContext("/api/v1/auth/refresh", exchange -> {
            refreshArrived.countDown();
            try {
                answerRefresh.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answerTokens(exchange, "refresh");
        });
        server.createContext("/api/v1/auth/logout", exchange -> {
            logouts.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(handlers);
        server.start();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        // Tokens live 10 s and the client refreshes halfway: 6 s on the client's clock make them stale.
        client = new RotorClient(uri, Duration.ofSeconds(30), clock);
    }

    @AfterEach
    void stop() {
        answerRefresh.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void aRefreshAnsweredAfterLogoutLeavesTheClientLoggedOut() throws Exception {
        client.login("alice", "wonderland", null);
        clock.advance(STALE);
        CompletableFuture<String> staleCaller = CompletableFuture.supplyAsync(client::accessToken);
        assertThat(refreshArrived.await(10, TimeUnit.SECONDS)).isTrue();

        client.logout();
        answerRefresh.countDown();

        assertThat(staleCaller.get(10, TimeUnit.SECONDS)).isEqualTo("access-refresh-2");
        assertThat(logouts.get()).isEqualTo(1);
        assertThat(client.isLoggedIn()).isFalse();
    }

    @Test
    void aRefreshAnsweredAfterANewLoginKeepsTheNewLoginsTokens() throws Exception {
        client.login("alice", "wonderland", null);
        clock.advance(STALE);
        CompletableFuture<String> staleCaller = CompletableFuture.supplyAsync(client::accessToken);
        assertThat(refreshArrived.await(10, TimeUnit.SECONDS)).isTrue();

        client.login("alice", "wonderland", null);
        answerRefresh.countDown();
        staleCaller.get(10, TimeUnit.SECONDS);

        assertThat(client.isLoggedIn()).isTrue();
        // The stand-in numbers its answers in the order it sends them: 1 the first login, 2 the second login,
        // 3 the held refresh. The next refresh must present the second login's token, not the held refresh's.
        assertThat(refreshTokenPresentedNext()).isEqualTo("refresh-login-2");
    }

    private String refreshTokenPresentedNext() throws Exception {
        AtomicReference<String> presented = new AtomicReference<>();
        server.removeContext("/api/v1/auth/refresh");
        server.createContext("/api/v1/auth/refresh", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            presented.set(body.replaceAll(".*\"refresh_token\"\\s*:\\s*\"([^\"]*)\".*", "$1"));
            answerTokens(exchange, "refresh");
        });
        clock.advance(STALE);
        client.accessToken();
        return presented.get();
    }

    private void answerTokens(HttpExchange exchange, String kind) throws IOException {
        int n = issued.incrementAndGet();
        byte[] body = ("{\"access_token\":\"access-" + kind + "-" + n + "\",\"refresh_token\":\"refresh-" + kind + "-"
                        + n + "\",\"expires_in\":10}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
