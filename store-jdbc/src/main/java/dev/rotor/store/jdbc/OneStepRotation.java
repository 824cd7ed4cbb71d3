package dev.rotor.store.jdbc;

import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.SessionRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The common rotation in one statement, a transaction of its own: lock the user's row, rotate the session only
 * {@code WHERE} it is at the presented generation and live (its sliding expiry capped by its absolute one), and
 * move the user's version on only if the session changed. The user's row is locked before the session's, as every
 * write does, so it deadlocks with none; a concurrent rotation that committed first is seen when PostgreSQL
 * rechecks the session's row after the lock, so it finds the generation moved and changes nothing. A session
 * that is not at that generation in the statement's snapshot takes no lock at all, and the statement writes
 * nothing.
 */
final class OneStepRotation {

    private static final String SQL = "WITH l AS (SELECT s.subject_digest FROM rotor_subjects s"
            + " WHERE s.subject_digest = ? AND s.subject = ? AND EXISTS (SELECT 1 FROM rotor_sessions y"
            + " WHERE y.subject_digest = s.subject_digest AND y.session_id = ? AND y.generation = ?"
            + " AND NOT y.revoked AND y.expires_at > ?) FOR UPDATE OF s),"
            + " u AS (UPDATE rotor_sessions x SET generation = x.generation + 1, rotated_at = ?,"
            + " expires_at = least(?, coalesce(x.absolute_expires_at, ?)), last_request_id = ?,"
            + " replay_request_ids = '' FROM l WHERE x.subject_digest = l.subject_digest AND x.session_id = ?"
            + " AND x.generation = ? AND NOT x.revoked AND x.expires_at > ?"
            + " RETURNING " + Rows.SESSION_COLUMNS + ", x.subject_digest),"
            + " v AS (UPDATE rotor_subjects s SET version = nextval('rotor_versions'),"
            + " expires_at = greatest(s.expires_at, u.expires_at) FROM u WHERE s.subject_digest = u.subject_digest)"
            + " SELECT * FROM u";

    private OneStepRotation() {}

    /** The rotated record as stored, or empty if the session was not at the presented generation and live. */
    static Optional<SessionRecord> apply(Connection connection, RotationRequest request, Instant expiresAt)
            throws SQLException {
        byte[] subject = Rows.utf8(request.subject());
        long now = request.now().toEpochMilli();
        long expiry = expiresAt.toEpochMilli();
        try (PreparedStatement rotate = connection.prepareStatement(SQL)) {
            int p = 1;
            rotate.setBytes(p++, Rows.digest(subject));
            rotate.setBytes(p++, subject);
            rotate.setString(p++, request.sessionId());
            rotate.setLong(p++, request.presentedGeneration());
            rotate.setLong(p++, now);
            rotate.setLong(p++, now);
            rotate.setLong(p++, expiry);
            rotate.setLong(p++, expiry);
            rotate.setString(p++, request.requestId());
            rotate.setString(p++, request.sessionId());
            rotate.setLong(p++, request.presentedGeneration());
            rotate.setLong(p, now);
            try (ResultSet row = rotate.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(Rows.session(request.subject(), row, 1));
            }
        } catch (SQLException e) {
            if (Writes.lostRace(e)) { // above READ COMMITTED: changed nothing, Rotor reads and decides
                return Optional.empty();
            }
            throw e;
        }
    }
}
