package dev.rotor.testing.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL 14 server on a free loopback port, with its own data folder in the temp folder, made with
 * {@code initdb} and run with {@code pg_ctl} from {@link PostgresBinaries}; or, when {@value #URL_VARIABLE} names
 * one, an existing server that {@link #shared()} uses instead.
 *
 * <p>As root, every PostgreSQL program runs as {@code nobody:nogroup} through {@code setpriv} and the folder
 * belongs to that user (PostgreSQL refuses to run as root); as any other user it runs as that user. The
 * superuser is {@code postgres}, trusted without a password, and only 127.0.0.1 is listened on.
 *
 * <p>It runs with {@code fsync} and {@code full_page_writes} off: tests and benchmarks measure round trips and
 * statements, not disk flushes. A {@linkplain #stop() stop} or {@linkplain #kill() crash} of the server process
 * loses no committed transaction all the same: each commit still writes its log to the operating system
 * ({@code synchronous_commit} stays on), which keeps the pages when the process dies.
 */
public final class PostgresServer implements AutoCloseable {

    /** An environment variable holding a JDBC URL (with user and password) of a server to use instead. */
    public static final String URL_VARIABLE = "ROTOR_TEST_POSTGRES_URL";

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");
    private static PostgresServer shared;

    private final String adminUrl;
    private final PgCommand pg;
    private final Path folder;
    private final int port;
    private volatile boolean running;

    private PostgresServer(String adminUrl, PgCommand pg, Path folder, int port) {
        this.adminUrl = adminUrl;
        this.pg = pg;
        this.folder = folder;
        this.port = port;
    }

    /**
     * Starts a server of its own, which {@link #stop()}, {@link #kill()} and {@link #startAgain()} act on.
     *
     * @return the running server
     * @throws IllegalStateException if it cannot be started (the message holds PostgreSQL's output)
     */
    public static PostgresServer start() {
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            PostgresServer server = null;
            try {
                server = created(freePort());
                server.startAgain();
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-postgres"));
                return server;
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
     * The one server of this JVM for tests that don't stop it: the one {@value #URL_VARIABLE} names if set,
     * else one {@linkplain #start() started} on first use and stopped when the JVM exits.
     *
     * @return the shared server
     * @throws IllegalStateException if it cannot be started
     */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            String url = System.getenv(URL_VARIABLE);
            shared = url == null || url.isBlank() ? start() : new PostgresServer(url.strip(), null, null, -1);
        }
        return shared;
    }

    /**
     * The JDBC URL of the server's {@code postgres} database, with the user in it.
     *
     * @return the URL
     */
    public String jdbcUrl() {
        return adminUrl;
    }

    /**
     * Creates an empty database of a random name, so a test class has tables of its own on a shared server.
     *
     * @return the JDBC URL of the new database
     * @throws IllegalStateException if the server cannot be reached
     */
    public String createDatabase() {
        String name = "rotor_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(adminUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a database on " + describe() + ": " + e.getMessage(), e);
        }
        Matcher url = URL.matcher(adminUrl);
        if (!url.matches()) {
            throw new IllegalStateException(URL_VARIABLE + " must look like jdbc:postgresql://host:port/db?user=...");
        }
        return url.group(1) + name + (url.group(3) == null ? "" : url.group(3));
    }

    /**
     * The port it listens on, on 127.0.0.1.
     *
     * @return the port, or -1 for a server named by {@value #URL_VARIABLE}
     */
    public int port() {
        return port;
    }

    /**
     * Stops the server as an administrator would ({@code pg_ctl stop -m fast}): open connections are closed.
     *
     * @throws UnsupportedOperationException for a server this process did not start
     */
    public void stop() {
        stopWith("fast");
    }

    /**
     * Stops the server as a crash would ({@code pg_ctl stop -m immediate}): no shutdown checkpoint, and the
     * next start recovers from the write-ahead log.
     *
     * @throws UnsupportedOperationException for a server this process did not start
     */
    public void kill() {
        stopWith("immediate");
    }

    /**
     * Starts the stopped server again, on the same port with the same data.
     *
     * @throws UnsupportedOperationException for a server this process did not start
     * @throws IllegalStateException if it does not start
     */
    public synchronized void startAgain() {
        requireOwn();
        String options = "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c max_connections=200"
                + " -c shared_buffers=32MB -c fsync=off -c full_page_writes=off";
        pg.run("pg_ctl", List.of("-D", "data", "-l", "postgres.log", "-w", "-t", "60", "-o", options, "start"));
        running = true;
    }

    /** Stops a server this process started and deletes its folder; leaves any other server alone. */
    @Override
    public synchronized void close() {
        if (pg == null) {
            return;
        }
        try {
            if (running) {
                kill();
            }
        } catch (RuntimeException e) {
            // already gone
        }
        Folders.delete(folder);
    }

    @Override
    public String toString() {
        return describe();
    }

    private synchronized void stopWith(String mode) {
        requireOwn();
        pg.run("pg_ctl", List.of("-D", "data", "-m", mode, "-w", "-t", "60", "stop"));
        running = false;
    }

    private void requireOwn() {
        if (pg == null) {
            throw new UnsupportedOperationException("the server named by " + URL_VARIABLE + " is not ours to stop");
        }
    }

    private String describe() {
        return pg == null ? "the server named by " + URL_VARIABLE : "PostgreSQL on 127.0.0.1:" + port;
    }

    private static PostgresServer created(int port) {
        try {
            Path binaries = PostgresBinaries.home();
            Path folder = Files.createTempDirectory("rotor-pg-");
            boolean root = ((Integer) Files.getAttribute(folder, "unix:uid")) == 0;
            if (root) {
                Folders.chown(folder, "nobody", "nogroup");
            }
            PgCommand pg = new PgCommand(binaries, folder, root);
            pg.run(
                    "initdb",
                    List.of("-D", "data", "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"));
            return new PostgresServer(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres", pg, folder, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
