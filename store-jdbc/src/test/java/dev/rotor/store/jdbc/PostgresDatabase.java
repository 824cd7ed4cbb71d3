package dev.rotor.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rotor.testing.postgres.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A database of its own on a PostgreSQL server, with Rotor's schema, behind a small HikariCP pool. */
final class PostgresDatabase implements AutoCloseable {

    final String url;
    final HikariDataSource pool;

    private PostgresDatabase(String url, HikariDataSource pool) {
        this.url = url;
        this.pool = pool;
    }

    /** A fresh database on the server, with {@code schema.sql} run in it. */
    static PostgresDatabase on(PostgresServer server) {
        String url = server.createDatabase();
        HikariDataSource pool = pool(url, Connection.TRANSACTION_READ_COMMITTED);
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(JdbcSessionStore.schema());
        } catch (SQLException e) {
            pool.close();
            throw new IllegalStateException(e);
        }
        return new PostgresDatabase(url, pool);
    }

    /** Another pool on this database, whose connections run at the given isolation level. */
    HikariDataSource pool(int isolation) {
        return pool(url, isolation);
    }

    /** A pool of up to 16 connections that waits at most 2 s for one and starts even if the server is down. */
    static HikariDataSource pool(String url, int isolation) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(16);
        config.setConnectionTimeout(2_000);
        config.setInitializationFailTimeout(-1);
        config.setTransactionIsolation(
                isolation == Connection.TRANSACTION_READ_COMMITTED
                        ? "TRANSACTION_READ_COMMITTED"
                        : "TRANSACTION_REPEATABLE_READ");
        return new HikariDataSource(config);
    }

    /** Whether any row of either table exists for the subject, expired or not. */
    boolean holdsRowFor(String subject) {
        try (Connection connection = pool.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT (SELECT count(*) FROM rotor_subjects"
                        + " WHERE subject_digest = sha256(?)) + (SELECT count(*) FROM rotor_sessions"
                        + " WHERE subject_digest = sha256(?))")) {
            query.setBytes(1, subject.getBytes(StandardCharsets.UTF_8));
            query.setBytes(2, subject.getBytes(StandardCharsets.UTF_8));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of every table of the database, each column as text, bytea read byte by byte as Latin-1. */
    String dump() {
        StringBuilder all = new StringBuilder();
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
            while (tables.next()) {
                dumpTable(connection, tables.getString(1), all);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return all.toString();
    }

    private static void dumpTable(Connection connection, String table, StringBuilder all) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
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

    @Override
    public void close() {
        pool.close();
    }
}
