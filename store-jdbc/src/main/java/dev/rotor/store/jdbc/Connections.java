package dev.rotor.store.jdbc;

import dev.rotor.spi.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs one store call on a connection of the {@link DataSource}, in auto-commit mode so that every statement is
 * a transaction of its own. A call whose connection fails is run again on a fresh connection, up to the
 * configured attempts: safe, since every call is a compare-and-set that re-reads first and a rotation resent
 * with its request id is answered as the first. While PostgreSQL is known to be down (the last call could not
 * reach it), a call makes one attempt only. The one-step rotation is sent once ({@link #runOnce}): Rotor itself
 * reads after a lost reply and answers as the reply would have. A failure left after the last attempt, or any
 * other database error, becomes {@link StoreUnavailableException} (Rotor logs it).
 */
final class Connections {

    private final DataSource dataSource;
    private final int attempts;
    private volatile boolean unreachable;

    Connections(DataSource dataSource, int attempts) {
        this.dataSource = dataSource;
        this.attempts = attempts;
    }

    /** A store call: statements on one connection. */
    interface Call<T> {
        T on(Connection connection) throws SQLException;
    }

    <T> T run(String what, Call<T> call) {
        return run(what, call, unreachable ? 1 : attempts);
    }

    /**
     * Runs a call that Rotor itself follows up, on one connection, never sent again: empty, having sent nothing,
     * if no connection can be had.
     *
     * @throws StoreUnavailableException if it failed once sent: it may or may not have been applied
     */
    <T> Optional<T> runOnce(String what, Call<Optional<T>> call) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            unreachable = isConnectionFailure(e);
            return Optional.empty();
        }
        try (connection) {
            return reached(connection, call);
        } catch (SQLException e) {
            throw new StoreUnavailableException(what + " failed: " + diagnosis(e), e);
        }
    }

    /** Whether the last call found PostgreSQL unreachable and no call has reached it since. */
    boolean unreachable() {
        return unreachable;
    }

    private <T> T run(String what, Call<T> call, int tries) {
        SQLException last = null;
        for (int attempt = 1; attempt <= tries; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                return reached(connection, call);
            } catch (SQLException e) {
                last = e;
                if (!isConnectionFailure(e)) {
                    break;
                }
            }
        }
        unreachable = isConnectionFailure(last);
        throw new StoreUnavailableException(what + " failed: " + diagnosis(last), last);
    }

    /** Runs {@code call} in auto-commit mode; PostgreSQL answered, so it is reachable. */
    private <T> T reached(Connection connection, Call<T> call) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
        T result = call.on(connection);
        unreachable = false;
        return result;
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
