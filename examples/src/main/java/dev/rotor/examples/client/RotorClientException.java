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
     * @return the status code, or 0 if the server could not be reached or its reply carried no tokens
     *     ({@code MALFORMED_REPLY}, such as a server in cookie mode)
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
     * Whether the session is over and the user must log in again: the server refused the token with a 4xx
     * answer other than 408 and 429, which say "try again later", or its reply had no usable tokens.
     *
     * @return {@code true} for {@code TOKEN_REUSED}, {@code TOKEN_REVOKED}, {@code TOKEN_EXPIRED}, {@code
     *     TOKEN_INVALID}, {@code USER_NOT_FOUND}, {@code REFRESH_TOKEN_REQUIRED}, {@code LOGGED_OUT} and {@code
     *     MALFORMED_REPLY}
     */
    public boolean loggedOut() {
        return (status >= 400 && status < 500 && status != 408 && status != 429) || reason.equals("MALFORMED_REPLY");
    }
}
