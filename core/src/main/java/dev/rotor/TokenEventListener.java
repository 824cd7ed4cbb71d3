package dev.rotor;

import java.time.Duration;
import java.time.Instant;

/**
 * Receives what happens to sessions, for audit logs, metrics and alerts. Set with {@link
 * TokenServiceBuilder#eventListener(TokenEventListener)}. Only {@link #onEvent} must be written, so a lambda
 * is a listener; the other methods do nothing unless overridden.
 *
 * <p>Called on the thread that made the call, after the store has applied the change. A listener that
 * throws is logged and otherwise ignored: it cannot undo or fail the operation.
 */
@FunctionalInterface
public interface TokenEventListener {

    /**
     * Handles one event about a session.
     *
     * @param event what happened; it never contains a token
     */
    void onEvent(TokenEvent event);

    /**
     * Handles a refused token: every {@link RotorException} that {@link TokenService#refresh(String)
     * refresh}, {@link TokenService#verifyAccessToken verifyAccessToken} or {@link TokenService#logout logout}
     * throws, a failed store ({@code STORE_UNAVAILABLE}) and a missing token included. A reuse is reported
     * here as well as by its {@link TokenEvent.Type#REUSE_DETECTED} event. Does nothing by default.
     *
     * @param refusal which call refused a token, and why
     */
    default void onRefusal(TokenRefusal refusal) {}

    /**
     * The session store failed a call after its previous call had succeeded (or on its first call). Reported
     * once per outage; the calls that fail after it are only counted. Does nothing by default.
     *
     * @param since when the first call failed, by Rotor's clock
     */
    default void onStoreDown(Instant since) {}

    /**
     * The session store answered again after an outage {@link #onStoreDown} reported. Does nothing by default.
     *
     * @param at when the first call succeeded again, by Rotor's clock
     * @param failedCalls how many store calls failed during the outage, at least 1
     * @param downFor how long it lasted, from the first failed call to this success
     */
    default void onStoreBack(Instant at, long failedCalls, Duration downFor) {}
}
