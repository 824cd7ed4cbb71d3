package dev.rotor.spring.boot;

import dev.rotor.spi.SessionStore;
import dev.rotor.spi.StoreUnavailableException;
import java.time.Clock;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The session store's health: on every check, one {@link SessionStore#list} of a subject no user has, through the
 * store SPI — the read a sessions listing makes, over the same connections, pool, timeouts and tables that logins
 * and refreshes use. Redis answers it with one {@code HGETALL}, PostgreSQL with one {@code SELECT} on Rotor's
 * tables, the memory store always. UP when the read answers; DOWN (detail {@code error: store unavailable}) when
 * it throws {@link StoreUnavailableException}, or any other exception (a missing table, a refused command), UP
 * again as soon as it answers, without a restart. Detail {@code store}: the store's class name.
 *
 * <p>Chosen over store-specific checks (Redis {@code PING}, JDBC {@code Connection.isValid}): those report UP
 * when the store still cannot serve a refresh — tables not created, an ACL that allows {@code PING} but not the
 * session keys — and would need code per store, where this covers every store, the application's own included.
 */
final class RotorHealthIndicator extends AbstractHealthIndicator {

    /** Not a subject a login can make collide with: user ids are the application's, this one is Rotor's. */
    private static final String PROBE = "rotor:health-probe";

    private final SessionStore store;
    private final Clock clock;

    RotorHealthIndicator(SessionStore store, Clock clock) {
        super("Rotor's session store is unavailable");
        this.store = store;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        health.withDetail("store", store.getClass().getSimpleName());
        try {
            store.list(PROBE, clock.instant());
            health.up();
        } catch (StoreUnavailableException e) {
            health.down().withDetail("error", "store unavailable");
        }
    }
}
