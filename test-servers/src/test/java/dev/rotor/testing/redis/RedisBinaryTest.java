package dev.rotor.testing.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisBinaryTest {

    @TempDir
    Path dir;

    @Test
    void aRedisOlderThanSevenOnThePathIsPassedOverForTheBundledOne() throws IOException {
        Path old = fakeRedis("old", "Redis server v=6.0.16 sha=00000000:0 malloc=jemalloc-5.2.1 bits=64");
        Path recent = fakeRedis("recent", "Redis server v=7.2.4 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64");
        Path silent = fakeRedis("silent", "no version here");
        Path future = fakeRedis("future", "Redis server v=10.0.1 sha=00000000:0");

        assertThat(RedisBinary.onPath(old.toString())).isNull();
        assertThat(RedisBinary.onPath(silent.toString())).isNull();
        assertThat(RedisBinary.onPath(recent.toString())).isEqualTo(recent.resolve("redis-server"));
        assertThat(RedisBinary.onPath(dir.resolve("nothing-here").toString())).isNull();
        assertThat(RedisBinary.onPath(future.toString())).isEqualTo(future.resolve("redis-server"));
        assertThat(RedisBinary.onPath(dir.resolve("nothing-here") + File.pathSeparator + recent))
                .isEqualTo(recent.resolve("redis-server"));
    }

    @Test
    void aRedisThatHangsOnVersionIsGivenUpOnAfterTenSeconds() throws IOException {
        Path hanging = Files.createDirectories(dir.resolve("hanging"));
        Path script = hanging.resolve("redis-server");
        Files.writeString(script, "#!/bin/sh\nsleep 60\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

        long start = System.nanoTime();
        assertThat(RedisBinary.onPath(hanging.toString())).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    private Path fakeRedis(String name, String versionLine) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Path script = folder.resolve("redis-server");
        Files.writeString(script, "#!/bin/sh\necho '" + versionLine + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return folder;
    }
}
