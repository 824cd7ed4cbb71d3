package dev.rotor.store.jdbc;

import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.VersionedSessions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a user's version and one or all of its unexpired sessions in one {@code SELECT}, so from one snapshot.
 * No row for the user reads as version 0, which no write ever sets.
 */
final class Reads {

    private static final String ALL = "SELECT s.version, " + Rows.SESSION_COLUMNS
            + " FROM rotor_subjects s LEFT JOIN rotor_sessions x ON x.subject_digest = s.subject_digest"
            + " AND x.expires_at > ? WHERE s.subject_digest = ? AND s.subject = ?";
    private static final String ONE = "SELECT s.version, " + Rows.SESSION_COLUMNS
            + " FROM rotor_subjects s LEFT JOIN rotor_sessions x ON x.subject_digest = s.subject_digest"
            + " AND x.expires_at > ? AND x.session_id = ? WHERE s.subject_digest = ? AND s.subject = ?";
    private static final VersionedSessions NOTHING = new VersionedSessions(0, List.of());

    private Reads() {}

    static VersionedSessions one(Connection connection, String subject, String sessionId, Instant now)
            throws SQLException {
        return read(connection, ONE, subject, sessionId, now);
    }

    static VersionedSessions all(Connection connection, String subject, Instant now) throws SQLException {
        return read(connection, ALL, subject, null, now);
    }

    private static VersionedSessions read(
            Connection connection, String sql, String subject, String sessionId, Instant now) throws SQLException {
        byte[] bytes = Rows.utf8(subject);
        try (PreparedStatement read = connection.prepareStatement(sql)) {
            int column = 1;
            read.setLong(column++, now.toEpochMilli());
            if (sessionId != null) {
                read.setString(column++, sessionId);
            }
            read.setBytes(column++, Rows.digest(bytes));
            read.setBytes(column, bytes);
            try (ResultSet rows = read.executeQuery()) {
                if (!rows.next()) {
                    return NOTHING;
                }
                long version = rows.getLong(1);
                List<SessionRecord> sessions = new ArrayList<>();
                do {
                    if (rows.getString(2) != null) {
                        sessions.add(Rows.session(subject, rows, 2));
                    }
                } while (rows.next());
                return new VersionedSessions(version, sessions);
            }
        }
    }
}
