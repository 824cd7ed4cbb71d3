package dev.rotor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Keys from PKCS#8 PEM files, with the public half computed from the private one. */
class PemKeysTest {

    @Test
    void rsaAndP256KeysReadFromPemSignAndPublishTheirPublicHalf() {
        for (int i = 0; i < 5; i++) { // EC keys pick either square root: several keys cover both
            KeyPair ec = Keys.generateEc("secp256r1");
            JwtKey key = JwtKey.fromPem("ec", "ES256", pem(ec));
            assertThat(key.canSign()).isTrue();
            assertThat(key.publicKey()).hasValue(ec.getPublic());
        }
        JwtKey rsa = JwtKey.fromPem("rs", "RS256", "some text before\n" + pem(Keys.RSA) + "and after\n");
        assertThat(rsa.algorithm()).isEqualTo("RS256");
        assertThat(rsa.publicKey()).hasValue(Keys.RSA.getPublic());
        TokenService tokens = TokenService.builder()
                .signingKey(rsa)
                .store(new MapSessionStore())
                .build();
        assertThat(tokens.verifyAccessToken(tokens.issue("alice").accessToken()).subject())
                .isEqualTo("alice");
    }

    @Test
    void whatIsNoPkcs8KeyOfTheAlgorithmIsRefusedWithoutQuotingIt() {
        String rsaPem = pem(Keys.RSA);
        assertThatThrownBy(() -> JwtKey.fromPem("k", "ES256", rsaPem))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ES256");
        assertThatThrownBy(() -> JwtKey.fromPem("k", "RS256", pem(Keys.EC)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RS256");
        assertThatThrownBy(() -> JwtKey.fromPem("k", "HS256", rsaPem)).isInstanceOf(IllegalArgumentException.class);
        String pkcs1 = rsaPem.replace("PRIVATE KEY", "RSA PRIVATE KEY");
        assertThatThrownBy(() -> JwtKey.fromPem("k", "RS256", pkcs1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("openssl pkcs8 -topk8");
        String garbled = rsaPem.replace("M", "*");
        assertThatThrownBy(() -> JwtKey.fromPem("k", "RS256", garbled))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(rsaPem.substring(40, 60)));
        assertThatThrownBy(() -> JwtKey.fromPem("k", "ES256", pem(Keys.generateEc("secp384r1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P-256");
    }

    static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
