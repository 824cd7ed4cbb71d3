package dev.rotor.store.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Configures a {@link JdbcSessionStore}. Each setter checks its argument at once and may be called only once.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>{@link #dataSource}</td><td>required; a pool (HikariCP, ...) with bounded timeouts</td></tr>
 *   <tr><td>{@link #attempts}</td><td>2</td></tr>
 *   <tr><td>{@link #expirySweep}</td><td>every minute</td></tr>
 *   <tr><td>{@link #clock}</td><td>system UTC, for the sweep only</td></tr>
 * </table>
 */
public final class JdbcSessionStoreBuilder {

    private DataSource dataSource;
    private Integer attempts;
    private Duration sweepInterval;
    private Clock clock;

    JdbcSessionStoreBuilder() {}

    /**
     * Where the tables {@code rotor_subjects} and {@code rotor_sessions} live. Use a connection pool, and bound its waits: the pool's
     * connection timeout and the driver's {@code connectTimeout} and {@code socketTimeout} decide how long a
     * refresh waits for an unreachable PostgreSQL before it fails {@code STORE_UNAVAILABLE}. The store leaves
     * the connections' isolation as it finds them (PostgreSQL's default, READ COMMITTED, is what it is made for)
     * and turns auto-commit on for its own statements.
     *
     * @param dataSource the data source; the store never closes it
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public JdbcSessionStoreBuilder dataSource(DataSource dataSource) {
        requireState(this.dataSource == null, "dataSource was already set");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        return this;
    }

    /**
     * How many times a call runs when its connection fails (a restarted PostgreSQL closes every pooled
     * connection): safe for every call, as each re-reads before it writes and a rotation run again with its
     * request id is answered as the first. Default 2.
     *
     * @param attempts 1 to 10
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException if already set
     */
    public JdbcSessionStoreBuilder attempts(int attempts) {
        requireState(this.attempts == null, "attempts was already set");
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("attempts must be 1 to 10, was " + attempts);
        }
        this.attempts = attempts;
        return this;
    }

    /**
     * How often the store deletes the rows of users whose every session has ended. {@link Duration#ZERO} turns
     * the background sweep off, for an application that calls {@link JdbcSessionStore#deleteExpired()} on a
     * schedule of its own (from one instance, say). Default 1 minute.
     *
     * @param interval zero, or 1 second to 1 day in whole milliseconds
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException if already set
     */
    public JdbcSessionStoreBuilder expirySweep(Duration interval) {
        requireState(this.sweepInterval == null, "expirySweep was already set");
        Objects.requireNonNull(interval, "interval");
        boolean inRange = interval.isZero()
                || (interval.compareTo(Duration.ofSeconds(1)) >= 0 && interval.compareTo(Duration.ofDays(1)) <= 0);
        if (!inRange || interval.toNanos() % 1_000_000 != 0) {
            throw new IllegalArgumentException("expirySweep must be zero or 1 s to 1 day in whole milliseconds");
        }
        this.sweepInterval = interval;
        return this;
    }

    /**
     * The clock the sweep judges expiry by; every other call judges by the time Rotor passes it.
     *
     * @param clock the clock
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public JdbcSessionStoreBuilder clock(Clock clock) {
        requireState(this.clock == null, "clock was already set");
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Builds the store and starts its sweep. The tables must exist: see {@link JdbcSessionStore#schema()}.
     *
     * @return the store
     * @throws IllegalStateException if no data source was set
     */
    public JdbcSessionStore build() {
        requireState(dataSource != null, "set dataSource(...) before build()");
        Connections connections = new Connections(dataSource, attempts == null ? 2 : attempts);
        ExpirySweep sweep = new ExpirySweep(
                connections,
                clock == null ? Clock.systemUTC() : clock,
                sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval);
        return new JdbcSessionStore(connections, sweep);
    }

    private static void requireState(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
