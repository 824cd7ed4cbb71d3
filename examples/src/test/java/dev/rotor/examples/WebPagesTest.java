package dev.rotor.examples;

import static dev.rotor.examples.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo page and the browser module served from the jar, and the session-revoke endpoint the page uses. */
class WebPagesTest {

    @Test
    void servesTheDemoPageAndTheModuleFromTheBuild() throws IOException {
        try (RunningServer server = new RunningServer(Map.of())) {
            HttpResponse<String> page = server.send(HttpRequest.newBuilder(server.uri("/")));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .get()
                    .asString()
                    .contains("default-src 'self'", "frame-ancestors 'none'");
            assertThat(page.body()).contains("<script type=\"module\" src=\"/demo.js\"></script>");

            HttpResponse<String> module = server.send(HttpRequest.newBuilder(server.uri("/rotor-browser.js")));
            assertThat(module.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
            assertThat(module.body())
                    .as("the one copy, from clients/browser")
                    .isEqualTo(Files.readString(Path.of("../clients/browser/rotor-browser.js")));

            HttpResponse<String> post = server.post("/", "{}");
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
            assertThat(server.send(HttpRequest.newBuilder(server.uri("/index.html")))
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void aUserRevokesOneOfTheirSessionsByItsId() {
        try (RunningServer server = new RunningServer(Map.of())) {
            String access = server.login("laptop").path("access_token").asText();
            String phone = server.login("phone").path("refresh_token").asText();
            String phoneSession = null;
            for (var session : json(server.get("/api/v1/auth/sessions", access)).path("sessions")) {
                if (session.path("device_id").asText().equals("phone")) {
                    phoneSession = session.path("session_id").asText();
                }
            }

            HttpResponse<String> revoked = revoke(server, access, phoneSession);

            assertThat(revoked.statusCode()).isEqualTo(204);
            assertThat(RunningServer.reason(server.refresh(phone))).isEqualTo("TOKEN_REVOKED");
            assertThat(RunningServer.reason(revoke(server, access, phoneSession)))
                    .isEqualTo("SESSION_NOT_FOUND");
            assertThat(RunningServer.reason(revoke(server, "not-a-token", phoneSession)))
                    .isEqualTo("TOKEN_INVALID");
            assertThat(json(server.get("/api/v1/me", access)).path("device_id").asText())
                    .as("the caller's own session lives on")
                    .isEqualTo("laptop");
        }
    }

    private static HttpResponse<String> revoke(RunningServer server, String access, String sessionId) {
        return server.send(HttpRequest.newBuilder(server.uri("/api/v1/auth/sessions/revoke"))
                .header("Authorization", "Bearer " + access)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"session_id\":\"" + sessionId + "\"}")));
    }
}
