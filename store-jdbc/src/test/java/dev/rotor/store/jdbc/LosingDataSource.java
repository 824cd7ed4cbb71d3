package dev.rotor.store.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source in front of a real one that counts the statements run through it and, when told, lets the next
 * write (a {@code WITH ...} statement) run and commit and then fails as if the connection broke before its reply
 * arrived (SQLState 08006): the lost reply after commit.
 */
final class LosingDataSource implements DataSource {

    private final DataSource real;
    private final AtomicBoolean loseNext = new AtomicBoolean();
    private final AtomicInteger lost = new AtomicInteger();
    private final AtomicInteger statements = new AtomicInteger();

    LosingDataSource(DataSource real) {
        this.real = real;
    }

    void loseNextWriteReply() {
        loseNext.set(true);
    }

    int lostReplies() {
        return lost.get();
    }

    /** Statements executed so far, and commits or rollbacks sent explicitly. */
    int statements() {
        return statements.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = real.getConnection();
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    String name = method.getName();
                    if (name.equals("commit") || name.equals("rollback")) {
                        statements.incrementAndGet();
                    }
                    if (name.equals("prepareStatement")) {
                        return watched((PreparedStatement) result, ((String) args[0]).startsWith("WITH"));
                    }
                    return result;
                });
    }

    private PreparedStatement watched(PreparedStatement statement, boolean write) {
        return (PreparedStatement) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    Object result = invoke(statement, method, args);
                    if (method.getName().startsWith("execute")) {
                        statements.incrementAndGet();
                    }
                    if (write && method.getName().equals("executeQuery") && loseNext.compareAndSet(true, false)) {
                        lost.incrementAndGet();
                        throw new SQLException("reply lost (simulated)", "08006");
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
