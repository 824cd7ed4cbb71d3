package dev.rotor.store.jdbc;

import dev.rotor.spi.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

/**
 * Runs one store call on a connection of the {@link DataSource}, in auto-commit mode so that every statement is
 * a transaction of its own. A call whose connection fails is run again on a fresh connection, up to the
 * configured attempts: safe, since every call is a compare-and-set that re-reads first and a rotation resent
 * with its request id is answered as the first. A failure left after the last attempt, or any other database
 * error, becomes {@link StoreUnavailableException} (Rotor logs it).
 */
final class Connections {

    private final DataSource dataSource;
    private final int attempts;

    Connections(DataSource dataSource, int attempts) {
        this.dataSource = dataSource;
        this.attempts = attempts;
    }

    /** A store call: statements on one connection. */
    interface Call<T> {
        T on(Connection connection) throws SQLException;
    }

    <T> T run(String what, Call<T> call) {
        SQLException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.getAutoCommit()) {
                    connection.setAutoCommit(true);
                }
                return call.on(connection);
            } catch (SQLException e) {
                last = e;
                if (!isConnectionFailure(e)) {
                    break;
                }
            }
        }
        throw new StoreUnavailableException(what + " failed: " + diagnosis(last), last);
    }

    private static String diagnosis(SQLException e) {
        if (isConnectionFailure(e)) {
            return "PostgreSQL cannot be reached (SQLState " + e.getSQLState() + ")";
        }
        if ("42P01".equals(e.getSQLState())) {
            return "no table rotor_subjects or rotor_sessions; create them with dev/rotor/store/jdbc/schema.sql (JdbcSessionStore.schema())";
        }
        return "SQLState " + e.getSQLState();
    }

    /** A connection that broke, or none to be had: class 08, an administrator's shutdown, or the driver says so. */
    static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLRecoverableException
                || e instanceof SQLTransientConnectionException
                || (state != null && (state.startsWith("08") || state.startsWith("57P")));
    }
}
