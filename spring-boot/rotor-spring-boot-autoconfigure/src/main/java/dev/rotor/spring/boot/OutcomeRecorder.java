package dev.rotor.spring.boot;

import dev.rotor.TokenEvent;
import dev.rotor.TokenEventListener;
import dev.rotor.TokenRefusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Listens to Rotor's events: tells {@link ObservedTokenService} which way a call on this thread went (Rotor
 * calls listeners on the caller's thread before returning); counts {@code rotor.reuse.detected} and {@code
 * rotor.verification.failures} by reason; keeps the gauge {@code rotor.store.up} (1 or 0) and counts {@code
 * rotor.store.outages}.
 */
final class OutcomeRecorder implements TokenEventListener {

    private static final ThreadLocal<TokenEvent.Type> LAST = new ThreadLocal<>();

    private final ObjectProvider<MeterRegistry> meters;
    private final AtomicInteger storeUp = new AtomicInteger(1);
    private volatile Counter reuse;
    private volatile boolean gaugeRegistered;

    OutcomeRecorder(ObjectProvider<MeterRegistry> meters) {
        this.meters = meters;
    }

    @Override
    public void onRefusal(TokenRefusal refusal) {
        if (refusal.operation() == TokenRefusal.Operation.VERIFY_ACCESS_TOKEN) {
            MeterRegistry registry = meters.getIfAvailable();
            if (registry != null) {
                registry.counter(
                                "rotor.verification.failures",
                                "reason",
                                refusal.reason().name().toLowerCase(Locale.ROOT))
                        .increment();
            }
        }
    }

    @Override
    public void onStoreDown(Instant since) {
        registerGauge();
        storeUp.set(0);
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            registry.counter("rotor.store.outages").increment();
        }
    }

    @Override
    public void onStoreBack(Instant at, long failedCalls, Duration downFor) {
        registerGauge();
        storeUp.set(1);
    }

    /** Registers {@code rotor.store.up} once a registry exists. */
    void registerGauge() {
        if (!gaugeRegistered) {
            MeterRegistry registry = meters.getIfAvailable();
            if (registry != null) {
                Gauge.builder("rotor.store.up", storeUp, AtomicInteger::get)
                        .description("1 while Rotor's session store answers, 0 during an outage")
                        .register(registry);
                gaugeRegistered = true;
            }
        }
    }

    @Override
    public void onEvent(TokenEvent event) {
        LAST.set(event.type());
        if (event.type() == TokenEvent.Type.REUSE_DETECTED) {
            Counter counter = reuse;
            if (counter == null) {
                MeterRegistry registry = meters.getIfAvailable();
                if (registry == null) {
                    return;
                }
                counter = Counter.builder("rotor.reuse.detected")
                        .description("Refresh tokens presented again after rotation: likely theft")
                        .register(registry);
                reuse = counter;
            }
            counter.increment();
        }
    }

    /** Forgets what an earlier call on this thread saw. */
    static void begin() {
        LAST.remove();
    }

    /** What the call on this thread reported, or {@code null}; and forgets it. */
    static TokenEvent.Type take() {
        TokenEvent.Type type = LAST.get();
        LAST.remove();
        return type;
    }
}
