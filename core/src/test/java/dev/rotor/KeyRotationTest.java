package dev.rotor;

import static dev.rotor.Fixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import dev.rotor.RotorException.Reason;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Rotating the access-token and refresh-token keys the ways the builder's javadoc describes. */
class KeyRotationTest {

    private static final RSAPublicKey RSA_PUBLIC = (RSAPublicKey) Keys.RSA.getPublic();
    private static final RSAPrivateKey RSA_PRIVATE = (RSAPrivateKey) Keys.RSA.getPrivate();
    private static final ECPublicKey EC_PUBLIC = (ECPublicKey) Keys.EC.getPublic();
    private static final ECPrivateKey EC_PRIVATE = (ECPrivateKey) Keys.EC.getPrivate();

    private final Fixture f = new Fixture();

    private TokenService service(UnaryOperator<TokenServiceBuilder> settings) {
        return settings.apply(TokenService.builder().store(f.store).clock(f.clock))
                .build();
    }

    @Test
    void aRetiredKeyWithItsPrivatePartKeepsRefreshTokensOfTheDerivedDefaultValid() {
        JwtKey old = JwtKey.es256("2026-10", EC_PUBLIC, EC_PRIVATE);
        TokenPair pair = service(b -> b.signingKey(old)).issue("alice");
        TokenService after =
                service(b -> b.signingKey(JwtKey.hs256("2026-11", Keys.SECRET)).verificationKey(old));

        assertThat(after.refresh(pair.refreshToken()).sessionId()).isEqualTo(pair.sessionId());
        assertThat(ProfileWarnings.warnings(((DefaultTokenService) after).config()))
                .noneMatch(line -> line.contains("2026-10"));
    }

    @Test
    void aRetiredKeyGivenAsPublicOnlyEndsItsRefreshTokensAndTheBuildWarnsInOneLine() {
        TokenPair pair = service(b -> b.signingKey(JwtKey.rs256("2026-10", RSA_PUBLIC, RSA_PRIVATE)))
                .issue("alice");
        TokenService after = service(b -> b.signingKey(JwtKey.hs256("2026-11", Keys.SECRET))
                .verificationKey(JwtKey.rs256("2026-10", RSA_PUBLIC)));

        assertThat(after.verifyAccessToken(pair.accessToken()).subject()).isEqualTo("alice");
        assertRefused(() -> after.refresh(pair.refreshToken()), Reason.TOKEN_INVALID);
        assertThat(ProfileWarnings.warnings(((DefaultTokenService) after).config()))
                .filteredOn(line -> line.contains("2026-10"))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .doesNotContain("\n")
                        .contains("refreshTokenKey")
                        .contains("private key"));
    }

    @Test
    void anExplicitRefreshKeyRotatesWithTheRetiredOneAsRefreshTokenVerificationKey() {
        JwtKey signing = JwtKey.hs256("k1", Keys.SECRET);
        JwtKey first = JwtKey.hs256("refresh-1", Keys.random(32));
        JwtKey second = JwtKey.hs256("refresh-2", Keys.random(32));
        TokenPair pair =
                service(b -> b.signingKey(signing).refreshTokenKey(first)).issue("alice");
        TokenService rotated =
                service(b -> b.signingKey(signing).refreshTokenKey(second).refreshTokenVerificationKey(first));
        TokenService withoutRetired = service(b -> b.signingKey(signing).refreshTokenKey(second));

        assertRefused(() -> withoutRetired.refresh(pair.refreshToken()), Reason.TOKEN_INVALID);
        TokenPair next = rotated.refresh(pair.refreshToken());
        assertThat(next.sessionId()).isEqualTo(pair.sessionId());
        assertThat(JWT.decode(next.refreshToken()).getKeyId()).isEqualTo("refresh-2");
        assertThat(rotated.jwkSet()).doesNotContain("refresh-1");
    }

    @Test
    void aRetiredRefreshKeyNeverVerifiesAccessTokensAndIsNoAccessKey() {
        JwtKey signing = JwtKey.hs256("k1", Keys.SECRET);
        JwtKey first = JwtKey.hs256("refresh-1", Keys.random(32));
        TokenService rotated = service(b -> b.signingKey(signing)
                .refreshTokenKey(JwtKey.hs256("refresh-2", Keys.random(32)))
                .refreshTokenVerificationKey(first));
        TokenPair forged = service(b -> b.signingKey(first)).issue("mallory");

        assertRefused(() -> rotated.verifyAccessToken(forged.accessToken()), Reason.TOKEN_INVALID);
        assertThatThrownBy(() -> service(
                        b -> b.signingKey(signing).refreshTokenVerificationKey(JwtKey.hs256("other-id", Keys.SECRET))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refreshTokenVerificationKey");
    }
}
