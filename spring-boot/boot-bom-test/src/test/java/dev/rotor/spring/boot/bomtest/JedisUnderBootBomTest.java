package dev.rotor.spring.boot.bomtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.TokenService;
import dev.rotor.spring.boot.RotorAutoConfiguration;
import dev.rotor.spring.boot.RotorConfigurationException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Under Spring Boot's BOM the starter cannot manage Jedis: Boot's managed version wins over every transitive
 * one, the starter's included. So the starter fails at startup with one line that names jedis.version.
 */
class JedisUnderBootBomTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RotorAutoConfiguration.class))
            .withPropertyValues("rotor.signing-key.secret=a-test-secret-of-well-over-thirty-two-bytes-0123");

    @Test
    void bootsBomPutsJedisSevenZeroOnTheClassPath() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/maven/redis.clients/jedis/pom.properties")) {
            Properties pom = new Properties();
            pom.load(in);
            assertThat(pom.getProperty("version")).isEqualTo("7.0.0");
        }
    }

    @Test
    void theRedisStoreFailsStartupInOneLineNamingJedisVersion() {
        runner.withPropertyValues("rotor.store.type=redis").run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            while (cause != null && !(cause instanceof RotorConfigurationException)) {
                cause = cause.getCause();
            }
            assertThat(cause).isInstanceOf(RotorConfigurationException.class);
            RotorConfigurationException failure = (RotorConfigurationException) cause;
            assertThat(failure.property()).isEqualTo("jedis.version");
            assertThat(failure.getMessage())
                    .contains("found Jedis 7.0.0")
                    .contains("<jedis.version>7.5.3</jedis.version>")
                    .doesNotContain("\n");
        });
    }

    @Test
    void theMemoryStoreWorksUnderBootsBomAsItIs() {
        runner.withPropertyValues("rotor.store.type=memory").run(context -> {
            TokenService tokens = context.getBean(TokenService.class);
            assertThat(tokens.refresh(tokens.issue("alice").refreshToken()).accessToken()).isNotBlank();
        });
    }
}
