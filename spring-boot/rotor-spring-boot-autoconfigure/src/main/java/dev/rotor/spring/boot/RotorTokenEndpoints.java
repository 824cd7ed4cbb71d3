package dev.rotor.spring.boot;

import dev.rotor.AccessClaims;
import dev.rotor.RotorException;
import dev.rotor.RotorException.Reason;
import dev.rotor.SessionInfo;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The original Go service's endpoints after login, each a thin call into {@link TokenService}: refresh, logout,
 * logout-all, and the sessions list and revoke. Every refusal has core's status and JSON body.
 */
final class RotorTokenEndpoints {

    /** Refusals after which a cookie's token never works again (not TOKEN_INVALID: another device id may do). */
    private static final Set<Reason> USED_UP =
            EnumSet.of(Reason.TOKEN_EXPIRED, Reason.TOKEN_REVOKED, Reason.TOKEN_REUSED, Reason.USER_NOT_FOUND);

    /** One endpoint's work. */
    @FunctionalInterface
    interface Call {
        ResponseEntity<String> run(JsonRequest request);
    }

    private final TokenService tokens;
    private final RotorTokenResponses responses;

    RotorTokenEndpoints(TokenService tokens, RotorTokenResponses responses) {
        this.tokens = tokens;
        this.responses = responses;
    }

    /** Runs a call, turning every refusal into its reply. */
    ResponseEntity<String> handle(HttpServletRequest http, Call call) throws IOException {
        return handle(http, call, false);
    }

    /**
     * Runs a call; on a route that takes a bearer token, a 401 also carries {@code WWW-Authenticate: Bearer
     * error="invalid_token"}.
     */
    ResponseEntity<String> handle(HttpServletRequest http, Call call, boolean bearer) throws IOException {
        Locale locale = ErrorResponses.locale(http);
        try {
            return call.run(new JsonRequest(http));
        } catch (RotorException refused) {
            ResponseEntity<String> reply = responses.refused(refused, locale);
            if (bearer && refused.httpStatus() == 401) {
                return ResponseEntity.status(reply.getStatusCode())
                        .headers(reply.getHeaders())
                        .header(HttpHeaders.WWW_AUTHENTICATE, ErrorResponses.bearerChallenge(refused))
                        .body(reply.getBody());
            }
            return reply;
        } catch (JsonRequest.Refusal refused) {
            return RotorTokenResponses.error(refused.status, refused.reason, refused.getMessage());
        } catch (IllegalArgumentException malformed) {
            return RotorTokenResponses.error(400, "INVALID_REQUEST", malformed.getMessage());
        }
    }

    /** {@code POST refresh {"refresh_token","device_id"?}}. */
    ResponseEntity<String> refresh(JsonRequest request) {
        String inBody = request.text("refresh_token");
        String deviceId = request.text("device_id");
        TokenPair pair;
        try {
            pair = tokens.refresh(refreshToken(request, inBody), deviceId);
        } catch (RotorException refused) {
            ResponseEntity<String> reply = responses.refused(refused, request.locale());
            if (usesCookie(inBody) && USED_UP.contains(refused.reason())) {
                return withClearedCookie(reply); // the token in it will never work again
            }
            return reply;
        }
        return responses.pair(pair);
    }

    /** {@code POST logout {"refresh_token"}}: 204. */
    ResponseEntity<String> logout(JsonRequest request) {
        tokens.logout(refreshToken(request, request.text("refresh_token")));
        ResponseEntity<String> reply = noContent();
        return responses.cookieMode() ? withClearedCookie(reply) : reply;
    }

    /** {@code POST logout-all} with a bearer access token: 204. */
    ResponseEntity<String> logoutAll(JsonRequest request) {
        tokens.logoutAll(caller(request).subject());
        return noContent();
    }

    /** {@code GET sessions} with a bearer access token. */
    ResponseEntity<String> sessions(JsonRequest request) {
        AccessClaims caller = caller(request);
        StringBuilder body = new StringBuilder("{\"sessions\":[");
        String separator = "";
        for (SessionInfo session : tokens.sessions(caller.subject())) {
            body.append(separator)
                    .append("{\"session_id\":")
                    .append(ErrorResponses.quote(session.sessionId()))
                    .append(",\"device_id\":")
                    .append(session.deviceId() == null ? "null" : ErrorResponses.quote(session.deviceId()))
                    .append(",\"created_at\":\"")
                    .append(session.createdAt())
                    .append("\",\"last_refreshed_at\":\"")
                    .append(session.lastRefreshedAt())
                    .append("\",\"expires_at\":\"")
                    .append(session.expiresAt())
                    .append("\",\"current\":")
                    .append(session.sessionId().equals(caller.sessionId()))
                    .append('}');
            separator = ",";
        }
        return RotorTokenResponses.json(200, body.append("]}").toString());
    }

    /** {@code POST sessions/revoke {"session_id"}} with a bearer access token: 204, or 404 if no such live session. */
    ResponseEntity<String> revokeSession(JsonRequest request) {
        AccessClaims caller = caller(request);
        String sessionId = request.text("session_id");
        if (sessionId == null) {
            throw new JsonRequest.Refusal(400, "INVALID_REQUEST", "'session_id' is required");
        }
        if (!tokens.logoutSession(caller.subject(), sessionId)) {
            throw new JsonRequest.Refusal(404, "SESSION_NOT_FOUND", "The user has no live session with that id");
        }
        return noContent();
    }

    private AccessClaims caller(JsonRequest request) {
        return tokens.verifyAccessToken(request.bearerToken());
    }

    /** The token of the body, else of the cookie in cookie mode, which then needs the JSON content type. */
    private String refreshToken(JsonRequest request, String inBody) {
        if (!usesCookie(inBody)) {
            return inBody;
        }
        request.requireJsonContentType();
        return request.cookie(responses.cookieName());
    }

    private boolean usesCookie(String inBody) {
        return responses.cookieMode() && inBody == null;
    }

    private ResponseEntity<String> withClearedCookie(ResponseEntity<String> reply) {
        return ResponseEntity.status(reply.getStatusCode())
                .headers(reply.getHeaders())
                .header(HttpHeaders.SET_COOKIE, responses.clearedCookie())
                .body(reply.getBody());
    }

    private static ResponseEntity<String> noContent() {
        return ResponseEntity.noContent()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
