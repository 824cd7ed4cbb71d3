package dev.rotor.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.store.redis.RedisSessionStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Each bad setting fails startup with one line naming the property and the fix, never the secret. */
class BadConfigurationTest {

    private static final String SHORT_SECRET = "too-short-but-secret-SENTINEL";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RotorAutoConfiguration.class))
            .withPropertyValues("rotor.store.type=memory");

    @Test
    void noSigningKey() {
        assertFailure(runner, "rotor.signing-key.secret", "no signing key is configured");
    }

    @Test
    void aShortSecretIsNamedButNotShown() {
        RotorConfigurationException failure = assertFailure(
                runner.withPropertyValues("rotor.signing-key.secret=" + SHORT_SECRET),
                "rotor.signing-key.secret",
                "needs at least 256 bits");
        assertThat(failure.getMessage()).doesNotContain(SHORT_SECRET);
        FailureAnalysis analysis = new RotorFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription() + analysis.getAction())
                .contains("rotor.signing-key.secret")
                .doesNotContain(SHORT_SECRET);
    }

    @Test
    void outOfRangeSettings() {
        ApplicationContextRunner keyed =
                runner.withPropertyValues("rotor.signing-key.secret=" + RotorAutoConfigurationTest.SECRET);
        assertFailure(
                keyed.withPropertyValues("rotor.access-token-ttl=1500ms"), "rotor.access-token-ttl", "whole seconds");
        assertFailure(keyed.withPropertyValues("rotor.leeway=1h"), "rotor.leeway", "leeway");
        assertFailure(keyed.withPropertyValues("rotor.max-token-length=10"), "rotor.max-token-length", "512");
        assertFailure(
                keyed.withPropertyValues("rotor.max-sessions-per-user=0"),
                "rotor.max-sessions-per-user",
                "1 to 100,000");
        assertFailure(
                keyed.withPropertyValues("rotor.reuse-grace-period=5s", "rotor.reuse-grace-max-replays=0"),
                "rotor.reuse-grace-period",
                "maxReplays");
        assertFailure(
                keyed.withPropertyValues("rotor.store.type=redis", "rotor.store.redis.key-prefix={x}"),
                "rotor.store.redis.key-prefix",
                "braces");
        assertFailure(
                keyed.withPropertyValues("rotor.store.type=redis", "rotor.store.redis.cluster-nodes=user:pw@host:1"),
                "rotor.store.redis.cluster-nodes",
                "host:port");
    }

    @Test
    void rsaWithoutKeyFiles() {
        assertFailure(
                runner.withPropertyValues("rotor.signing-key.algorithm=rs256"),
                "rotor.signing-key.private-key",
                "missing for RS256");
        assertFailure(
                runner.withPropertyValues(
                        "rotor.signing-key.algorithm=es256", "rotor.signing-key.private-key=classpath:no-such.pem"),
                "rotor.signing-key.private-key",
                "cannot be read");
        assertFailure(
                runner.withPropertyValues(
                        "rotor.signing-key.secret=" + RotorAutoConfigurationTest.SECRET,
                        "rotor.verification-keys[0].key-id=old",
                        "rotor.verification-keys[0].algorithm=rs256"),
                "rotor.verification-keys[0].public-key",
                "missing for RS256");
    }

    @Test
    void aPrivateKeyFileThatIsNoKeyIsNamedButNotQuoted() {
        RotorConfigurationException failure = assertFailure(
                runner.withPropertyValues(
                        "rotor.signing-key.algorithm=rs256", "rotor.signing-key.private-key=classpath:not-a-key.pem"),
                "rotor.signing-key.private-key",
                "PKCS#8");
        assertThat(failure.getMessage()).doesNotContain("SENTINEL-KEY-MATERIAL");
    }

    @Test
    void aStoreWhoseModuleIsMissing() {
        assertFailure(
                runner.withClassLoader(new FilteredClassLoader(RedisSessionStore.class))
                        .withPropertyValues(
                                "rotor.signing-key.secret=" + RotorAutoConfigurationTest.SECRET,
                                "rotor.store.type=redis"),
                "rotor.store.type",
                "rotor-store-redis is not on the classpath");
    }

    @Test
    void jdbcWithoutADataSource() {
        assertFailure(
                runner.withPropertyValues(
                        "rotor.signing-key.secret=" + RotorAutoConfigurationTest.SECRET, "rotor.store.type=jdbc"),
                "rotor.store.type",
                "no single DataSource");
    }

    @Test
    void aRedisUrlWithAPasswordIsNeverQuoted() {
        RotorConfigurationException failure = assertFailure(
                runner.withPropertyValues(
                        "rotor.signing-key.secret=" + RotorAutoConfigurationTest.SECRET,
                        "rotor.store.type=redis",
                        "rotor.store.redis.url=redis://user:SENTINEL-PASSWORD@localhost:6379/3"),
                "rotor.store.redis.url",
                "database or options");
        assertThat(failure.getMessage()).doesNotContain("SENTINEL-PASSWORD");
    }

    @Test
    void springBootThreeIsRefusedInOneLine() {
        try {
            BootVersion.require("3.5.7");
            throw new AssertionError("Boot 3 was accepted");
        } catch (RotorConfigurationException e) {
            assertThat(e.getMessage())
                    .isEqualTo("spring-boot.version: rotor-spring-boot-starter needs Spring Boot 4.0 or newer, this"
                            + " application runs Spring Boot 3.5.7; upgrade to Spring Boot 4");
        }
        BootVersion.require("4.0.7");
        BootVersion.require("4.1.2");
    }

    private static RotorConfigurationException assertFailure(
            ApplicationContextRunner runner, String property, String problem) {
        RotorConfigurationException[] found = new RotorConfigurationException[1];
        runner.run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            while (cause != null && !(cause instanceof RotorConfigurationException)) {
                cause = cause.getCause();
            }
            assertThat(cause).as("a RotorConfigurationException").isNotNull();
            found[0] = (RotorConfigurationException) cause;
        });
        assertThat(found[0].property()).isEqualTo(property);
        assertThat(found[0].getMessage())
                .startsWith(property + ": ")
                .contains(problem)
                .doesNotContain("\n");
        return found[0];
    }
}
