package dev.rotor.examples.client;

/** The server refused a call; carries the HTTP status and the error body's reason. */
public final class RotorClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;

    RotorClientException(int status, String reason) {
        super("HTTP " + status + " " + reason);
        this.status = status;
        this.reason = reason;
    }

    /**
     * The HTTP status.
     *
     * @return the status code, or 0 if the server could not be reached
     */
    public int status() {
        return status;
    }

    /**
     * The {@code reason} of the error body, such as {@code TOKEN_REUSED}.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }

    /**
     * Whether the session is over and the user must log in again.
     *
     * @return {@code true} for {@code TOKEN_REUSED}, {@code TOKEN_REVOKED}, {@code TOKEN_EXPIRED} and {@code
     *     TOKEN_INVALID} on refresh
     */
    public boolean loggedOut() {
        return reason.equals("TOKEN_REUSED")
                || reason.equals("TOKEN_REVOKED")
                || reason.equals("TOKEN_EXPIRED")
                || reason.equals("TOKEN_INVALID")
                || reason.equals("LOGGED_OUT");
    }
}
