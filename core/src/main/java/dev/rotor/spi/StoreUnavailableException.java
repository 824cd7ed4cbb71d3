package dev.rotor.spi;

/**
 * Thrown by a {@link SessionStore} when its backing infrastructure cannot answer: a connection refused or
 * timed out, a pool exhausted, a node down. It is the only exception a store throws; every decision about
 * tokens is a return value. Rotor turns it into {@code STORE_UNAVAILABLE} and issues nothing.
 *
 * <p>A store must throw it only when it cannot tell whether its write happened, or knows it did not;
 * the caller then fails closed.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, without any token or secret
     * @param cause the driver's exception
     */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
