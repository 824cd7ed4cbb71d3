package dev.rotor.store.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes the rows of users whose every session has ended, by the store's clock: on a daemon thread every
 * interval (none if the interval is zero), and on demand. Each statement deletes at most {@link
 * SubjectRows#SWEEP_BATCH} rows and skips rows another call is writing, so a sweep never makes a refresh wait.
 * A sweep that fails (PostgreSQL down) is simply tried again at the next interval.
 */
final class ExpirySweep implements AutoCloseable {

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
            int deleted = 0;
            int batch;
            do {
                batch = SubjectRows.sweep(connection, clock.instant());
                deleted += batch;
            } while (batch == SubjectRows.SWEEP_BATCH);
            return deleted;
        });
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
