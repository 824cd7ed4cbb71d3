package dev.rotor.store.jdbc;

import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.SessionRecord;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The common rotation in one statement, a transaction of its own: lock the user's row, rotate the session only
 * {@code WHERE} it is at the presented generation, live and not capped by its absolute expiry, and move the
 * user's version on only if the session changed. The user's row is locked before the session's, in the order
 * every write takes them, so it deadlocks with none; a concurrent rotation that committed first is seen when
 * PostgreSQL rechecks the session's row after the lock, so it finds the generation moved and changes nothing.
 */
final class OneStepRotation {

    private static final String SQL = "WITH l AS (SELECT subject_digest FROM rotor_subjects"
            + " WHERE subject_digest = ? AND subject = ? FOR UPDATE),"
            + " u AS (UPDATE rotor_sessions x SET generation = x.generation + 1, rotated_at = ?, expires_at = ?,"
            + " last_request_id = ?, replay_request_ids = '' FROM l WHERE x.subject_digest = l.subject_digest"
            + " AND x.session_id = ? AND x.generation = ? AND NOT x.revoked AND x.expires_at > ?"
            + " AND (x.absolute_expires_at IS NULL OR x.absolute_expires_at >= ?)"
            + " RETURNING x.subject_digest, x.device_id, x.created_at, x.absolute_expires_at),"
            + " v AS (UPDATE rotor_subjects s SET version = nextval('rotor_versions'),"
            + " expires_at = greatest(s.expires_at, ?) FROM u WHERE s.subject_digest = u.subject_digest)"
            + " SELECT device_id, created_at, absolute_expires_at FROM u";

    private OneStepRotation() {}

    /** The rotated record, or empty if the session was not at the presented generation, live and uncapped. */
    static Optional<SessionRecord> apply(Connection connection, RotationRequest request, Instant expiresAt)
            throws SQLException {
        byte[] subject = Rows.utf8(request.subject());
        long now = request.now().toEpochMilli();
        long expiry = expiresAt.toEpochMilli();
        try (PreparedStatement rotate = connection.prepareStatement(SQL)) {
            rotate.setBytes(1, Rows.digest(subject));
            rotate.setBytes(2, subject);
            rotate.setLong(3, now);
            rotate.setLong(4, expiry);
            rotate.setString(5, request.requestId());
            rotate.setString(6, request.sessionId());
            rotate.setLong(7, request.presentedGeneration());
            rotate.setLong(8, now);
            rotate.setLong(9, expiry);
            rotate.setLong(10, expiry);
            try (ResultSet row = rotate.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                byte[] device = row.getBytes(1);
                long absolute = row.getLong(3);
                Instant absoluteExpiresAt = row.wasNull() ? null : Instant.ofEpochMilli(absolute);
                return Optional.of(new SessionRecord(
                        request.sessionId(),
                        request.subject(),
                        device == null ? null : new String(device, StandardCharsets.UTF_8),
                        Instant.ofEpochMilli(row.getLong(2)),
                        request.presentedGeneration() + 1,
                        request.now(),
                        expiresAt,
                        absoluteExpiresAt,
                        request.requestId(),
                        List.of(),
                        false));
            }
        }
    }
}
