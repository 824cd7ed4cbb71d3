package dev.rotor;

import java.util.Objects;

/**
 * The tokens a login or a refresh hands to the client.
 *
 * <p>{@link #toString()} never shows the tokens, so a pair can be logged safely.
 *
 * @param accessToken short-lived JWT for API calls
 * @param refreshToken JWT to present once to {@link TokenService#refresh}
 * @param expiresIn seconds until the access token expires
 * @param sessionId the session (token family) both tokens belong to
 */
public record TokenPair(String accessToken, String refreshToken, long expiresIn, String sessionId) {

    /**
     * Checks the components.
     *
     * @param accessToken see {@link #accessToken()}
     * @param refreshToken see {@link #refreshToken()}
     * @param expiresIn see {@link #expiresIn()}
     * @param sessionId see {@link #sessionId()}
     * @throws NullPointerException if a token or the session id is {@code null}
     */
    public TokenPair {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    /**
     * Describes the pair without its tokens.
     *
     * @return the session id and expiry, with the tokens redacted
     */
    @Override
    public String toString() {
        return "TokenPair[sessionId=" + sessionId + ", expiresIn=" + expiresIn + ", tokens=<redacted>]";
    }
}
