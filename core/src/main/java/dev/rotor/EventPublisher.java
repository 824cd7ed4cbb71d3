package dev.rotor;

import dev.rotor.RotorException.Reason;
import dev.rotor.TokenRefusal.Operation;
import dev.rotor.spi.SessionRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands events to the configured listeners; a failing listener is logged and cannot fail the operation. */
final class EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);

    private final List<TokenEventListener> listeners;
    private final Clock clock;

    EventPublisher(List<TokenEventListener> listeners, Clock clock) {
        this.listeners = listeners;
        this.clock = clock;
    }

    /** Publishes an event about one session; builds it only if anyone listens. */
    void publish(
            TokenEvent.Type type, Instant now, SessionRecord session, long presented, Duration since, int revoked) {
        if (!listeners.isEmpty()) {
            publish(new TokenEvent(
                    type,
                    now,
                    session.subject(),
                    session.sessionId(),
                    session.deviceId(),
                    presented,
                    session.generation(),
                    since,
                    revoked));
        }
    }

    void publish(TokenEvent event) {
        each(event.type().name(), listener -> listener.onEvent(event));
    }

    /** Reports a refused token; builds the refusal only if anyone listens. */
    void refused(Operation operation, Reason reason) {
        if (!listeners.isEmpty()) {
            TokenRefusal refusal = new TokenRefusal(operation, reason, clock.instant());
            each("refusal", listener -> listener.onRefusal(refusal));
        }
    }

    void storeDown(Instant since) {
        each("store down", listener -> listener.onStoreDown(since));
    }

    void storeBack(Instant at, long failedCalls, Duration downFor) {
        each("store back", listener -> listener.onStoreBack(at, failedCalls, downFor));
    }

    private void each(String what, Consumer<TokenEventListener> call) {
        for (TokenEventListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn(
                        "Token event listener {} failed on a {} event",
                        listener.getClass().getName(),
                        what,
                        e);
            }
        }
    }
}
