package dev.rotor.testing.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A real {@code redis-server} process on a free loopback port, without persistence ({@code --save ""},
 * {@code --appendonly no}), in a temp folder of its own. Stopped, killed or restarted through its own
 * process handle; {@link #close()} kills it and deletes its folder.
 */
public final class RedisServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final int port;
    private final Path dir;
    private final List<String> extraArgs;
    private final boolean sentinel;
    private Process process;

    private RedisServer(int port, Path dir, List<String> extraArgs, boolean sentinel) {
        this.port = port;
        this.dir = dir;
        this.extraArgs = extraArgs;
        this.sentinel = sentinel;
    }

    /**
     * Starts a standalone server.
     *
     * @return the running server
     */
    public static RedisServer start() {
        return start(List.of());
    }

    /**
     * Starts a server with extra {@code redis-server} arguments.
     *
     * @param extraArgs arguments such as {@code --cluster-enabled yes}
     * @return the running server
     */
    public static RedisServer start(List<String> extraArgs) {
        return start(extraArgs, false);
    }

    /**
     * Starts a Sentinel watching {@code master} under {@code masterName}, with quorum 1.
     *
     * @param masterName the name clients ask the sentinel for
     * @param master the master to watch
     * @return the running sentinel
     */
    public static RedisServer startSentinel(String masterName, RedisServer master) {
        return start(
                List.of(
                        "sentinel monitor " + masterName + " 127.0.0.1 " + master.port() + " 1",
                        "sentinel down-after-milliseconds " + masterName + " 1000"),
                true);
    }

    private static RedisServer start(List<String> extraArgs, boolean sentinel) {
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            RedisServer server = null;
            try {
                Path dir = Files.createTempDirectory("rotor-redis-");
                server = new RedisServer(freePortPair(), dir, extraArgs, sentinel);
                server.launch();
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (IllegalStateException e) {
                failure = e;
                if (server != null) {
                    server.close();
                }
            }
        }
        throw failure;
    }

    /**
     * The port it listens on, on 127.0.0.1.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * Where to connect.
     *
     * @return 127.0.0.1 and the port
     */
    public HostAndPort hostAndPort() {
        return new HostAndPort("127.0.0.1", port);
    }

    /**
     * A new plain connection for administrative commands; close it after use.
     *
     * @return the connection
     */
    public Jedis connect() {
        return new Jedis("127.0.0.1", port);
    }

    /** Kills the process at once, as a crash would (SIGKILL). */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitFor(process);
        }
    }

    /** Starts the server again on the same port, with an empty dataset (no persistence). */
    public void restart() {
        kill();
        launch();
    }

    /** Kills the server and deletes its folder. */
    @Override
    public void close() {
        kill();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>();
        try {
            command.add(RedisBinary.locate().toString());
            if (sentinel) {
                Path config = dir.resolve("sentinel.conf");
                Files.write(config, extraArgs);
                command.addAll(List.of(config.toString(), "--sentinel"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        command.addAll(List.of(
                "--port", Integer.toString(port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", dir.toString(),
                "--logfile", "redis.log"));
        if (!sentinel) {
            command.addAll(extraArgs);
        }
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server on port " + port + " exited: " + log());
            }
            try (Jedis jedis = connect()) {
                if ("PONG".equals(jedis.ping())) {
                    return;
                }
            } catch (RuntimeException notYet) {
                sleep(20);
            }
        }
        kill();
        throw new IllegalStateException("redis-server on port " + port + " did not start: " + log());
    }

    private String log() {
        try {
            return Files.exists(dir.resolve("redis.log")) ? Files.readString(dir.resolve("redis.log")) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable)";
        }
    }

    /** A port that is free, and whose cluster bus port (+10000) is free too. */
    private static int freePortPair() throws IOException {
        for (int i = 0; i < 100; i++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 45_000);
            if (isFree(port) && isFree(port + 10_000)) {
                return port;
            }
        }
        throw new IOException("no free port pair found");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void waitFor(Process process) {
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sleeps, turning an interrupt into an exception.
     *
     * @param millis how long
     */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
