package dev.rotor.examples.spring;

import static dev.rotor.examples.spring.Client.json;
import static dev.rotor.examples.spring.Client.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** REFRESH_TOKEN_COOKIE=true: the refresh token lives in a __Host- cookie and needs the JSON Content-Type. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"JWT_SECRET=a-test-secret-of-well-over-thirty-two-bytes-0123", "REFRESH_TOKEN_COOKIE=true"})
class CookieModeHttpTest {

    @LocalServerPort
    int port;

    @Test
    void theRefreshTokenTravelsOnlyInTheCookie() {
        Client client = new Client(port);
        HttpResponse<String> login = client.login("browser");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(json(login).has("refresh_token")).isFalse();
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie)
                .startsWith("__Host-refresh_token=")
                .contains("; Max-Age=604800", "; Path=/;", "; HttpOnly", "; Secure", "; SameSite=Strict")
                .doesNotContain("Domain");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> crossSiteForm =
                client.post("/api/v1/auth/refresh", "", "Cookie", cookie, "Content-Type", "text/plain");
        assertThat(crossSiteForm.statusCode()).isEqualTo(400);
        assertThat(reason(crossSiteForm)).isEqualTo("INVALID_CONTENT_TYPE");

        HttpResponse<String> refreshed =
                client.post("/api/v1/auth/refresh", "", "Cookie", cookie, "Content-Type", "application/json");
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(refreshed.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(json(refreshed).has("refresh_token")).isFalse();
        String next = refreshed.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(next).startsWith("__Host-refresh_token=").isNotEqualTo(setCookie);

        HttpResponse<String> replay =
                client.post("/api/v1/auth/refresh", "", "Cookie", cookie, "Content-Type", "application/json");
        assertThat(reason(replay)).isEqualTo("TOKEN_REUSED");
        assertThat(replay.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith("__Host-refresh_token=;")
                .contains("Max-Age=0");

        HttpResponse<String> logout = client.post(
                "/api/v1/auth/logout", "", "Cookie", next.substring(0, next.indexOf(';')), "Content-Type", "application/json");
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    }
}
