package dev.rotor.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rotor.examples.client.RotorClient;
import dev.rotor.examples.client.RotorClientException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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

    @Test
    void aRefreshStillUnderWayForOldTokensIsNotJoinedByTheNextLoginsCallers() throws Exception {
        List<String> presented = new CopyOnWriteArrayList<>();
        CountDownLatch bothArrived = new CountDownLatch(2);
        onRefresh(exchange -> {
            String token = presentedToken(exchange);
            presented.add(token);
            bothArrived.countDown();
            answerRefresh.await(10, TimeUnit.SECONDS);
            answer(
                    exchange,
                    "{\"access_token\":\"access-after-" + token + "\",\"refresh_token\":\"next-" + token
                            + "\",\"expires_in\":10}");
        });
        client.login("alice", "wonderland", null);
        clock.advance(STALE);
        CompletableFuture<String> oldCaller = CompletableFuture.supplyAsync(client::accessToken);
        while (presented.isEmpty()) {
            Thread.sleep(5);
        }

        client.login("alice", "wonderland", null);
        clock.advance(STALE);
        CompletableFuture<String> newCaller = CompletableFuture.supplyAsync(client::accessToken);

        assertThat(bothArrived.await(10, TimeUnit.SECONDS))
                .as("the new login's caller sent its own refresh")
                .isTrue();
        answerRefresh.countDown();
        assertThat(newCaller.get(10, TimeUnit.SECONDS)).isEqualTo("access-after-refresh-login-2");
        assertThat(oldCaller.get(10, TimeUnit.SECONDS)).isEqualTo("access-after-refresh-login-1");
        assertThat(presented).containsExactly("refresh-login-1", "refresh-login-2");
    }

    @Test
    void aRefreshWhoseReplyIsLostIsSentOnceMoreAtOnceWithTheSameToken() throws Exception {
        List<String> presented = new CopyOnWriteArrayList<>();
        onRefresh(exchange -> {
            presented.add(presentedToken(exchange));
            if (presented.size() == 1) {
                exchange.close(); // the connection drops before any reply
            } else {
                answerTokens(exchange, "refresh");
            }
        });
        client.login("alice", "wonderland", null);
        clock.advance(STALE);

        assertThat(client.accessToken()).isEqualTo("access-refresh-2");
        assertThat(presented).containsExactly("refresh-login-1", "refresh-login-1");
    }

    @Test
    void aRefreshReplyWithoutTokensLogsTheClientOut() throws Exception {
        onRefresh(exchange -> answer(exchange, "{\"access_token\":\"only-access\",\"expires_in\":10}"));
        client.login("alice", "wonderland", null);
        clock.advance(STALE);

        assertThatThrownBy(client::accessToken)
                .isInstanceOfSatisfying(
                        RotorClientException.class, e -> assertThat(e.reason()).isEqualTo("MALFORMED_REPLY"));
        assertThat(client.isLoggedIn()).as("its refresh token may be used up").isFalse();
    }

    /** A stand-in refresh endpoint's behaviour. */
    private interface RefreshHandler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private void onRefresh(RefreshHandler handler) {
        server.removeContext("/api/v1/auth/refresh");
        server.createContext("/api/v1/auth/refresh", exchange -> {
            try {
                handler.handle(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static String presentedToken(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return body.replaceAll(".*\"refresh_token\"\\s*:\\s*\"([^\"]*)\".*", "$1");
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private String refreshTokenPresentedNext() throws Exception {
        AtomicReference<String> presented = new AtomicReference<>();
        onRefresh(exchange -> {
            presented.set(presentedToken(exchange));
            answerTokens(exchange, "refresh");
        });
        clock.advance(STALE);
        client.accessToken();
        return presented.get();
    }

    private void answerTokens(HttpExchange exchange, String kind) throws IOException {
        int n = issued.incrementAndGet();
        answer(
                exchange,
                "{\"access_token\":\"access-" + kind + "-" + n + "\",\"refresh_token\":\"refresh-" + kind + "-" + n
                        + "\",\"expires_in\":10}");
    }
}
