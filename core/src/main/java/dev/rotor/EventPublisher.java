package dev.rotor;

import dev.rotor.spi.SessionRecord;
import java.time.Duration;
import java.time.Instant;
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
