package dev.rotor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A KMS or HSM key, whose secret part cannot be read, signs as long as a refreshTokenKey is set. */
class NonExportableKeyTest {

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
    void aNonExportablePrivateKeyWorksWithARefreshKeyAndOtherwiseFailsTheBuildNamingIt() {
        SealedKeys.install();
        JwtKey rsa = JwtKey.rs256("hsm-rsa", RSA_PUBLIC, new SealedKeys.Rsa(RSA_PRIVATE));
        JwtKey ec = JwtKey.es256("hsm-ec", EC_PUBLIC, new SealedKeys.Ec(EC_PRIVATE));

        for (JwtKey sealed : new JwtKey[] {rsa, ec}) {
            TokenService tokens =
                    service(b -> b.signingKey(sealed).refreshTokenKey(JwtKey.hs256("refresh-1", Keys.random(32))));
            TokenPair pair = tokens.issue("alice");
            assertThat(tokens.verifyAccessToken(pair.accessToken()).subject()).isEqualTo("alice");
            assertThat(tokens.refresh(pair.refreshToken()).sessionId()).isEqualTo(pair.sessionId());

            assertThatThrownBy(() -> service(b -> b.signingKey(sealed)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("refreshTokenKey")
                    .hasMessageContaining(sealed.keyId())
                    .hasMessageNotContaining("\n");
        }
    }
}
