package dev.rotor.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes expired sessions, then the rows of users whose every session has ended, by the store's clock: on a
 * daemon thread every interval (none if the interval is zero), and on demand. Each statement deletes at most
 * {@value #BATCH} rows and skips rows another call is writing, so a sweep never makes a refresh wait. A sweep
 * that fails (PostgreSQL down) is simply tried again at the next interval.
 */
final class ExpirySweep implements AutoCloseable {

    static final int BATCH = 1000;

    private static final String SESSIONS = "DELETE FROM rotor_sessions WHERE (subject_digest, session_id) IN"
            + " (SELECT subject_digest, session_id FROM rotor_sessions WHERE expires_at <= ? LIMIT " + BATCH
            + " FOR UPDATE SKIP LOCKED)";
    private static final String SUBJECTS = "DELETE FROM rotor_subjects WHERE subject_digest IN (SELECT"
            + " subject_digest FROM rotor_subjects WHERE expires_at <= ? LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED)";

    private final Connections connections;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    ExpirySweep(Connections connections, Clock clock, Duration interval) {
        this.connections = connections;
        this.clock = clock;
        if (interval.isZero()) {
            this.scheduler = null;
            return;
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "rotor-jdbc-expiry-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::runQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    int runNow() {
        return connections.run("deleteExpired", connection -> {
            Instant now = clock.instant();
            deleteAll(connection, SESSIONS, now);
            return deleteAll(connection, SUBJECTS, now);
        });
    }

    private static int deleteAll(Connection connection, String sql, Instant now) throws SQLException {
        int deleted = 0;
        int batch;
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setLong(1, now.toEpochMilli());
            do {
                batch = delete.executeUpdate();
                deleted += batch;
            } while (batch == BATCH);
        }
        return deleted;
    }

    private void runQuietly() {
        try {
            runNow();
        } catch (RuntimeException e) {
            // PostgreSQL unreachable: the next interval tries again, and refreshes report the outage themselves.
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
