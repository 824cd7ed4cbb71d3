package dev.rotor.examples.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A thread-safe client of the example server. It keeps the current tokens, sends the access token as a
 * bearer header, and refreshes it when it is about to expire or a call answers 401 {@code TOKEN_EXPIRED}.
 *
 * <p>Refreshes are single-flight: however many threads find the token stale at once, one refresh request is
 * sent and all of them use its result, so a rotating refresh token is never presented twice by mistake. When
 * the server refuses a refresh with a 4xx answer ({@code TOKEN_REUSED}, {@code TOKEN_REVOKED}, {@code
 * TOKEN_EXPIRED}, ...), the client forgets its tokens and reports itself logged out.
 *
 * <p>A refresh whose reply is lost (a timeout or a dropped connection) is sent once more at once, with the
 * same refresh token. If the server had rotated it, the resend is answered with the same new pair when the
 * server's grace period ({@code REUSE_GRACE_SECONDS}) is longer than this client's 10 s timeout, and is reuse
 * otherwise. A refresh reply without usable tokens also logs the client out, since its refresh token may be
 * used up. The client reads tokens from reply bodies, so it does not work with a server in cookie mode.
 *
 * <pre>{@code
 * RotorClient client = new RotorClient(URI.create("http://localhost:8080"));
 * client.login("alice", "wonderland", "laptop");
 * HttpResponse<String> me = client.get("/api/v1/me");
 * }</pre>
 */
