package dev.rotor.store.jdbc;

import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.SessionsUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * Applies a {@link SessionsUpdate} in one statement, a transaction of its own: the first part moves the user's
 * version on only {@code WHERE version = ?} (or inserts the user's row if it was read as absent) and the
 * session changes join on what it returned, so they happen exactly when the version matched. A concurrent
 * write of the same user waits for the row lock and then finds the version moved: no statement holds a lock
 * while waiting for another, so none deadlocks. A rotation is the one-row form, without arrays.
 */
final class Writes {

    private static final String MOVE_VERSION = "UPDATE rotor_subjects SET version = nextval('rotor_versions'),"
            + " expires_at = greatest(expires_at, ?) WHERE subject_digest = ? AND subject = ? AND version = ?"
            + " RETURNING subject_digest";
    private static final String INSERT_SUBJECT = "INSERT INTO rotor_subjects (expires_at, subject_digest, subject,"
            + " version) VALUES (?, ?, ?, nextval('rotor_versions')) ON CONFLICT (subject_digest) DO NOTHING"
            + " RETURNING subject_digest";
    private static final String CHANGE_ONE = "UPDATE rotor_sessions x SET generation = ?, rotated_at = ?,"
            + " expires_at = ?, last_request_id = ?, replay_request_ids = ?, revoked = ? FROM v"
            + " WHERE x.subject_digest = v.subject_digest AND x.session_id = ?";
    private static final String CHANGE_MANY = "UPDATE rotor_sessions x SET generation = c.generation,"
            + " rotated_at = c.rotated_at, expires_at = c.expires_at, last_request_id = c.last_request_id,"
            + " replay_request_ids = c.replay_request_ids, revoked = c.revoked FROM v, unnest(?::text[],"
            + " ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::boolean[]) AS c(session_id,"
            + " generation, rotated_at, expires_at, last_request_id, replay_request_ids, revoked)"
            + " WHERE x.subject_digest = v.subject_digest AND x.session_id = c.session_id";
    private static final String ADD = "INSERT INTO rotor_sessions (subject_digest, session_id, device_id, created_at,"
            + " generation, rotated_at, expires_at, absolute_expires_at, last_request_id, replay_request_ids,"
            + " revoked) SELECT v.subject_digest, a.session_id, decode(a.device_hex, 'hex'), a.created_at,"
            + " a.generation, a.rotated_at, a.expires_at, a.absolute_expires_at, a.last_request_id,"
            + " a.replay_request_ids, a.revoked FROM v, unnest(?::text[], ?::text[], ?::bigint[],"
            + " ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[],"
            + " ?::boolean[]) AS a(session_id, device_hex, created_at, generation, rotated_at, expires_at,"
            + " absolute_expires_at, last_request_id, replay_request_ids, revoked)"
            + " ON CONFLICT (subject_digest, session_id) DO NOTHING";
    private static final String REMOVE = "DELETE FROM rotor_sessions x USING v"
            + " WHERE x.subject_digest = v.subject_digest AND x.session_id = ANY (?::text[])";

    private Writes() {}

    /** Whether the update was applied; {@code false} if the user's version had moved. */
    static boolean apply(Connection connection, SessionsUpdate update) throws SQLException {
        boolean one = update.changed().size() == 1
                && update.added().isEmpty()
                && update.removed().isEmpty();
        StringBuilder sql = new StringBuilder("WITH v AS (")
                .append(update.expectedVersion() == 0 ? INSERT_SUBJECT : MOVE_VERSION)
                .append(')');
        if (one) {
            sql.append(", c AS (").append(CHANGE_ONE).append(')');
        } else {
            appendIf(sql, !update.changed().isEmpty(), "c", CHANGE_MANY);
            appendIf(sql, !update.added().isEmpty(), "a", ADD);
            appendIf(sql, !update.removed().isEmpty(), "r", REMOVE);
        }
        sql.append(" SELECT count(*) FROM v");
        try (PreparedStatement write = connection.prepareStatement(sql.toString())) {
            Parameters p = new Parameters(write);
            byte[] subject = Rows.utf8(update.subject());
            p.set(Rows.time(latestExpiry(update)));
            p.set(Rows.digest(subject));
            p.set(subject);
            if (update.expectedVersion() != 0) {
                p.set(update.expectedVersion());
            }
            if (one) {
                setChangedOne(p, update.changed().get(0));
            } else {
                setChanged(p, update.changed());
                setAdded(p, update.added());
                if (!update.removed().isEmpty()) {
                    p.array("text", update.removed().toArray());
                }
            }
            try (ResultSet result = write.executeQuery()) {
                result.next();
                return result.getLong(1) == 1;
            }
        } catch (SQLException e) {
            if (lostRace(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * A write that failed because a concurrent write came first, which only happens if the connections run
     * above READ COMMITTED (a serialization failure) or another client locks the rows too (a deadlock): the
     * race is lost, as when the version moved, and Rotor decides again on a fresh read.
     */
    static boolean lostRace(SQLException e) {
        return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }

    private static void setChangedOne(Parameters p, SessionRecord s) throws SQLException {
        p.set(s.generation());
        p.set(Rows.time(s.rotatedAt()));
        p.set(Rows.time(s.expiresAt()));
        p.set(s.lastRequestId());
        p.set(Rows.replayIds(s.replayRequestIds()));
        p.set(s.revoked());
        p.set(s.sessionId());
    }

    private static void setChanged(Parameters p, List<SessionRecord> changed) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        p.array("text", column(changed, SessionRecord::sessionId));
        p.array("int8", column(changed, SessionRecord::generation));
        p.array("int8", column(changed, s -> Rows.time(s.rotatedAt())));
        p.array("int8", column(changed, s -> Rows.time(s.expiresAt())));
        p.array("text", column(changed, SessionRecord::lastRequestId));
        p.array("text", column(changed, s -> Rows.replayIds(s.replayRequestIds())));
        p.array("bool", column(changed, SessionRecord::revoked));
    }

    private static void setAdded(Parameters p, List<SessionRecord> added) throws SQLException {
        if (added.isEmpty()) {
            return;
        }
        HexFormat hex = HexFormat.of();
        p.array("text", column(added, SessionRecord::sessionId));
        p.array("text", column(added, s -> s.deviceId() == null ? null : hex.formatHex(Rows.utf8(s.deviceId()))));
        p.array("int8", column(added, s -> Rows.time(s.createdAt())));
        p.array("int8", column(added, SessionRecord::generation));
        p.array("int8", column(added, s -> Rows.time(s.rotatedAt())));
        p.array("int8", column(added, s -> Rows.time(s.expiresAt())));
        p.array("int8", column(added, s -> Rows.time(s.absoluteExpiresAt())));
        p.array("text", column(added, SessionRecord::lastRequestId));
        p.array("text", column(added, s -> Rows.replayIds(s.replayRequestIds())));
        p.array("bool", column(added, SessionRecord::revoked));
    }

    private static Object[] column(List<SessionRecord> sessions, Function<SessionRecord, Object> value) {
        return sessions.stream().map(value).toArray();
    }

    private static void appendIf(StringBuilder sql, boolean present, String name, String statement) {
        if (present) {
            sql.append(", ").append(name).append(" AS (").append(statement).append(')');
        }
    }

    /** The user's row must live as long as its longest-lived session; it is never shortened here. */
    private static Instant latestExpiry(SessionsUpdate update) {
        Instant latest = update.now();
        for (List<SessionRecord> records : List.of(update.added(), update.changed())) {
            for (SessionRecord session : records) {
                if (session.expiresAt().isAfter(latest)) {
                    latest = session.expiresAt();
                }
            }
        }
        return latest;
    }

    /** Sets statement parameters in order. */
    private static final class Parameters {
        private final PreparedStatement statement;
        private int next = 1;

        Parameters(PreparedStatement statement) {
            this.statement = statement;
        }

        void set(Object value) throws SQLException {
            statement.setObject(next++, value);
        }

        void array(String type, Object[] values) throws SQLException {
            statement.setArray(next++, statement.getConnection().createArrayOf(type, values));
        }
    }
}
