package dev.rotor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the session store answers, so an outage is reported once and not per call: one WARN and {@link
 * TokenEventListener#onStoreDown} at the first failed call, then a WARN with the count of failed calls at most
 * once per {@link #REPORT_EVERY}, and one INFO and {@link TokenEventListener#onStoreBack} at the first success.
 * Each failure's stack trace goes to DEBUG only.
 */
final class StoreHealth {

    /** How often an outage that goes on is reported again, with the count of calls failed since. */
    static final Duration REPORT_EVERY = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);

    private final Clock clock;
    private final EventPublisher events;

    /** Read without the lock, so a healthy store costs one volatile read per call. */
    private volatile boolean down;

    private Instant downSince;
    private long failedCalls;
    private Instant reportedAt;
    private long failedSinceReport;

    StoreHealth(Clock clock, EventPublisher events) {
        this.clock = clock;
        this.events = events;
    }

    void succeeded() {
        if (!down) {
            return;
        }
        Instant now;
        long failed;
        Duration downFor;
        synchronized (this) {
            if (!down) {
                return;
            }
            down = false;
            now = clock.instant();
            failed = failedCalls;
            downFor = Duration.between(downSince, now);
        }
        LOG.info("Session store answers again after {} down; {} call(s) failed", downFor, failed);
        events.storeBack(now, failed, downFor);
    }

    void failed(RuntimeException e) {
        Instant now;
        boolean first = false;
        long toReport = 0;
        Duration downFor = null;
        synchronized (this) {
            now = clock.instant();
            if (!down) {
                down = true;
                first = true;
                downSince = now;
                reportedAt = now;
                failedCalls = 1;
                failedSinceReport = 0;
            } else {
                failedCalls++;
                failedSinceReport++;
                if (Duration.between(reportedAt, now).compareTo(REPORT_EVERY) >= 0) {
                    toReport = failedSinceReport;
                    downFor = Duration.between(downSince, now);
                    reportedAt = now;
                    failedSinceReport = 0;
                }
            }
        }
        if (first) {
            // As text: slf4j would print a Throwable in the last place as a stack trace.
            LOG.warn(
                    "Session store unavailable, failing closed until it answers again: {} (cause: {})",
                    e.toString(),
                    String.valueOf(e.getCause()));
            events.storeDown(now);
        } else if (toReport > 0) {
            LOG.warn(
                    "Session store still unavailable after {}: {} more call(s) failed, the last with {}",
                    downFor,
                    toReport,
                    e.toString());
        }
        LOG.debug("Session store failure", e);
    }
}
