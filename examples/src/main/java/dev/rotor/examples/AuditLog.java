package dev.rotor.examples;

import dev.rotor.TokenEvent;
import dev.rotor.TokenEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every session event: who, which session, what happened. Never a token. */
final class AuditLog implements TokenEventListener {

    private static final Logger LOG = LoggerFactory.getLogger("dev.rotor.examples.audit");

    @Override
    public void onEvent(TokenEvent event) {
        if (event.type() == TokenEvent.Type.REUSE_DETECTED) {
            LOG.warn(
                    "Reuse detected for subject {} session {}: generation {} presented, {} current; {} session(s)"
                            + " revoked",
                    event.subject(),
                    event.sessionId(),
                    event.presentedGeneration(),
                    event.currentGeneration(),
                    event.revokedSessions());
        } else if (event.sessionId() == null) {
            LOG.info("{} subject={} all sessions ({} revoked)", event.type(), event.subject(), event.revokedSessions());
        } else {
            LOG.info("{} subject={} session={}", event.type(), event.subject(), event.sessionId());
        }
    }
}
