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
        try (RunningServer server = new RunningServer(Map.of("REFRESH_TOKEN_COOKIE", "true"))) {
            HttpResponse<String> login =
                    server.postJson("/api/v1/auth/login", Map.of("username", "alice", "password", "wonderland"));
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(json(login).has("refresh_token")).isFalse();
            assertThat(cookie).startsWith("refresh_token=").contains("HttpOnly", "Secure", "SameSite=Strict");

            HttpResponse<String> refreshed = server.send(HttpRequest.newBuilder(server.uri("/api/v1/auth/refresh"))
                    .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                    .POST(HttpRequest.BodyPublishers.noBody()));

            assertThat(refreshed.statusCode()).isEqualTo(200);
            assertThat(refreshed.headers().firstValue("Set-Cookie"))
                    .get()
                    .asString()
                    .isNotEqualTo(cookie);
            HttpResponse<String> replay = server.send(HttpRequest.newBuilder(server.uri("/api/v1/auth/refresh"))
                    .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(RunningServer.reason(replay)).isEqualTo("TOKEN_REUSED");
        }
    }
}
