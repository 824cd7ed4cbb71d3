package dev.rotor.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.testing.redis.RedisServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JVM whose main returns after using a Redis store exits promptly: Rotor and the store start no thread that
 * keeps it alive, whether the store is closed the README's way or left open.
 */
class RedisLifecycleTest {

    /** A JVM that starts, talks to Redis and returns needs a few seconds here; a kept-alive one never ends. */
    private static final long EXIT_WITHIN_SECONDS = 30;

    private static final RedisServer REDIS = RedisServer.start();

    @TempDir
    Path work;

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"close", "leave"})
    void aMainThatReturnsEndsItsJvm(String store) throws IOException, InterruptedException {
        Path output = work.resolve("output.txt");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        RedisMainReturns.class.getName(),
                        String.valueOf(REDIS.port()),
                        store)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();

        boolean exited = child.waitFor(EXIT_WITHIN_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly().waitFor();
        }

        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(exited)
                .as("the JVM still runs %d s after main began:%n%s", EXIT_WITHIN_SECONDS, printed)
                .isTrue();
        assertThat(child.exitValue()).as(printed).isZero();
        assertThat(printed).contains("main returns");
    }
}
