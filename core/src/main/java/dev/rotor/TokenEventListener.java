package dev.rotor;

/**
 * Receives what happens to sessions, for audit logs, metrics and alerts. Set with {@link
 * TokenServiceBuilder#eventListener(TokenEventListener)}.
 *
 * <p>Called on the thread that made the call, after the store has applied the change. A listener that
 * throws is logged and otherwise ignored: it cannot undo or fail the operation.
 */
@FunctionalInterface
public interface TokenEventListener {

    /**
     * Handles one event.
     *
     * @param event what happened; it never contains a token
     */
    void onEvent(TokenEvent event);
}
