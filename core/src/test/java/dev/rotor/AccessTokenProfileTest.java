package dev.rotor;

import static dev.rotor.Fixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.rotor.RotorException.Reason;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 9068 access tokens, and refresh tokens signed with a key of their own. */
class AccessTokenProfileTest {

    private static final JwtKey RSA =
            JwtKey.rs256("rs-1", (RSAPublicKey) Keys.RSA.getPublic(), (RSAPrivateKey) Keys.RSA.getPrivate());

    @Test
    void anAccessTokenCarriesEveryClaimOfTheProfile() {
        Fixture f = new Fixture(b -> b.audience("https://api.example").clientId("web-app"));
        TokenPair pair = f.tokens.issue(Login.of("alice").withScope("read write"));
        DecodedJWT access = JWT.decode(pair.accessToken());

        assertThat(access.getType()).isEqualTo("at+jwt");
        assertThat(access.getIssuer()).isEqualTo("https://auth.example");
        assertThat(access.getAudience()).containsExactly("https://api.example");
        assertThat(access.getSubject()).isEqualTo("alice");
        assertThat(access.getClaim("client_id").asString()).isEqualTo("web-app");
        assertThat(access.getClaim("scope").asString()).isEqualTo("read write");
        assertThat(access.getIssuedAt()).isNotNull();
        assertThat(access.getExpiresAt()).isNotNull();
        assertThat(access.getId()).isNotBlank();
        AccessClaims claims = f.tokens.verifyAccessToken(pair.accessToken());
        assertThat(claims.clientId()).isEqualTo("web-app");
        assertThat(claims.scope()).isEqualTo("read write");
    }

    @Test
    void aLoginsOwnClientIdAndScopeOutliveEveryRefresh() {
        Fixture f = new Fixture(b -> b.clientId("web-app"));
        TokenPair pair = f.tokens.issue(Login.of("alice")
                .withDevice("phone")
                .withClaims(Map.of("role", "admin"))
                .withClientId("mobile-app")
                .withScope("read"));
        TokenPair other = f.tokens.issue("bob");
        for (int i = 0; i < 3; i++) {
            pair = f.tokens.refresh(pair.refreshToken());
        }

        AccessClaims claims = f.tokens.verifyAccessToken(pair.accessToken());
        assertThat(claims.clientId()).isEqualTo("mobile-app");
        assertThat(claims.scope()).isEqualTo("read");
        assertThat(claims.claims()).containsEntry("role", "admin");
        assertThat(claims.deviceId()).isEqualTo("phone");
        AccessClaims bob = f.tokens.verifyAccessToken(
                f.tokens.refresh(other.refreshToken()).accessToken());
        assertThat(bob.clientId()).isEqualTo("web-app");
        assertThat(bob.scope()).isNull();
    }

    @Test
    void clientIdsAndScopesAreChecked() {
        Fixture f = new Fixture();
        for (String scope : new String[] {"", " read", "read ", "read  write", "a\"b", "a\\b", "caf\u00e9"}) {
            assertThatThrownBy(() -> f.tokens.issue(Login.of("alice").withScope(scope)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("scope");
        }
        assertThatThrownBy(
                        () -> f.tokens.issue(Login.of("alice").withScope("read").withClaims(Map.of("scope", "write"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.tokens.issue(Login.of("alice").withClientId("tab\there")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.tokens.issue("alice", null, Map.of("client_id", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> f.builder().clientId("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(f.store.sessions).isEmpty();
    }

    @Test
    void refreshTokensAreSignedWithAKeyOfTheirOwnThatNoAccessKeyVerifies() {
        Fixture f = new Fixture(b -> b.verificationKey(RSA));
        TokenPair pair = f.tokens.issue("alice");
        DecodedJWT refresh = JWT.decode(pair.refreshToken());

        assertThat(refresh.getType()).isEqualTo("rt+jwt");
        assertThat(refresh.getKeyId()).isEqualTo("rt-k1");
        assertThat(refresh.getAlgorithm()).isEqualTo("HS256");
        assertThatThrownBy(() ->
                        JWT.require(Algorithm.HMAC256(Keys.SECRET)).build().verify(pair.refreshToken()))
                .as("the access-token secret does not verify a refresh token")
                .isInstanceOf(com.auth0.jwt.exceptions.SignatureVerificationException.class);
        JWT.require(Algorithm.HMAC256(Keys.derivedRefreshSecret(Keys.SECRET)))
                .build()
                .verify(pair.refreshToken());
    }

    @Test
    void anExplicitRefreshKeyIsTheOnlyOneAndSurvivesAChangeOfSigningKey() {
        Fixture f = new Fixture(b -> b.refreshTokenKey(JwtKey.hs256("refresh-1", Keys.random(32))));
        JwtKey refreshKey = JwtKey.hs256("refresh-2", Keys.random(32));
        TokenService before = TokenService.builder()
                .signingKey(RSA)
                .refreshTokenKey(refreshKey)
                .store(f.store)
                .clock(f.clock)
                .issuer("https://auth.example")
                .build();
        TokenPair pair = before.issue("alice");

        assertThat(JWT.decode(pair.refreshToken()).getKeyId()).isEqualTo("refresh-2");
        assertRefused(() -> f.tokens.refresh(pair.refreshToken()), Reason.TOKEN_INVALID);
        TokenService afterSigningKeyChange = TokenService.builder()
                .signingKey(JwtKey.hs256("k9", Keys.random(32)))
                .refreshTokenKey(refreshKey)
                .store(f.store)
                .clock(f.clock)
                .issuer("https://auth.example")
                .build();
        assertThat(afterSigningKeyChange.refresh(pair.refreshToken()).sessionId())
                .isEqualTo(pair.sessionId());
    }

    @Test
    void aRefreshTokenOfTheEarlierFormatIsRefusedAndRevokesNothing() throws Exception {
        Fixture f = new Fixture();
        TokenPair pair = f.tokens.issue("alice");
        String payload = new String(
                        java.util.Base64.getUrlDecoder()
                                .decode(pair.refreshToken().split("\\.")[1]),
                        java.nio.charset.StandardCharsets.UTF_8)
                .replace(",\"aud\":\"https://auth.example/refresh\"", "");
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String signed = base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"rt+jwt\",\"kid\":\"k1\"}".getBytes()) + "."
                + base64.encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(Keys.SECRET, "HmacSHA256"));
        String legacy = signed + "." + base64.encodeToString(mac.doFinal(signed.getBytes()));

        assertThat(payload).doesNotContain("\"aud\"");
        assertRefused(() -> f.tokens.refresh(legacy), Reason.TOKEN_INVALID);
        assertRefused(() -> f.tokens.logout(legacy), Reason.TOKEN_INVALID);
        assertThat(f.store.rotations).isZero();
        assertThat(f.tokens.refresh(pair.refreshToken()).sessionId()).isEqualTo(pair.sessionId());
    }

    @Test
    void theRefreshKeyMustNotBeAnAccessKey() {
        Fixture f = new Fixture();
        JwtKey sameSecretOtherId = JwtKey.hs256("other-id", Keys.SECRET);

        assertThatThrownBy(() -> f.builder().refreshTokenKey(sameSecretOtherId).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refreshTokenKey");
        assertThatThrownBy(() ->
                        f.builder().verificationKey(RSA).refreshTokenKey(RSA).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refreshTokenKey");
        assertThatThrownBy(() -> f.builder().refreshTokenKey(JwtKey.rs256("pub", (RSAPublicKey) Keys.RSA.getPublic())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
