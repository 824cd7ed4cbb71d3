package dev.rotor.store.jdbc;

import dev.rotor.ReuseScope;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult;
import dev.rotor.spi.RotationResult.Outcome;
import dev.rotor.spi.RotationRules;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.SessionStore;
import dev.rotor.spi.StoreUnavailableException;
import dev.rotor.store.jdbc.SubjectRows.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link SessionStore} on PostgreSQL 14 or newer through plain JDBC on any {@link javax.sql.DataSource}: one
 * row per user in the table {@code rotor_subjects} of {@link #schema()}, holding that user's sessions (ids,
 * generations, times; never a token). Every call reads the row and writes it back with one {@code UPDATE}
 * conditional on the version it read, each statement a transaction of its own at the connection's isolation
 * (PostgreSQL's default, READ COMMITTED): a rotation is two statements, no lock is held between them, and a
 * write that lost to a concurrent one is decided again on the new row, so parallel refreshes of one user never
 * see a serialization failure or a deadlock. Rows whose last session has ended are deleted by a background
 * sweep (every minute by default) and by {@link #deleteExpired()}.
 *
 * <p>Create one with {@link #builder()}; {@link #close()} stops the sweep but leaves the data source open.
 */
public final class JdbcSessionStore implements SessionStore, AutoCloseable {

    private final Connections connections;
    private final ExpirySweep sweep;

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

    @Override
    public void create(SessionRecord session) {
        update("create", session.subject(), session.createdAt(), sessions -> {
            sessions.add(session);
            return null;
        });
    }

    @Override
    public RotationResult rotate(RotationRequest request) {
        return connections.run("rotate", connection -> {
            while (true) {
                Snapshot read = SubjectRows.read(connection, request.subject());
                SessionRecord current = find(read.sessions(), request.sessionId());
                RotationResult decided = RotationRules.decide(current, request);
                List<SessionRecord> next = new ArrayList<>(live(read.sessions(), request.now()));
                int revoked = 0;
                switch (decided.outcome()) {
                    case ROTATED, GRACE_REPLAY -> replace(next, decided.session());
                    case REUSE_DETECTED -> revoked = revokeForReuse(next, current, request);
                    default -> {
                        return decided;
                    }
                }
                if (revoked == 0 && decided.outcome() == Outcome.REUSE_DETECTED) {
                    return decided;
                }
                if (SubjectRows.write(connection, request.subject(), read, next)) {
                    return new RotationResult(decided.outcome(), decided.session(), revoked);
                }
            }
        });
    }

    @Override
    public Optional<SessionRecord> find(String subject, String sessionId, Instant now) {
        return connections.run("find", connection -> {
            SessionRecord session = find(SubjectRows.read(connection, subject).sessions(), sessionId);
            return Optional.ofNullable(session).filter(s -> s.isActive(now));
        });
    }

    @Override
    public List<SessionRecord> list(String subject, Instant now) {
        return connections.run("list", connection -> SubjectRows.read(connection, subject).sessions().stream()
                .filter(s -> s.isActive(now))
                .toList());
    }

    @Override
    public boolean revoke(String subject, String sessionId, Instant now) {
        return update("revoke", subject, now, sessions -> revokeWhere(sessions, sessionId, now)) == 1;
    }

    @Override
    public int revokeAll(String subject, Instant now) {
        return update("revokeAll", subject, now, sessions -> revokeWhere(sessions, null, now));
    }

    /**
     * Deletes every row whose last session has ended by now, as the background sweep does; for a caller who
     * turned the sweep off or wants it at once.
     *
     * @return how many rows (users) were deleted
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

    /** A change of a user's live sessions, in place; returns a count, or {@code null} for "always write". */
    private interface Change {
        Integer apply(List<SessionRecord> sessions);
    }

    /** Applies {@code change} by compare-and-set, again on a fresh read whenever another write came first. */
    private int update(String what, String subject, Instant now, Change change) {
        return connections.run(what, connection -> {
            while (true) {
                Snapshot read = SubjectRows.read(connection, subject);
                List<SessionRecord> next = new ArrayList<>(live(read.sessions(), now));
                Integer count = change.apply(next);
                if (count != null && count == 0) {
                    return 0;
                }
                if (SubjectRows.write(connection, subject, read, next)) {
                    return count == null ? 1 : count;
                }
            }
        });
    }

    private static int revokeForReuse(List<SessionRecord> sessions, SessionRecord reused, RotationRequest request) {
        if (reused.revoked()) {
            return 0;
        }
        String only = request.reuseScope() == ReuseScope.SESSION ? reused.sessionId() : null;
        return revokeWhere(sessions, only, request.now());
    }

    /** Marks the active session {@code sessionId} revoked, or every active one if it is {@code null}. */
    private static int revokeWhere(List<SessionRecord> sessions, String sessionId, Instant now) {
        int revoked = 0;
        for (int i = 0; i < sessions.size(); i++) {
            SessionRecord session = sessions.get(i);
            if ((sessionId == null || sessionId.equals(session.sessionId())) && session.isActive(now)) {
                sessions.set(i, session.markedRevoked());
                revoked++;
            }
        }
        return revoked;
    }

    private static void replace(List<SessionRecord> sessions, SessionRecord session) {
        sessions.removeIf(s -> s.sessionId().equals(session.sessionId()));
        sessions.add(session);
    }

    private static List<SessionRecord> live(List<SessionRecord> sessions, Instant now) {
        return sessions.stream().filter(s -> !s.isExpired(now)).toList();
    }

    private static SessionRecord find(List<SessionRecord> sessions, String sessionId) {
        for (SessionRecord session : sessions) {
            if (session.sessionId().equals(sessionId)) {
                return session;
            }
        }
        return null;
    }
}
