package dev.rotor.store.jdbc;

import dev.rotor.spi.SessionRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * How values become columns and back: subjects as UTF-8 bytes and their SHA-256, times as {@code bigint}
 * milliseconds since the epoch.
 */
final class Rows {

    /** The columns of {@code rotor_sessions} a {@link SessionRecord} is read from, in this order. */
    static final String SESSION_COLUMNS = "x.session_id, x.device_id, x.created_at, x.generation, x.rotated_at,"
            + " x.expires_at, x.absolute_expires_at, x.last_request_id, x.replay_request_ids, x.revoked";

    private Rows() {}

    static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] digest(byte[] subject) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(subject);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A time as its column holds it: milliseconds since the epoch, which is all of what Rotor keeps. */
    static Long time(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static String replayIds(List<String> ids) {
        return String.join(" ", ids);
    }

    /** The session in the columns {@link #SESSION_COLUMNS}, starting at column {@code first}. */
    static SessionRecord session(String subject, ResultSet row, int first) throws SQLException {
        byte[] device = row.getBytes(first + 1);
        String replays = row.getString(first + 8);
        return new SessionRecord(
                row.getString(first),
                subject,
                device == null ? null : new String(device, StandardCharsets.UTF_8),
                instant(row, first + 2),
                row.getLong(first + 3),
                instant(row, first + 4),
                instant(row, first + 5),
                instant(row, first + 6),
                row.getString(first + 7),
                replays.isEmpty() ? List.of() : Arrays.asList(replays.split(" ")),
                row.getBoolean(first + 9));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
