package dev.rotor.testing.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a {@code redis-server} to run: the one on {@code PATH} when there is one of version 7.0 or newer (the
 * store's scripts use {@code PEXPIRE ... GT}), otherwise the static binary shipped inside the {@code
 * org.signal:embedded-redis} test dependency, copied once to the temp folder.
 */
final class RedisBinary {

    private static final String EMBEDDED_VERSION = "7.0.15";
    private static Path located;

    private RedisBinary() {}

    static synchronized Path locate() throws IOException {
        if (located == null) {
            located = onPath(System.getenv("PATH"));
            if (located == null) {
                located = extracted();
            }
        }
        return located;
    }

    /** The first {@code redis-server} of {@code path}, if it is 7.0 or newer; else {@code null}. */
    static Path onPath(String path) {
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return majorVersion(candidate) >= 7 ? candidate : null;
            }
        }
        return null;
    }

    /**
     * The major version {@code redis-server --version} reports, or -1 if it can't be told within 10 s. The
     * output goes to a file, so a binary that never closes its output can't make this wait forever.
     */
    private static int majorVersion(Path binary) {
        Process process = null;
        Path output = null;
        try {
            output = Files.createTempFile("redis-version", ".txt");
            process = new ProcessBuilder(binary.toString(), "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                return -1;
            }
            Matcher version = Pattern.compile("v=(\\d+)\\.").matcher(Files.readString(output));
            return version.find() ? Integer.parseInt(version.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            if (output != null) {
                output.toFile().delete();
            }
        }
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
                throw new IOException(
                        "no redis-server 7.0 or newer on PATH and no embedded " + name + " on the classpath");
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
