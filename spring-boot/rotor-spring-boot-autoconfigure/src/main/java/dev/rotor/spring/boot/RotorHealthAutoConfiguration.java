package dev.rotor.spring.boot;

import dev.rotor.spi.SessionStore;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code rotor} health component (Boot 4's {@code org.springframework.boot.health} packages): the session
 * store's reachability. Off with {@code management.health.rotor.enabled=false}.
 */
@AutoConfiguration(after = RotorAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(SessionStore.class)
@ConditionalOnEnabledHealthIndicator("rotor")
public class RotorHealthAutoConfiguration {

    /** Created by Spring. */
    public RotorHealthAutoConfiguration() {}

    /**
     * The store's health indicator.
     *
     * @param store the session store
     * @return the indicator, shown as {@code rotor}
     */
    @Bean(name = "rotorHealthIndicator")
    @ConditionalOnMissingBean(name = "rotorHealthIndicator")
    public HealthIndicator rotorHealthIndicator(SessionStore store) {
        return new RotorHealthIndicator(store, Clock.systemUTC());
    }
}