public final class RotorClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final long MAX_LIFETIME_SECONDS = 10L * 366 * 24 * 3600;

    /** The tokens, and when to refresh them; never printed. */
    private record Tokens(String access, String refresh, Instant refreshAt) {
        @Override
        public String toString() {
            return "Tokens[refreshAt=" + refreshAt + "]";
        }
    }

    private final URI baseUri;
    private final HttpClient http;
    private final Duration refreshAhead;
    private final Clock clock;
    private final Object lock = new Object();
    private Tokens tokens;
    private CompletableFuture<Tokens> refreshing;

    /**
     * A client that refreshes 30 seconds before the access token expires.
     *
     * @param baseUri the server, such as {@code http://localhost:8080}
     */
    public RotorClient(URI baseUri) {
        this(baseUri, Duration.ofSeconds(30), Clock.systemUTC());
    }

    /**
     * A client with its own refresh margin and clock.
     *
     * @param baseUri the server
     * @param refreshAhead how long before the access token's expiry to refresh it, at most half of the
     *     token's lifetime (so a short-lived token is not refreshed on every call)
     * @param clock the clock to judge expiry by
     */
    public RotorClient(URI baseUri, Duration refreshAhead, Clock clock) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.refreshAhead = Objects.requireNonNull(refreshAhead, "refreshAhead");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Logs in and keeps the tokens.
     *
     * @param username the user
     * @param password the password
     * @param deviceId this device, or {@code null}
     * @throws RotorClientException if the server refuses
     */
    public void login(String username, String password, String deviceId) {
        Map<String, String> body = deviceId == null
                ? Map.of("username", username, "password", password)
                : Map.of("username", username, "password", password, "device_id", deviceId);
        Tokens fresh = tokensFrom(post("/api/v1/auth/login", body));
        synchronized (lock) {
            tokens = fresh;
            refreshing = null; // a refresh still under way belongs to the old tokens
        }
    }

    /**
     * Sends {@code GET path} with the access token, refreshing first if it is about to expire, and once more
     * if the server says it has expired.
     *
     * @param path such as {@code /api/v1/me}: a path on this server, starting with a single {@code /}
     * @return the response, whatever its status
     * @throws IllegalArgumentException if the path could lead to another host, which would get the token
     * @throws RotorClientException if the client is logged out or a needed refresh is refused
     */
    public HttpResponse<String> get(String path) {
        URI target = onThisServer(path);
        Tokens used = currentTokens();
        HttpResponse<String> response = send(HttpRequest.newBuilder(target).GET(), used.access());
        if (response.statusCode() == 401 && "TOKEN_EXPIRED".equals(reason(response))) {
            Tokens refreshed = refreshReplacing(used);
            response = send(HttpRequest.newBuilder(target).GET(), refreshed.access());
        }
        return response;
    }

    /**
     * A valid access token, refreshed first if it is about to expire.
     *
     * @return the access token
     * @throws RotorClientException if logged out or the refresh is refused
     */
    public String accessToken() {
        return currentTokens().access();
    }

    /**
     * Logs out this session on the server and forgets the tokens. Does nothing if already logged out.
     *
     * @throws RotorClientException if the server refuses
     */
    public void logout() {
        Tokens current;
        synchronized (lock) {
            current = tokens;
            tokens = null;
            refreshing = null;
        }
        if (current != null) {
            post("/api/v1/auth/logout", Map.of("refresh_token", current.refresh()));
        }
    }

    /**
     * Whether the client holds tokens.
     *
     * @return {@code false} before login, after logout, and after the server revoked the session
     */
    public boolean isLoggedIn() {
        synchronized (lock) {
            return tokens != null;
        }
    }

    private Tokens currentTokens() {
        Tokens current;
        synchronized (lock) {
            current = tokens;
        }
        if (current == null) {
            throw new RotorClientException(401, "LOGGED_OUT");
        }
        if (clock.instant().isBefore(current.refreshAt())) {
            return current;
        }
        return refreshReplacing(current);
    }

    /** Replaces {@code stale} by refreshed tokens: one request for every thread that saw {@code stale}. */
    private Tokens refreshReplacing(Tokens stale) {
        CompletableFuture<Tokens> flight;
        boolean leader = false;
        synchronized (lock) {
            if (tokens != stale) {
                if (tokens == null) {
                    throw new RotorClientException(401, "LOGGED_OUT");
                }
                return tokens;
            }
            if (refreshing == null) {
                refreshing = new CompletableFuture<>();
                leader = true;
            }
            flight = refreshing;
        }
        if (leader) {
            lead(stale, flight);
        }
        try {
            return flight.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause();
        }
    }

    /** Sends the one refresh; its result replaces the tokens only if no login or logout came in between. */
    private void lead(Tokens stale, CompletableFuture<Tokens> flight) {
        try {
            Tokens fresh = tokensFrom(sendRefresh(stale));
            synchronized (lock) {
                if (tokens == stale) {
                    tokens = fresh;
                }
                if (refreshing == flight) {
                    refreshing = null;
                }
            }
            flight.complete(fresh);
        } catch (RuntimeException | Error e) { // an Error too: followers must not wait forever
            synchronized (lock) {
                if (tokens == stale && e instanceof RotorClientException refused && refused.loggedOut()) {
                    tokens = null;
                }
                if (refreshing == flight) {
                    refreshing = null;
                }
            }
            flight.completeExceptionally(e);
        }
    }

    /** Sends the refresh, and once more at once if no reply came: the request may have arrived all the same. */
    private JsonNode sendRefresh(Tokens stale) {
        Map<String, String> body = Map.of("refresh_token", stale.refresh());
        try {
            return post("/api/v1/auth/refresh", body);
        } catch (RotorClientException e) {
            if (!e.reason().equals("UNREACHABLE")) {
                throw e;
            }
            return post("/api/v1/auth/refresh", body);
        }
    }

    private URI onThisServer(String path) {
        URI target = baseUri.resolve(Objects.requireNonNull(path, "path"));
        if (!path.startsWith("/")
                || path.startsWith("//")
                || !Objects.equals(target.getScheme(), baseUri.getScheme())
                || !Objects.equals(target.getRawAuthority(), baseUri.getRawAuthority())) {
            throw new IllegalArgumentException("a path on the server, starting with a single /");
        }
        return target;
    }

    private JsonNode post(String path, Map<String, String> body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new RotorClientException(response.statusCode(), reason(response));
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new RotorClientException(0, "UNREACHABLE");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RotorClientException(0, "INTERRUPTED");
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String accessToken) {
        try {
            return http.send(
                    request.timeout(REQUEST_TIMEOUT)
                            .header("Authorization", "Bearer " + accessToken)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RotorClientException(0, "UNREACHABLE");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RotorClientException(0, "INTERRUPTED");
        }
    }

    /** The tokens of a reply; a reply without both tokens and a lifetime of 0 s to 10 years is refused. */
    private Tokens tokensFrom(JsonNode reply) {
        JsonNode access = reply.path("access_token");
        JsonNode refresh = reply.path("refresh_token");
        long lifetime = reply.path("expires_in").asLong(-1);
        if (!access.isTextual()
                || access.asText().isEmpty()
                || !refresh.isTextual()
                || refresh.asText().isEmpty()
                || lifetime < 0
                || lifetime > MAX_LIFETIME_SECONDS) {
            throw new RotorClientException(0, "MALFORMED_REPLY");
        }
        Duration half = Duration.ofSeconds(lifetime).dividedBy(2);
        Duration margin = refreshAhead.compareTo(half) < 0 ? refreshAhead : half;
        Instant refreshAt = clock.instant().plusSeconds(lifetime).minus(margin);
        return new Tokens(access.asText(), refresh.asText(), refreshAt);
    }

    private static String reason(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).path("error").path("reason").asText("UNKNOWN");
        } catch (IOException e) {
            return "UNKNOWN";
        }
    }
}
