package dev.rotor.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample against the plain example server, request by request: the same status, the same headers that matter
 * to a client, byte for byte the same JSON (field order included; only token strings, ids and instants differ).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "JWT_SECRET=" + ContractParityTest.SECRET,
            "REFRESH_TOKEN_SECRET=" + ContractParityTest.REFRESH_SECRET,
            "PORT=0"
        })
class ContractParityTest {

    static final String SECRET = "a-parity-secret-of-well-over-thirty-two-bytes-0123";
    static final String REFRESH_SECRET = "a-parity-refresh-secret-of-over-thirty-two-bytes-45";
    static final String ALICE = "{\"username\":\"alice\",\"password\":\"wonderland\",\"device_id\":\"laptop\"}";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String[] HEADERS = {"Content-Type", "Cache-Control", "WWW-Authenticate", "Allow"};

    private static PlainExampleServer plain;

    @LocalServerPort
    int port;

    private final List<String> differences = new ArrayList<>();

    @BeforeAll
    static void startPlain() {
        plain = new PlainExampleServer(Map.of("JWT_SECRET", SECRET, "REFRESH_TOKEN_SECRET", REFRESH_SECRET));
    }

    @AfterAll
    static void stopPlain() {
        plain.close();
    }

    @Test
    void everyRefusalIsTheSameAnswer() {
        String forgedNone = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhbGljZSJ9.";
        same("refresh without token", post("/api/v1/auth/refresh", "{}"));
        same("refresh garbage", post("/api/v1/auth/refresh", "{\"refresh_token\":\"not.a.token\"}"));
        same("refresh alg none", post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + forgedNone + "\"}"));
        same("refresh oversized token", post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + "a".repeat(9000) + "\"}"));
        same("refresh zh", b -> post("/api/v1/auth/refresh", "{\"refresh_token\":\"x\"}").apply(b)
                .header("Accept-Language", "zh-CN,zh;q=0.9"));
        same("wrong password", post("/api/v1/auth/login", "{\"username\":\"alice\",\"password\":\"wrong\"}"));
        same("unknown user", post("/api/v1/auth/login", "{\"username\":\"nobody\",\"password\":\"wonderland\"}"));
        same("login without fields", post("/api/v1/auth/login", "{}"));
        same("not json", post("/api/v1/auth/login", "{not json"));
        same("array", post("/api/v1/auth/login", "[1,2]"));
        same("lone surrogate", post("/api/v1/auth/login",
                "{\"username\":\"alice\",\"password\":\"wonderland\",\"device_id\":\"\\ud800\"}"));
        same("number token", post("/api/v1/auth/refresh", "{\"refresh_token\":42}"));
        same("duplicate keys", post("/api/v1/auth/refresh", "{\"refresh_token\":\"x\",\"refresh_token\":\"y\"}"));
        same("trailing data", post("/api/v1/auth/refresh", "{\"refresh_token\":\"x\"} {\"refresh_token\":\"y\"}"));
        same("empty body", b -> b.path("/api/v1/auth/refresh").POST(HttpRequest.BodyPublishers.noBody()));
        same("text/plain", b -> b.path("/api/v1/auth/login").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        same("form", b -> b.path("/api/v1/auth/refresh").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("refresh_token=x")));
        same("oversized body", post("/api/v1/auth/login", "{\"x\":\"" + "a".repeat(70_000) + "\"}"));
        same("GET refresh", b -> b.path("/api/v1/auth/refresh").GET());
        same("PUT login", b -> b.path("/api/v1/auth/login").PUT(HttpRequest.BodyPublishers.ofString("{}")));
        same("GET logout", b -> b.path("/api/v1/auth/logout").GET());
        same("GET logout-all", b -> b.path("/api/v1/auth/logout-all").GET());
        same("POST sessions", post("/api/v1/auth/sessions", "{}"));
        same("POST me", post("/api/v1/me", "{}"));
        same("unknown auth path", post("/api/v1/auth/nothing", "{}"));
        same("unknown path", b -> b.path("/api/v2/nothing").GET());
        same("encoded CRLF path", b -> b.path("/api/v1/%0d%0aforged").GET());
        same("me without token", b -> b.path("/api/v1/me").GET());
        same("me garbage", bearer("/api/v1/me", "garbage"));
        same("me alg none", bearer("/api/v1/me", forgedNone));
        same("me oversized", bearer("/api/v1/me", "a".repeat(9000)));
        same("sessions without token", b -> b.path("/api/v1/auth/sessions").GET());
        same("logout-all without token", post("/api/v1/auth/logout-all", ""));
        same("revoke without token", b -> b.path("/api/v1/auth/sessions/abc").DELETE());
        same("logout garbage", post("/api/v1/auth/logout", "{\"refresh_token\":\"x\"}"));
        same("jwks", b -> b.path("/.well-known/jwks.json").GET());
        same("metadata", b -> b.path("/.well-known/oauth-authorization-server").GET());
        assertThat(differences).isEmpty();
    }

    @Test
    void theOriginalSequenceIsTheSameAnswer() {
        Side boot = new Side(port);
        Side example = new Side(plain.port());
        compare("login", boot.send(post("/api/v1/auth/login", ALICE)), example.send(post("/api/v1/auth/login", ALICE)));
        compare("second login", boot.login("phone"), example.login("phone"));
        String bootFirst = boot.refreshToken;
        String exampleFirst = example.refreshToken;
        compare("refresh", boot.refresh(bootFirst), example.refresh(exampleFirst));
        compare("me", boot.send(bearer("/api/v1/me", boot.access)), example.send(bearer("/api/v1/me", example.access)));
        compare("me with a refresh token", boot.send(bearer("/api/v1/me", boot.refreshToken)),
                example.send(bearer("/api/v1/me", example.refreshToken)));
        compare("sessions", boot.send(bearer("/api/v1/auth/sessions", boot.access)),
                example.send(bearer("/api/v1/auth/sessions", example.access)));
        compare("replay", boot.refresh(bootFirst), example.refresh(exampleFirst));
        compare("refresh after reuse", boot.refresh(boot.refreshToken), example.refresh(example.refreshToken));
        compare("me after reuse", boot.send(bearer("/api/v1/me", boot.access)),
                example.send(bearer("/api/v1/me", example.access)));

        compare("login again", boot.login("laptop"), example.login("laptop"));
        compare("DELETE a session path", boot.send(delete("/api/v1/auth/sessions/nope", boot.access)),
                example.send(delete("/api/v1/auth/sessions/nope", example.access)));
        compare("revoke unknown session", boot.send(revoke("nope", boot.access)),
                example.send(revoke("nope", example.access)));
        compare("revoke without session_id", boot.send(revoke(null, boot.access)),
                example.send(revoke(null, example.access)));
        String bootSession = Client.json(boot.send(bearer("/api/v1/me", boot.access))).path("session_id").asText();
        String exampleSession =
                Client.json(example.send(bearer("/api/v1/me", example.access))).path("session_id").asText();
        compare("login from phone", boot.login("phone"), example.login("phone"));
        compare("revoke the laptop's session from the phone", boot.send(revoke(bootSession, boot.access)),
                example.send(revoke(exampleSession, example.access)));
        compare("sessions after revoke", boot.send(bearer("/api/v1/auth/sessions", boot.access)),
                example.send(bearer("/api/v1/auth/sessions", example.access)));
        compare("logout", boot.send(post("/api/v1/auth/logout", "{\"refresh_token\":\"" + boot.refreshToken + "\"}")),
                example.send(post("/api/v1/auth/logout", "{\"refresh_token\":\"" + example.refreshToken + "\"}")));
        compare("refresh after logout", boot.refresh(boot.refreshToken), example.refresh(example.refreshToken));

        compare("login for logout-all", boot.login("tablet"), example.login("tablet"));
        compare("logout-all", boot.send(bearerPost("/api/v1/auth/logout-all", boot.access)),
                example.send(bearerPost("/api/v1/auth/logout-all", example.access)));
        compare("refresh after logout-all", boot.refresh(boot.refreshToken), example.refresh(example.refreshToken));
        assertThat(differences).isEmpty();
    }

    private void same(String name, Function<Request, HttpRequest.Builder> request) {
        compare(name, new Side(port).send(request), new Side(plain.port()).send(request));
    }

    private void compare(String name, HttpResponse<String> boot, HttpResponse<String> example) {
        String b = describe(boot);
        String e = describe(example);
        if (!b.equals(e)) {
            differences.add(name + "\n  boot:    " + b + "\n  example: " + e);
        }
    }

    static String describe(HttpResponse<String> response) {
        StringBuilder text = new StringBuilder().append(response.statusCode());
        for (String header : HEADERS) {
            // "type;charset=utf-8" and "type; charset=utf-8" are the same media type (RFC 9110 §8.3.1); Tomcat
            // always writes the first, the JDK server sends what it is given.
            response.headers().firstValue(header).ifPresent(v -> text.append(" | ").append(header).append(": ")
                    .append(v.replace("; charset=", ";charset=")));
        }
        return text.append(" | ").append(normalized(response.body())).toString();
    }

    /** Token strings, session ids and instants differ between two servers by design; everything else may not. */
    static String normalized(String body) {
        return body.replaceAll("http://127\\.0\\.0\\.1:\\d+/", "http://127.0.0.1:<port>/")
                .replaceAll("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*", "<token>")
                .replaceAll("\"(session_id|id|sid|jti)\":\"[^\"]*\"", "\"$1\":\"<id>\"")
                .replaceAll("\"(created_at|last_refreshed_at|expires_at|iat|exp|last_used_at)\":(\"[^\"]*\"|\\d+)",
                        "\"$1\":<instant>");
    }

    static Function<Request, HttpRequest.Builder> post(String path, String json) {
        return b -> {
            HttpRequest.Builder request = b.path(path).POST(HttpRequest.BodyPublishers.ofString(json));
            return json.isEmpty() ? request : request.header("Content-Type", "application/json");
        };
    }

    static Function<Request, HttpRequest.Builder> bearer(String path, String token) {
        return b -> b.path(path).header("Authorization", "Bearer " + token).GET();
    }

    static Function<Request, HttpRequest.Builder> bearerPost(String path, String token) {
        return b -> b.path(path).header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody());
    }

    static Function<Request, HttpRequest.Builder> revoke(String sessionId, String token) {
        String body = sessionId == null ? "{}" : "{\"session_id\":\"" + sessionId + "\"}";
        return b -> b.path("/api/v1/auth/sessions/revoke")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static Function<Request, HttpRequest.Builder> delete(String path, String token) {
        return b -> b.path(path).header("Authorization", "Bearer " + token).DELETE();
    }

    /** A request builder for one server. */
    record Request(int port) {
        HttpRequest.Builder path(String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
        }
    }

    /** One server and the tokens its last answer carried. */
    static final class Side {
        private final Request request;
        String access;
        String refreshToken;

        Side(int port) {
            this.request = new Request(port);
        }

        HttpResponse<String> login(String device) {
            return send(post("/api/v1/auth/login",
                    "{\"username\":\"alice\",\"password\":\"wonderland\",\"device_id\":\"" + device + "\"}"));
        }

        HttpResponse<String> refresh(String token) {
            return send(post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + token + "\"}"));
        }

        HttpResponse<String> send(Function<Request, HttpRequest.Builder> builder) {
            try {
                HttpResponse<String> response = HTTP.send(builder.apply(request).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"access_token\"")) {
                    access = Client.field(response, "access_token");
                    refreshToken = Client.field(response, "refresh_token");
                }
                return response;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
