package dev.rotor;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands events to the configured listeners; a failing listener is logged and cannot fail the operation. */
final class EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);

    private final List<TokenEventListener> listeners;

    EventPublisher(List<TokenEventListener> listeners) {
        this.listeners = listeners;
    }

    /** Whether anyone listens; events are not even built otherwise. */
    boolean active() {
        return !listeners.isEmpty();
    }

    void publish(TokenEvent event) {
        for (TokenEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn(
                        "Token event listener {} failed on a {} event",
                        listener.getClass().getName(),
                        event.type(),
                        e);
            }
        }
    }
}
