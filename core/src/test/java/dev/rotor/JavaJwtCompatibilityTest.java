package dev.rotor;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every token Rotor mints is a standard JWT that plain java-jwt verifies: access tokens with the signing key,
 * refresh tokens with the HS256 key Rotor derives from its secret part.
 */
class JavaJwtCompatibilityTest {

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of(JwtKey.hs256("hs", Keys.SECRET), Algorithm.HMAC256(Keys.SECRET)),
                Arguments.of(
                        JwtKey.rs256("rs", (RSAPublicKey) Keys.RSA.getPublic(), (RSAPrivateKey) Keys.RSA.getPrivate()),
                        Algorithm.RSA256((RSAPublicKey) Keys.RSA.getPublic(), null)),
                Arguments.of(
                        JwtKey.es256("es", (ECPublicKey) Keys.EC.getPublic(), (ECPrivateKey) Keys.EC.getPrivate()),
                        Algorithm.ECDSA256((ECPublicKey) Keys.EC.getPublic(), null)));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void everyMintedTokenVerifiesWithPlainJavaJwt(JwtKey key, Algorithm reference) {
        Instant now = Instant.now();
        TokenService tokens = TokenService.builder()
                .signingKey(key)
                .store(new MapSessionStore())
                .issuer("https://auth.example")
                .audience("api")
                .build();
        TokenPair login = tokens.issue("alice", "phone", Map.of("role", "admin", "tags", List.of("a", "b")));
        TokenPair refreshed = tokens.refresh(login.refreshToken());

        for (TokenPair pair : List.of(login, refreshed)) {
            DecodedJWT access = JWT.require(reference)
                    .withIssuer("https://auth.example")
                    .withAudience("api")
                    .withSubject("alice")
                    .withClaim("sid", pair.sessionId())
                    .withClaim("role", "admin")
                    .build()
                    .verify(pair.accessToken());
            assertThat(access.getType()).isEqualTo("at+jwt");
            assertThat(access.getKeyId()).isEqualTo(key.keyId());
            assertThat(access.getAlgorithm()).isEqualTo(key.algorithm());
            assertThat(access.getClaim("tags").asList(String.class)).containsExactly("a", "b");
            assertThat(access.getExpiresAtAsInstant())
                    .isBetween(now.plus(Duration.ofMinutes(14)), now.plus(Duration.ofMinutes(16)));

            DecodedJWT refresh = JWT.require(Algorithm.HMAC256(Keys.derivedRefreshSecret(Keys.secretPart(key))))
                    .withIssuer("https://auth.example")
                    .withAudience("https://auth.example/refresh")
                    .withSubject("alice")
                    .withClaim("did", "phone")
                    .build()
                    .verify(pair.refreshToken());
            assertThat(refresh.getType()).isEqualTo("rt+jwt");
            assertThat(refresh.getClaim("gen").asLong()).isEqualTo(pair == login ? 0 : 1);
            assertThat(refresh.getExpiresAtAsInstant())
                    .isBetween(now.plus(Duration.ofDays(7)).minusSeconds(5), now.plus(Duration.ofDays(7)));
        }
    }
}
