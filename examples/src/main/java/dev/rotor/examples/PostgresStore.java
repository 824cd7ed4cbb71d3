package dev.rotor.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rotor.spi.ForwardingSessionStore;
import dev.rotor.spi.SessionStore;
import dev.rotor.store.jdbc.JdbcSessionStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL store of {@code DATABASE_URL}: a {@link JdbcSessionStore} on a HikariCP pool of 16 connections
 * (the HTTP worker count), each wait bounded (2 s for a connection, 2 s to connect, 5 s per statement) so an
 * unreachable database answers {@code STORE_UNAVAILABLE} within seconds; closing it closes the pool too.
 */
final class PostgresStore extends ForwardingSessionStore implements AutoCloseable {

    private final HikariDataSource pool;
    private final JdbcSessionStore store;

    private PostgresStore(HikariDataSource pool, JdbcSessionStore store) {
        this.pool = pool;
        this.store = store;
    }

    /**
     * Connects, creates the tables if they are missing and builds the store.
     *
     * @throws IllegalStateException if PostgreSQL cannot be reached; the message never quotes the URL
     */
    static PostgresStore open(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("rotor-postgres");
        config.setMaximumPoolSize(16);
        config.setConnectionTimeout(2_000);
        config.addDataSourceProperty("connectTimeout", "2");
        config.addDataSourceProperty("socketTimeout", "5");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) { // Hikari's message may quote the URL, which may hold a password
            throw new IllegalStateException("cannot connect to DATABASE_URL: " + rootCause(e));
        }
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(JdbcSessionStore.schema());
        } catch (SQLException e) {
            pool.close();
            throw new IllegalStateException(
                    "cannot create Rotor's tables in DATABASE_URL: SQLState " + e.getSQLState());
        }
        return new PostgresStore(
                pool, JdbcSessionStore.builder().dataSource(pool).build());
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof SQLException sql
                ? "SQLState " + sql.getSQLState()
                : cause.getClass().getSimpleName();
    }

    /** The JDBC store on the pool. */
    @Override
    protected SessionStore delegate() {
        return store;
    }

    @Override
    public void close() {
        store.close();
        pool.close();
    }
}
