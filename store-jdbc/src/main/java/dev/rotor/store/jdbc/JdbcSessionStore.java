package dev.rotor.store.jdbc;

import dev.rotor.spi.CompareAndSetSessionStore;
import dev.rotor.spi.ForwardingSessionStore;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.SessionStore;
import dev.rotor.spi.SessionsUpdate;
import dev.rotor.spi.StoreUnavailableException;
import dev.rotor.spi.VersionedSessionStore;
import dev.rotor.spi.VersionedSessions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@link SessionStore} on PostgreSQL 14 or newer through plain JDBC on any {@link javax.sql.DataSource}, in
 * the tables of {@link #schema()}: a row per user with a version, a row per session (ids, generations, times;
 * never a token). A compare-and-set store: Rotor's {@link CompareAndSetSessionStore} runs every rule, and this
 * class only reads a user's sessions with the version in one {@code SELECT} and writes a change in one
 * statement that applies only {@code WHERE version = ?}. A refresh of a session at its current generation is
 * one statement of its own, which rotates only {@code WHERE} the session is at that generation and live; any
 * other refresh (a retry, a grace replay, a reuse, an unknown or expired token) falls back to the read, and to
 * the write if it changes anything. Each statement is a transaction of its own at the connection's isolation
 * (PostgreSQL's default, READ COMMITTED): no lock is held between statements, a write that lost to a concurrent
 * one is decided again on a fresh read, and every write locks the user's row before its sessions' (the sweep
 * skips rows that are locked), so parallel refreshes of one user never see a serialization failure or a
 * deadlock. Expired sessions and users are deleted by a background sweep (every minute by default) and by
 * {@link #deleteExpired()}.
 *
 * <p>Create one with {@link #builder()}; {@link #close()} stops the sweep but leaves the data source open.
 */
public final class JdbcSessionStore extends ForwardingSessionStore implements AutoCloseable {

    private final Connections connections;
    private final ExpirySweep sweep;
    private final SessionStore rules = CompareAndSetSessionStore.over(new Versioned());

    JdbcSessionStore(Connections connections, ExpirySweep sweep) {
        this.connections = connections;
        this.sweep = sweep;
    }

    /**
     * Starts configuring a store.
     *
     * @return a new builder
     */
    public static JdbcSessionStoreBuilder builder() {
        return new JdbcSessionStoreBuilder();
    }

    /**
     * The schema the store needs, as shipped in the jar at {@code dev/rotor/store/jdbc/schema.sql}: {@code CREATE
     * ... IF NOT EXISTS} statements, safe to run again, to run yourself or copy into a migration tool.
     *
     * @return the SQL text
     * @throws UncheckedIOException if the jar cannot be read
     */
    public static String schema() {
        try (InputStream sql = JdbcSessionStore.class.getResourceAsStream("schema.sql")) {
            if (sql == null) {
                throw new IOException("schema.sql missing from the rotor-store-jdbc jar");
            }
            return new String(sql.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rotor's rules over the tables. */
    @Override
    protected SessionStore delegate() {
        return rules;
    }

    /**
     * Deletes every expired session, and every user whose last session has ended, as the background sweep
     * does; for a caller who turned the sweep off or wants it at once.
     *
     * @return how many users' rows were deleted
     * @throws StoreUnavailableException if PostgreSQL cannot be reached
     */
    public int deleteExpired() {
        return sweep.runNow();
    }

    /** Stops the background sweep. The data source stays open: it is the caller's. */
    @Override
    public void close() {
        sweep.close();
    }

    /** The compare-and-set primitive under the rules. */
    VersionedSessionStore versioned() {
        return new Versioned();
    }

    /** The tables as a compare-and-set store. */
    private final class Versioned implements VersionedSessionStore {
        @Override
        public VersionedSessions read(String subject, String sessionId, Instant now) {
            return connections.run("read", connection -> Reads.one(connection, subject, sessionId, now));
        }

        @Override
        public VersionedSessions readAll(String subject, Instant now) {
            return connections.run("readAll", connection -> Reads.all(connection, subject, now));
        }

        @Override
        public boolean write(SessionsUpdate update) {
            return connections.run("write", connection -> Writes.apply(connection, update));
        }

        /** Empty, having sent nothing, while PostgreSQL is known to be down: the read that follows fails alone. */
        @Override
        public Optional<SessionRecord> rotateIfCurrent(RotationRequest request, Instant expiresAt) {
            if (connections.unreachable()) {
                return Optional.empty();
            }
            return connections.runOnce("rotate", connection -> OneStepRotation.apply(connection, request, expiresAt));
        }
    }
}
