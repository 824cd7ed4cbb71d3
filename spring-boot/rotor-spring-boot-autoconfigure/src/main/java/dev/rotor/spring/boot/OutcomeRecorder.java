package dev.rotor.spring.boot;

import dev.rotor.TokenEvent;
import dev.rotor.TokenEventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Listens to Rotor's events: tells {@link ObservedTokenService} which way a call on this thread went (Rotor
 * calls listeners on the caller's thread before returning), and counts {@code rotor.reuse.detected}.
 */
final class OutcomeRecorder implements TokenEventListener {

    private static final ThreadLocal<TokenEvent.Type> LAST = new ThreadLocal<>();

    private final ObjectProvider<MeterRegistry> meters;
    private volatile Counter reuse;

    OutcomeRecorder(ObjectProvider<MeterRegistry> meters) {
        this.meters = meters;
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
