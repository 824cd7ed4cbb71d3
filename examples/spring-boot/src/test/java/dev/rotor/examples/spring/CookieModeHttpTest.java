package dev.rotor.examples.spring;

import static dev.rotor.examples.spring.Client.json;
import static dev.rotor.examples.spring.Client.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample as an issuer for other services: RS256, an audience and a client id; with REFRESH_TOKEN_COOKIE=true
 * the refresh token lives in a __Host- cookie and needs the JSON Content-Type. A second, separate resource
 * server, Spring Security's stock {@link NimbusJwtDecoder} on the published JWK Set, accepts its access tokens and
 * refuses its refresh tokens.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "REFRESH_TOKEN_COOKIE=true",
            "JWT_ALG=RS256",
            "ISSUER=https://auth.example.com",
            "AUDIENCE=https://api.example.com",
            "CLIENT_ID=web"
        })
class CookieModeHttpTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void signingKey(DynamicPropertyRegistry registry) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
        Path file = Files.createTempFile("rotor-signing-key", ".pem");
        file.toFile().deleteOnExit();
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n");
        registry.add("rotor.signing-key.private-key", () -> file.toUri().toString());
    }

    @Test
    void aStockNimbusResourceServerAcceptsAccessTokensAndRefusesRefreshTokens() {
        Client client = new Client(port);
        HttpResponse<String> metadata = client.get("/.well-known/oauth-authorization-server", null);
        assertThat(json(metadata).path("issuer").asText()).isEqualTo("https://auth.example.com");
        String jwksUri = json(metadata).path("jwks_uri").asText();
        assertThat(jwksUri).isEqualTo("http://127.0.0.1:" + port + "/.well-known/jwks.json");

        NimbusJwtDecoder resourceServer = NimbusJwtDecoder.withJwkSetUri(jwksUri)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .validateType(false)
                .build();
        resourceServer.setJwtValidator(JwtValidators.createAtJwtValidator()
                .audience("https://api.example.com")
                .clientId("web")
                .issuer("https://auth.example.com")
                .build());

        HttpResponse<String> login = client.login("api-client");
        Jwt accepted = resourceServer.decode(Client.field(login, "access_token"));
        assertThat(accepted.getSubject()).isEqualTo("alice");
        assertThat(accepted.getClaimAsString("client_id")).isEqualTo("web");
        assertThat(accepted.getHeaders()).containsEntry("typ", "at+jwt");

        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        String refreshToken = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
        assertThatThrownBy(() -> resourceServer.decode(refreshToken)).isInstanceOf(JwtException.class);
        assertThat(client.get("/.well-known/jwks.json", null).body()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\"");
    }

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
