package dev.rotor.examples;

import static dev.rotor.examples.RunningServer.json;
import static dev.rotor.examples.RunningServer.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example server as an identity provider: key publication, metadata, challenges, settings. */
class IdentityProviderTest {

    static final Map<String, String> PROVIDER = Map.of(
            "JWT_ALG", "ES256",
            "ISSUER", "https://auth.example.com",
            "AUDIENCE", "https://api.example.com",
            "CLIENT_ID", "example-web");

    @Test
    void anEs256ServerPublishesItsPublicKeyAndMetadataForCaching() {
        try (RunningServer server = new RunningServer(PROVIDER)) {
            HttpResponse<String> jwks = server.send(HttpRequest.newBuilder(server.uri("/.well-known/jwks.json")));
            assertThat(jwks.statusCode()).isEqualTo(200);
            assertThat(jwks.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(jwks.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
            JsonNode keys = json(jwks).get("keys");
            assertThat(keys).hasSize(1);
            assertThat(keys.get(0).get("kty").asText()).isEqualTo("EC");
            assertThat(keys.get(0).get("alg").asText()).isEqualTo("ES256");
            assertThat(keys.get(0).has("d")).isFalse();

            HttpResponse<String> metadata =
                    server.send(HttpRequest.newBuilder(server.uri("/.well-known/oauth-authorization-server")));
            assertThat(metadata.statusCode()).isEqualTo(200);
            assertThat(metadata.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
            assertThat(json(metadata).get("issuer").asText()).isEqualTo("https://auth.example.com");
            assertThat(json(metadata).get("jwks_uri").asText())
                    .isEqualTo("https://auth.example.com/.well-known/jwks.json");

            JsonNode login = server.login("laptop");
            String access = login.path("access_token").asText();
            String[] payload = new String(Base64.getUrlDecoder().decode(access.split("\\.")[1])).split(",");
            assertThat(String.join(",", payload))
                    .contains("\"iss\":\"https://auth.example.com\"")
                    .contains("\"aud\":\"https://api.example.com\"")
                    .contains("\"client_id\":\"example-web\"");
            String refresh = new String(Base64.getUrlDecoder()
                    .decode(login.path("refresh_token").asText().split("\\.")[1]));
            assertThat(refresh).contains("\"aud\":\"https://auth.example.com/api/v1/auth/refresh\"");
        }
    }

    @Test
    void anHs256ServerPublishesNoKeyAndItsMetadataPointsAtItself() {
        try (RunningServer server = new RunningServer(Map.of())) {
            HttpResponse<String> jwks = server.send(HttpRequest.newBuilder(server.uri("/.well-known/jwks.json")));
            assertThat(jwks.body()).isEqualTo("{\"keys\":[]}");
            JsonNode metadata =
                    json(server.send(HttpRequest.newBuilder(server.uri("/.well-known/oauth-authorization-server"))));
            assertThat(metadata.get("issuer").asText()).isEqualTo("rotor");
            assertThat(metadata.get("jwks_uri").asText())
                    .isEqualTo(server.uri("/.well-known/jwks.json").toString());
            assertThat(metadata.get("response_types_supported").isArray())
                    .as("RFC 8414 §2 requires it")
                    .isTrue();
            assertThat(metadata.get("response_types_supported"))
                    .as("no authorization endpoint")
                    .isEmpty();
        }
    }

    @Test
    void every401OfABearerEndpointCarriesAChallengeAndOthersDoNot() {
        try (RunningServer server = new RunningServer(Map.of())) {
            String refreshToken = server.login("laptop").path("refresh_token").asText();
            for (String path : List.of("/api/v1/me", "/api/v1/auth/sessions")) {
                for (String token : List.of("not-a-token", refreshToken)) {
                    HttpResponse<String> refused = server.get(path, token);
                    assertThat(refused.statusCode()).isEqualTo(401);
                    assertThat(refused.headers().firstValue("WWW-Authenticate"))
                            .hasValueSatisfying(challenge -> assertThat(challenge)
                                    .startsWith("Bearer error=\"invalid_token\", error_description=\"")
                                    .doesNotContain(refreshToken));
                }
                HttpResponse<String> missing = server.send(HttpRequest.newBuilder(server.uri(path)));
                assertThat(missing.statusCode()).isEqualTo(401);
                assertThat(missing.headers().firstValue("WWW-Authenticate")).isPresent();
            }
            HttpResponse<String> logoutAll = server.post("/api/v1/auth/logout-all", "");
            assertThat(logoutAll.headers().firstValue("WWW-Authenticate")).isPresent();
            HttpResponse<String> badRefresh = server.refresh("not-a-token");
            assertThat(badRefresh.statusCode()).isEqualTo(401);
            assertThat(badRefresh.headers().firstValue("WWW-Authenticate")).isEmpty();
        }
    }

    @Test
    void withTheLiveSessionCheckALogoutEndsTheAccessTokensAtOnce() {
        try (RunningServer server = new RunningServer(Map.of("LIVE_SESSION_CHECK_SECONDS", "0"))) {
            JsonNode login = server.login("laptop");
            String access = login.path("access_token").asText();
            assertThat(server.get("/api/v1/me", access).statusCode()).isEqualTo(200);

            server.postJson(
                    "/api/v1/auth/logout",
                    Map.of("refresh_token", login.path("refresh_token").asText()));

            HttpResponse<String> after = server.get("/api/v1/me", access);
            assertThat(after.statusCode()).isEqualTo(401);
            assertThat(reason(after)).isEqualTo("TOKEN_REVOKED");
            assertThat(after.headers().firstValue("WWW-Authenticate")).isPresent();
        }
    }

    @Test
    void anRs256KeyFromAPemFileIsTheOnePublished(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path file = dir.resolve("key.pem");
        Files.writeString(file, pem(pair));
        try (RunningServer server =
                new RunningServer(Map.of("JWT_ALG", "RS256", "JWT_PRIVATE_KEY_FILE", file.toString()))) {
            JsonNode key = json(server.send(HttpRequest.newBuilder(server.uri("/.well-known/jwks.json"))))
                    .get("keys")
                    .get(0);
            byte[] modulus = Base64.getUrlDecoder().decode(key.get("n").asText());
            assertThat(new java.math.BigInteger(1, modulus)).isEqualTo(((RSAPublicKey) pair.getPublic()).getModulus());
            assertThat(key.get("kid").asText()).hasSize(16);
        }
    }

    @Test
    void badIdentitySettingsNameTheVariable(@TempDir Path dir) throws Exception {
        Path notAKey = Files.writeString(dir.resolve("x.pem"), "hello");
        Map<Map<String, String>, String> bad = Map.of(
                Map.of("JWT_ALG", "HS512"), "JWT_ALG",
                Map.of(
                                "JWT_ALG",
                                "RS256",
                                "JWT_PRIVATE_KEY_FILE",
                                dir.resolve("missing.pem").toString()),
                        "JWT_PRIVATE_KEY_FILE",
                Map.of("JWT_PRIVATE_KEY_FILE", notAKey.toString()), "JWT_PRIVATE_KEY_FILE",
                Map.of("REFRESH_TOKEN_SECRET", "short"), "REFRESH_TOKEN_SECRET",
                Map.of("LIVE_SESSION_CHECK_SECONDS", "-1"), "LIVE_SESSION_CHECK_SECONDS");
        bad.forEach((env, variable) -> assertThatThrownBy(() -> ServerSettings.fromEnvironment(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(variable));
        Map<String, String> garbledKey = Map.of("JWT_ALG", "ES256", "JWT_PRIVATE_KEY_FILE", notAKey.toString());
        assertThatThrownBy(() -> new RunningServer(garbledKey).close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("JWT_PRIVATE_KEY_FILE");
    }

    static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
