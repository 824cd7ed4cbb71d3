package dev.rotor.store.jdbc;

import dev.rotor.spi.SessionRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The SQL of the {@code rotor_subjects} table, each statement a transaction of its own (auto-commit) that touches
 * one row, or for the sweep rows nobody holds: so no statement waits on another while holding a lock, and none
 * can deadlock. A write is conditional on the version read before it and reports whether it won.
 */
final class SubjectRows {

    /** How many expired rows one sweep statement deletes. */
    static final int SWEEP_BATCH = 1000;

    private static final String READ =
            "SELECT version, sessions FROM rotor_subjects WHERE subject_digest = ? AND subject = ?";
    private static final String INSERT = "INSERT INTO rotor_subjects (subject_digest, subject, version, expires_at,"
            + " sessions) VALUES (?, ?, 1, ?, ?) ON CONFLICT (subject_digest) DO NOTHING";
    private static final String UPDATE = "UPDATE rotor_subjects SET version = version + 1, expires_at = ?,"
            + " sessions = ? WHERE subject_digest = ? AND subject = ? AND version = ?";
    private static final String DELETE =
            "DELETE FROM rotor_subjects WHERE subject_digest = ? AND subject = ? AND version = ?";
    private static final String SWEEP = "DELETE FROM rotor_subjects WHERE subject_digest IN (SELECT subject_digest"
            + " FROM rotor_subjects WHERE expires_at <= ? LIMIT " + SWEEP_BATCH + " FOR UPDATE SKIP LOCKED)";

    private SubjectRows() {}

    /** A user's row as read: its version (0 when there is no row) and its sessions. */
    record Snapshot(long version, List<SessionRecord> sessions) {
        static final Snapshot NONE = new Snapshot(0, List.of());
    }

    static Snapshot read(Connection connection, String subject) throws SQLException {
        byte[] bytes = utf8(subject);
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            read.setBytes(1, digest(bytes));
            read.setBytes(2, bytes);
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    return Snapshot.NONE;
                }
                return new Snapshot(row.getLong(1), SessionCodec.decode(subject, row.getBytes(2)));
            }
        }
    }

    /**
     * Replaces the user's sessions if the row is still at {@code read}'s version: inserts the row when there
     * was none, deletes it when no session is left.
     *
     * @return whether the write won; {@code false} if another write came first
     */
    static boolean write(Connection connection, String subject, Snapshot read, List<SessionRecord> sessions)
            throws SQLException {
        byte[] bytes = utf8(subject);
        byte[] digest = digest(bytes);
        if (sessions.isEmpty()) {
            return read.version() == 0 || delete(connection, digest, bytes, read.version());
        }
        Timestamp expiresAt = Timestamp.from(latestExpiry(sessions));
        byte[] encoded = SessionCodec.encode(sessions);
        String sql = read.version() == 0 ? INSERT : UPDATE;
        try (PreparedStatement write = connection.prepareStatement(sql)) {
            if (read.version() == 0) {
                write.setBytes(1, digest);
                write.setBytes(2, bytes);
                write.setTimestamp(3, expiresAt);
                write.setBytes(4, encoded);
            } else {
                write.setTimestamp(1, expiresAt);
                write.setBytes(2, encoded);
                write.setBytes(3, digest);
                write.setBytes(4, bytes);
                write.setLong(5, read.version());
            }
            return write.executeUpdate() == 1;
        } catch (SQLException e) {
            return lostRace(e);
        }
    }

    /**
     * A write that failed because a concurrent write came first, which only happens if the connections run
     * above READ COMMITTED (a serialization failure) or another client locks rows (a deadlock): the race is
     * lost, as when the version changed, and the caller decides again on a fresh read.
     *
     * @return {@code false}
     * @throws SQLException {@code e} if it is any other failure
     */
    private static boolean lostRace(SQLException e) throws SQLException {
        if ("40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState())) {
            return false;
        }
        throw e;
    }

    /** Deletes up to {@link #SWEEP_BATCH} rows whose every session ended by {@code now}; returns how many. */
    static int sweep(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement sweep = connection.prepareStatement(SWEEP)) {
            sweep.setTimestamp(1, Timestamp.from(now));
            return sweep.executeUpdate();
        }
    }

    private static boolean delete(Connection connection, byte[] digest, byte[] subject, long version)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setBytes(1, digest);
            delete.setBytes(2, subject);
            delete.setLong(3, version);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            return lostRace(e);
        }
    }

    private static Instant latestExpiry(List<SessionRecord> sessions) {
        Instant latest = Instant.EPOCH;
        for (SessionRecord session : sessions) {
            if (session.expiresAt().isAfter(latest)) {
                latest = session.expiresAt();
            }
        }
        return latest;
    }

    static byte[] utf8(String subject) {
        return subject.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
