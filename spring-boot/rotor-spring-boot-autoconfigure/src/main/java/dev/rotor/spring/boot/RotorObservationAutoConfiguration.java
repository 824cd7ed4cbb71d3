package dev.rotor.spring.boot;

import dev.rotor.TokenService;
import dev.rotor.spi.SessionStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer for Rotor when Micrometer is on the classpath: observations {@code rotor.login}, {@code
 * rotor.refresh} and {@code rotor.revoke} tagged by {@code outcome} and {@code operation}, the counters {@code
 * rotor.reuse.detected}, {@code rotor.verification.failures} (tagged by {@code reason}) and {@code
 * rotor.store.outages}, and the gauge {@code rotor.store.up}, all from Rotor's event listener; and the timer
 * {@code rotor.store.calls} around each store call. Applies to the
 * auto-configured {@link TokenService}; off with {@code rotor.observations.enabled=false}.
 */
@AutoConfiguration(before = RotorAutoConfiguration.class)
@ConditionalOnClass({ObservationRegistry.class, MeterRegistry.class})
@ConditionalOnProperty(name = "rotor.observations.enabled", havingValue = "true", matchIfMissing = true)
public class RotorObservationAutoConfiguration {

    /** Created by Spring. */
    public RotorObservationAutoConfiguration() {}

    /**
     * The listener that tells observations how a call went and counts reuse.
     *
     * @param meters the meter registry, if any
     * @return the listener
     */
    @Bean
    static OutcomeRecorder rotorOutcomeRecorder(ObjectProvider<MeterRegistry> meters) {
        return new OutcomeRecorder(meters);
    }

    /**
     * Times the store calls of the auto-configured token service ({@code rotor.store.calls}).
     *
     * @param meters the meter registry, if any
     * @return the wrapper {@link RotorAutoConfiguration} applies to the store it hands the service
     */
    @Bean
    static UnaryOperator<SessionStore> rotorStoreTimer(ObjectProvider<MeterRegistry> meters) {
        return store -> new TimedSessionStore(store, meters);
    }

    /**
     * Wraps the auto-configured token service, named {@code rotorTokenService}, in its observed form.
     *
     * @param observations the observation registry, if any
     * @return the post-processor
     */
    @Bean
    static BeanPostProcessor rotorTokenServiceObserver(ObjectProvider<ObservationRegistry> observations) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if ("rotorTokenService".equals(name) && bean instanceof TokenService tokens) {
                    return new ObservedTokenService(tokens, observations);
                }
                return bean;
            }
        };
    }
}
