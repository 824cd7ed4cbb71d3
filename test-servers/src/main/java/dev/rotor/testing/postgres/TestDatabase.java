package dev.rotor.testing.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A database of its own on a {@link PostgresServer}, with a schema run in it, behind a HikariCP pool of up to 16
 * connections that waits at most 2 s for one and starts even while the server is down. {@link #close()} closes
 * the pool; the database stays until its server goes.
 */
public final class TestDatabase implements AutoCloseable {

    private final String url;
    private final HikariDataSource pool;

    private TestDatabase(String url, HikariDataSource pool) {
        this.url = url;
        this.pool = pool;
    }

    /**
     * Creates a database on the server and runs {@code schema} in it.
     *
     * @param server the server
     * @param schema SQL statements, such as a store's {@code schema.sql}
     * @return the database
     * @throws IllegalStateException if the server cannot be reached or the schema fails
     */
    public static TestDatabase create(PostgresServer server, String schema) {
        String url = server.createDatabase();
        HikariDataSource pool = pool(url, "TRANSACTION_READ_COMMITTED");
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(schema);
        } catch (SQLException e) {
            pool.close();
            throw new IllegalStateException("cannot run the schema: " + e.getMessage(), e);
        }
        return new TestDatabase(url, pool);
    }

    /**
     * A pool like this database's on any URL, at a given isolation level.
     *
     * @param url the JDBC URL
     * @param isolation a HikariCP isolation name, such as {@code TRANSACTION_REPEATABLE_READ}
     * @return the pool; close it after use
     */
    public static HikariDataSource pool(String url, String isolation) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(16);
        config.setConnectionTimeout(2_000);
        config.setInitializationFailTimeout(-1);
        config.setTransactionIsolation(isolation);
        return new HikariDataSource(config);
    }

    /**
     * The database's JDBC URL, with the user in it.
     *
     * @return the URL
     */
    public String url() {
        return url;
    }

    /**
     * The database's pool.
     *
     * @return the pool, open until {@link #close()}
     */
    public HikariDataSource dataSource() {
        return pool;
    }

    /**
     * Every row of every table of the {@code public} schema as text, one line per row, {@code bytea} read byte by
     * byte as Latin-1 so that any text in it shows: what at-rest checks search for token fragments.
     *
     * @return the whole content
     * @throws IllegalStateException if the server cannot be reached
     */
    public String contents() {
        StringBuilder all = new StringBuilder();
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
            while (tables.next()) {
                appendRows(connection, tables.getString(1), all);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database: " + e.getMessage(), e);
        }
        return all.toString();
    }

    private static void appendRows(Connection connection, String table, StringBuilder all) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                all.append(table);
                for (int c = 1; c <= columns; c++) {
                    Object value = rows.getObject(c);
                    all.append(' ')
                            .append(
                                    value instanceof byte[] bytes
                                            ? new String(bytes, StandardCharsets.ISO_8859_1)
                                            : String.valueOf(value));
                }
                all.append('\n');
            }
        }
    }

    /**
     * Waits until the pool hands out a working connection again, as after the server was restarted: HikariCP
     * retries a lost server with a backoff of up to 5 s, so the first calls after a restart may still fail.
     *
     * @param timeout how long to wait at most
     * @throws IllegalStateException if the database does not answer within the timeout
     */
    public void awaitAnswering(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection connection = pool.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
                return;
            } catch (SQLException e) {
                last = e;
            }
        }
        throw new IllegalStateException("the database did not answer within " + timeout, last);
    }

    /** Closes the pool. */
    @Override
    public void close() {
        pool.close();
    }
}
