package dev.rotor.store.redis.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Finds a {@code redis-server} to run: the one on {@code PATH} when there is one, otherwise the static binary
 * shipped inside the {@code org.signal:embedded-redis} test dependency, copied once to the temp folder.
 */
final class RedisBinary {

    private static final String EMBEDDED_VERSION = "7.0.15";
    private static Path located;

    private RedisBinary() {}

    static synchronized Path locate() throws IOException {
        if (located == null) {
            located = onPath();
            if (located == null) {
                located = extracted();
            }
        }
        return located;
    }

    private static Path onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Path extracted() throws IOException {
        String name = "redis-server-" + EMBEDDED_VERSION + "-" + platform();
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "rotor-test-redis", name);
        if (Files.isExecutable(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), name, ".part");
        try (InputStream binary = RedisBinary.class.getResourceAsStream("/" + name)) {
            if (binary == null) {
                throw new IOException("no redis-server on PATH and no embedded " + name + " on the classpath");
            }
            Files.copy(binary, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!partial.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + partial + " executable");
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String cpu = arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64";
        return (os.contains("mac") ? "darwin-" : "linux-") + cpu;
    }
}
