package dev.rotor.spring.boot;

import dev.rotor.RotorException;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Writes token responses the way the original Go service does. After the application's own login has checked a
 * user's credentials, one call opens the session and builds the reply:
 *
 * <pre>{@code
 * return responses.issue(user.id(), body.deviceId(), Map.of("scope", "read"));
 * }</pre>
 *
 * <p>The reply is {@code {"access_token","refresh_token","expires_in"}} with {@code Cache-Control: no-store}; in
 * cookie mode ({@code rotor.web.cookie.enabled}) the refresh token travels in an HttpOnly, Secure,
 * SameSite=Strict cookie instead of the body. Refusals carry core's status and JSON body.
 */
public final class RotorTokenResponses {

    private final TokenService tokens;
    private final RotorProperties.Cookie cookie;
    private final long cookieMaxAgeSeconds;

    RotorTokenResponses(TokenService tokens, RotorProperties properties) {
        this.tokens = tokens;
        this.cookie = properties.getWeb().getCookie();
        this.cookieMaxAgeSeconds = properties.getRefreshTokenTtl().toSeconds();
    }

    /**
     * Logs an authenticated user in and builds the reply.
     *
     * @param subject the user id
     * @param deviceId the device, or {@code null}
     * @param claims custom access-token claims, such as {@code scope}
     * @return 200 with the pair, 400 for a device id or claims Rotor refuses, 503 if the store failed
     * @throws NullPointerException if the subject or claims are {@code null}
     */
    public ResponseEntity<String> issue(String subject, String deviceId, Map<String, ?> claims) {
        try {
            return pair(tokens.issue(subject, deviceId, claims));
        } catch (RotorException refused) {
            return refused(refused, Locale.ENGLISH);
        } catch (IllegalArgumentException malformed) {
            return error(400, "INVALID_REQUEST", malformed.getMessage());
        }
    }

    /**
     * The reply carrying a new pair.
     *
     * @param pair a pair from {@link TokenService#issue} or {@link TokenService#refresh}
     * @return 200 with the access token, the refresh token (in the body or a cookie) and {@code expires_in}
     */
    public ResponseEntity<String> pair(TokenPair pair) {
        StringBuilder body = new StringBuilder("{\"access_token\":").append(ErrorResponses.quote(pair.accessToken()));
        ResponseEntity.BodyBuilder reply = ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (cookie.isEnabled()) {
            reply.header(HttpHeaders.SET_COOKIE, cookie(pair.refreshToken(), cookieMaxAgeSeconds));
        } else {
            body.append(",\"refresh_token\":").append(ErrorResponses.quote(pair.refreshToken()));
        }
        body.append(",\"expires_in\":").append(pair.expiresIn()).append('}');
        return reply.header(HttpHeaders.CONTENT_TYPE, ErrorResponses.JSON).body(body.toString());
    }

    /**
     * The reply to a refusal: core's status and body.
     *
     * @param refused what Rotor refused
     * @param locale the language of the message
     * @return the error reply
     */
    public ResponseEntity<String> refused(RotorException refused, Locale locale) {
        return json(refused.httpStatus(), refused.toJson(locale));
    }

    /** The {@code Set-Cookie} value that deletes the refresh-token cookie. */
    String clearedCookie() {
        return cookie("", 0);
    }

    boolean cookieMode() {
        return cookie.isEnabled();
    }

    String cookieName() {
        return cookie.getName();
    }

    static ResponseEntity<String> error(int status, String reason, String message) {
        return json(status, ErrorResponses.body(status, reason, message));
    }

    static ResponseEntity<String> json(int status, String body) {
        return ResponseEntity.status(status)
                .header(HttpHeaders.CONTENT_TYPE, ErrorResponses.JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private String cookie(String value, long maxAgeSeconds) {
        return cookie.getName() + "=" + value + "; Max-Age=" + maxAgeSeconds + "; Path=" + cookie.getPath()
                + "; HttpOnly; Secure; SameSite=Strict";
    }
}
