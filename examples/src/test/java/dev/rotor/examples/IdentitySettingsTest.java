package dev.rotor.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The identity provider's settings, read from the environment. */
class IdentitySettingsTest {

    private static final String REFRESH_SECRET = "0123456789abcdefghijklmnopqrstuvwxyzABCD";

    @Test
    void theSettingsPrintNeitherThePrivateKeyNorTheRefreshSecret(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        String pem = IdentityProviderTest.pem(generator.generateKeyPair());
        Path keyFile = Files.writeString(dir.resolve("key.pem"), pem);
        Map<String, String> env = Map.of(
                "JWT_ALG",
                "ES256",
                "JWT_PRIVATE_KEY_FILE",
                keyFile.toString(),
                "REFRESH_TOKEN_SECRET",
                REFRESH_SECRET,
                "ISSUER",
                "https://auth.example.com");

        IdentitySettings identity = IdentitySettings.fromEnvironment(env);
        String body = pem.lines()
                .filter(line -> !line.startsWith("-----"))
                .findFirst()
                .orElseThrow();

        assertThat(identity.privateKeyPem()).isEqualTo(pem);
        assertThat(List.of(
                        identity.toString(), ServerSettings.fromEnvironment(env).toString()))
                .allSatisfy(text -> assertThat(text)
                        .doesNotContain(body)
                        .doesNotContain("PRIVATE KEY")
                        .doesNotContain(REFRESH_SECRET)
                        .contains("ES256", "https://auth.example.com", "(redacted)"));
    }

    @Test
    void shortSecretsAreRefusedWithJwtKeysRuleNamingTheVariable() {
        for (String variable : List.of("JWT_SECRET", "REFRESH_TOKEN_SECRET")) {
            assertThatThrownBy(
                            () -> ServerSettings.fromEnvironment(Map.of(variable, "31 bytes: one short of enough!!")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(variable + ": ")
                    .hasMessageContaining("256 bits (32 bytes)")
                    .hasMessageNotContaining("one short");
        }
    }

    @Test
    void anIssuerEndingInASlashIsRefusedAndNoneIsTrimmed() {
        assertThatThrownBy(() -> IdentitySettings.fromEnvironment(Map.of("ISSUER", "https://auth.example.com/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ISSUER must not end with /");
        assertThat(IdentitySettings.fromEnvironment(Map.of("ISSUER", "https://auth.example.com"))
                        .issuerUrl())
                .isEqualTo("https://auth.example.com");
    }

    @Test
    void aJwtSecretWithAnAsymmetricAlgorithmFailsTheStartInOneLine() {
        for (String algorithm : List.of("RS256", "ES256")) {
            assertThatThrownBy(() -> ServerSettings.fromEnvironment(
                            Map.of("JWT_ALG", algorithm, "JWT_SECRET", RunningServer.SECRET)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("JWT_SECRET is for JWT_ALG=HS256")
                    .hasMessageContaining("JWT_PRIVATE_KEY_FILE")
                    .hasMessageNotContaining(RunningServer.SECRET)
                    .hasMessageNotContaining("\n");
        }
    }
}
