package dev.rotor.spring.boot;

import dev.rotor.spi.SessionStore;
import dev.rotor.spi.StoreUnavailableException;
import java.time.Clock;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The session store's health: one read of a subject no user has, through the store SPI, so it covers every
 * store with one rule. Redis answers it with one {@code HGETALL}; the memory store is always up. DOWN when the
 * store throws {@link StoreUnavailableException}, UP again as soon as it answers.
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
