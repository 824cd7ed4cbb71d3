package dev.rotor.examples;

import static dev.rotor.examples.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With REFRESH_TOKEN_COOKIE=true the refresh token travels only in an HttpOnly, Secure, SameSite cookie. */
class CookieModeTest {

    @Test
    void theRefreshTokenTravelsInACookieNotTheBody() {
        try (RunningServer server =
                new RunningServer(Map.of("REFRESH_TOKEN_COOKIE", "true", "REFRESH_TTL_SECONDS", "3600"))) {
            HttpResponse<String> login =
                    server.postJson("/api/v1/auth/login", Map.of("username", "alice", "password", "wonderland"));
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(json(login).has("refresh_token")).isFalse();
            assertThat(cookie).startsWith("refresh_token=").contains("HttpOnly", "Secure", "SameSite=Strict");
            assertThat(cookie).contains("Max-Age=3600");

            HttpResponse<String> refreshed = server.send(withCookie(server, "/api/v1/auth/refresh", cookie));

            assertThat(refreshed.statusCode()).isEqualTo(200);
            assertThat(refreshed.headers().firstValue("Set-Cookie"))
                    .get()
                    .asString()
                    .isNotEqualTo(cookie);
            HttpResponse<String> replay = server.send(withCookie(server, "/api/v1/auth/refresh", cookie));
            assertThat(RunningServer.reason(replay)).isEqualTo("TOKEN_REUSED");
            assertThat(replay.headers().firstValue("Set-Cookie"))
                    .as("a refused cookie is cleared")
                    .get()
                    .asString()
                    .startsWith("refresh_token=;")
                    .contains("Max-Age=0");
        }
    }

    @Test
    void aRequestUsingTheCookieMustDeclareJsonSoAnotherOriginCannotSendIt() {
        try (RunningServer server = new RunningServer(Map.of("REFRESH_TOKEN_COOKIE", "true"))) {
            String cookie = server.postJson("/api/v1/auth/login", Map.of("username", "alice", "password", "wonderland"))
                    .headers()
                    .firstValue("Set-Cookie")
                    .orElseThrow();

            for (String path : new String[] {"/api/v1/auth/logout", "/api/v1/auth/refresh"}) {
                for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain", null}) {
                    HttpRequest.Builder simple = HttpRequest.newBuilder(server.uri(path))
                            .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                            .POST(HttpRequest.BodyPublishers.noBody());
                    if (type != null) {
                        simple.header("Content-Type", type);
                    }
                    HttpResponse<String> refused = server.send(simple);
                    assertThat(refused.statusCode()).as("%s %s", path, type).isEqualTo(400);
                    assertThat(RunningServer.reason(refused)).isEqualTo("INVALID_CONTENT_TYPE");
                }
            }
            assertThat(server.send(withCookie(server, "/api/v1/auth/refresh", cookie))
                            .statusCode())
                    .as("the session was neither logged out nor rotated")
                    .isEqualTo(200);
        }
    }

    @Test
    void aRefusalThatLeavesTheTokenGoodKeepsTheCookie() {
        try (RunningServer server = new RunningServer(Map.of("REFRESH_TOKEN_COOKIE", "true"))) {
            String cookie = server.postJson(
                            "/api/v1/auth/login",
                            Map.of("username", "alice", "password", "wonderland", "device_id", "laptop"))
                    .headers()
                    .firstValue("Set-Cookie")
                    .orElseThrow();

            HttpResponse<String> otherDevice = server.send(HttpRequest.newBuilder(server.uri("/api/v1/auth/refresh"))
                    .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"device_id\":\"phone\"}")));

            assertThat(RunningServer.reason(otherDevice)).isEqualTo("TOKEN_INVALID");
            assertThat(otherDevice.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(server.send(withCookie(server, "/api/v1/auth/refresh", cookie))
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    private static HttpRequest.Builder withCookie(RunningServer server, String path, String setCookie) {
        return HttpRequest.newBuilder(server.uri(path))
                .header("Cookie", setCookie.substring(0, setCookie.indexOf(';')))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody());
    }
}
