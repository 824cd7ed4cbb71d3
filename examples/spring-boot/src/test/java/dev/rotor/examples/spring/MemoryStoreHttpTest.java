package dev.rotor.examples.spring;

import static dev.rotor.examples.spring.Client.field;
import static dev.rotor.examples.spring.Client.json;
import static dev.rotor.examples.spring.Client.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The original sequence over real HTTP on the in-memory store: login, refresh, replay, reuse, logout, errors. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"JWT_SECRET=a-test-secret-of-well-over-thirty-two-bytes-0123", "PORT=0"})
class MemoryStoreHttpTest {

    @LocalServerPort
    int port;

    @Test
    void loginRefreshReplayAndReuse() {
        Client client = new Client(port);
        HttpResponse<String> laptop = client.login("laptop");
        HttpResponse<String> phone = client.login("phone");
        assertThat(laptop.statusCode()).isEqualTo(200);
        assertThat(laptop.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(json(laptop).path("expires_in").asLong()).isEqualTo(900);

        HttpResponse<String> refreshed = client.refresh(field(laptop, "refresh_token"));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(refreshed.headers().firstValue("Cache-Control")).hasValue("no-store");
        String access = field(refreshed, "access_token");

        HttpResponse<String> me = client.get("/api/v1/me", access);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(field(me, "subject")).isEqualTo("alice");
        assertThat(field(me, "device_id")).isEqualTo("laptop");
        HttpResponse<String> sessions = client.get("/api/v1/auth/sessions", access);
        assertThat(json(sessions).path("sessions").size()).isEqualTo(2);

        HttpResponse<String> replay = client.refresh(field(laptop, "refresh_token"));
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body())
                .isEqualTo("{\"error\":{\"code\":401,\"reason\":\"TOKEN_REUSED\",\"message\":\"Refresh token was already"
                        + " used\"}}");
        // ALL_SESSIONS: the phone's session went with it
        assertThat(reason(client.refresh(field(phone, "refresh_token")))).isEqualTo("TOKEN_REVOKED");

        HttpResponse<String> metrics = client.get("/actuator/metrics/rotor.refresh", null);
        assertThat(metrics.body()).contains("\"rotated\"").contains("\"reuse_detected\"");
        assertThat(client.get("/actuator/metrics/rotor.reuse.detected", null).statusCode()).isEqualTo(200);
    }

    @Test
    void bearerRefusalsAreSpringSecurityAnswersWithRotorsBody() {
        Client client = new Client(port);
        HttpResponse<String> none = client.get("/api/v1/me", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer error=\"invalid_token\", error_description=\"Access token is invalid\"");
        HttpResponse<String> sessionsWithoutToken = client.get("/api/v1/auth/sessions", null);
        assertThat(sessionsWithoutToken.statusCode()).isEqualTo(401);
        assertThat(sessionsWithoutToken.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer error=\"invalid_token\"");
        assertThat(reason(none)).isEqualTo("TOKEN_INVALID");

        HttpResponse<String> forged = client.get("/api/v1/me", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer error=\"invalid_token\"");
        assertThat(reason(forged)).isEqualTo("TOKEN_INVALID");

        String refreshToken = field(client.login("desk"), "refresh_token");
        HttpResponse<String> refreshAsBearer = client.get("/api/v1/me", refreshToken);
        assertThat(refreshAsBearer.statusCode()).isEqualTo(401);

        HttpResponse<String> chinese = client.post("/api/v1/auth/refresh", "{\"refresh_token\":\"x\"}", "Accept-Language", "zh-CN");
        assertThat(chinese.statusCode()).isEqualTo(401);
        assertThat(json(chinese).path("error").path("message").asText()).isEqualTo("刷新令牌无效");
    }

    @Test
    void logoutLogoutAllAndRevokeOneSession() {
        Client client = new Client(port);
        HttpResponse<String> first = client.login("one");
        HttpResponse<String> second = client.login("two");
        String access = field(second, "access_token");

        HttpResponse<String> logout = client.post("/api/v1/auth/logout", "{\"refresh_token\":\"" + field(first, "refresh_token") + "\"}");
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(reason(client.refresh(field(first, "refresh_token")))).isEqualTo("TOKEN_REVOKED");

        String sessionOfSecond = json(client.get("/api/v1/auth/sessions", access)).path("sessions").findValuesAsText("session_id").stream()
                .filter(id -> json(client.get("/api/v1/me", access)).path("session_id").asText().equals(id))
                .findFirst()
                .orElseThrow();
        HttpResponse<String> third = client.login("three");
        HttpResponse<String> revokeOne = client.post(
                "/api/v1/auth/sessions/revoke",
                "{\"session_id\":\"" + sessionOfSecond + "\"}",
                "Authorization",
                "Bearer " + field(third, "access_token"));
        assertThat(revokeOne.statusCode()).isEqualTo(204);
        HttpResponse<String> again = client.post(
                "/api/v1/auth/sessions/revoke",
                "{\"session_id\":\"" + sessionOfSecond + "\"}",
                "Authorization",
                "Bearer " + field(third, "access_token"));
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(reason(again)).isEqualTo("SESSION_NOT_FOUND");
        assertThat(reason(client.refresh(field(second, "refresh_token")))).isEqualTo("TOKEN_REVOKED");

        HttpResponse<String> all = client.post("/api/v1/auth/logout-all", "", "Authorization", "Bearer " + field(third, "access_token"));
        assertThat(all.statusCode()).isEqualTo(204);
        assertThat(reason(client.refresh(field(third, "refresh_token")))).isEqualTo("TOKEN_REVOKED");
    }

    @Test
    void malformedRequestsGetTheOriginalErrorTable() {
        Client client = new Client(port);
        assertThat(reason(client.post("/api/v1/auth/refresh", "{}"))).isEqualTo("REFRESH_TOKEN_REQUIRED");
        assertThat(client.post("/api/v1/auth/refresh", "{}").statusCode()).isEqualTo(400);
        assertThat(reason(client.post("/api/v1/auth/refresh", "[1]"))).isEqualTo("INVALID_JSON");
        assertThat(reason(client.post("/api/v1/auth/refresh", "{\"refresh_token\":1}"))).isEqualTo("INVALID_REQUEST");
        assertThat(reason(client.post("/api/v1/auth/refresh", "{\"a\":1,\"a\":2}"))).isEqualTo("INVALID_JSON");
        assertThat(reason(client.post("/api/v1/auth/login", "{\"username\":\"alice\",\"password\":\"no\"}")))
                .isEqualTo("INVALID_CREDENTIALS");
        HttpResponse<String> wrongMethod = client.get("/api/v1/auth/refresh", null);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
        assertThat(reason(client.get("/api/v1/nothing-here", null))).isEqualTo("NOT_FOUND");
        assertThat(client.get("/actuator/health", null).body()).contains("\"rotor\"").contains("\"UP\"");
    }
}
