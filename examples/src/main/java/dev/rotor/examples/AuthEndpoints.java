package dev.rotor.examples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rotor.AccessClaims;
import dev.rotor.RotorException;
import dev.rotor.RotorException.Reason;
import dev.rotor.SessionInfo;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The endpoints of the original Go service (see the README), each a thin call into {@link TokenService}. */
final class AuthEndpoints {

    private static final String COOKIE = "refresh_token";

    /** Refusals after which a cookie's token never works again (not TOKEN_INVALID: another device id may do). */
    private static final Set<Reason> USED_UP =
            EnumSet.of(Reason.TOKEN_EXPIRED, Reason.TOKEN_REVOKED, Reason.TOKEN_REUSED, Reason.USER_NOT_FOUND);

    private final TokenService tokens;
    private final DemoUsers users;
    private final boolean refreshTokenCookie;
    private final long cookieMaxAgeSeconds;

    /** {@code refreshTtl} is how long the cookie lives, when the refresh token travels in one. */
    AuthEndpoints(TokenService tokens, DemoUsers users, boolean refreshTokenCookie, Duration refreshTtl) {
        this.tokens = tokens;
        this.users = users;
        this.refreshTokenCookie = refreshTokenCookie;
        this.cookieMaxAgeSeconds = refreshTtl.toSeconds();
    }

    /** {@code POST /api/v1/auth/login {"username","password","device_id"?}}. */
    void login(JsonExchange exchange) throws IOException {
        ObjectNode body = exchange.body();
        String username = JsonExchange.text(body, "username");
        if (!users.check(username, JsonExchange.text(body, "password"))) {
            throw ApiError.invalidCredentials();
        }
        String deviceId = JsonExchange.text(body, "device_id");
        if (deviceId != null && (deviceId.isEmpty() || deviceId.length() > 256)) {
            throw ApiError.badRequest("INVALID_REQUEST", "'device_id' must be 1 to 256 characters");
        }
        replyWithPair(exchange, tokens.issue(username, deviceId, Map.of()));
    }

    /** {@code POST /api/v1/auth/refresh {"refresh_token","device_id"?}}. */
    void refresh(JsonExchange exchange) throws IOException {
        ObjectNode body = exchange.body();
        String inBody = JsonExchange.text(body, "refresh_token");
        TokenPair pair;
        try {
            pair = tokens.refresh(refreshToken(exchange, inBody), JsonExchange.text(body, "device_id"));
        } catch (RotorException refused) {
            if (usesCookie(inBody) && USED_UP.contains(refused.reason())) {
                clearCookie(exchange); // the token in it will never work again
            }
            throw refused;
        }
        replyWithPair(exchange, pair);
    }

    /** {@code POST /api/v1/auth/logout {"refresh_token"}}: 204. */
    void logout(JsonExchange exchange) throws IOException {
        tokens.logout(refreshToken(exchange, JsonExchange.text(exchange.body(), "refresh_token")));
        if (refreshTokenCookie) {
            clearCookie(exchange);
        }
        exchange.noContent();
    }

    /** {@code POST /api/v1/auth/logout-all} with a bearer access token: 204. */
    void logoutAll(JsonExchange exchange) throws IOException {
        AccessClaims caller = tokens.verifyAccessToken(exchange.bearerToken());
        tokens.logoutAll(caller.subject());
        exchange.noContent();
    }

    /** {@code GET /api/v1/auth/sessions} with a bearer access token. */
    void sessions(JsonExchange exchange) throws IOException {
        AccessClaims caller = tokens.verifyAccessToken(exchange.bearerToken());
        ArrayNode sessions = JsonExchange.JSON.createArrayNode();
        for (SessionInfo session : tokens.sessions(caller.subject())) {
            sessions.addObject()
                    .put("session_id", session.sessionId())
                    .put("device_id", session.deviceId())
                    .put("created_at", iso(session.createdAt()))
                    .put("last_refreshed_at", iso(session.lastRefreshedAt()))
                    .put("expires_at", iso(session.expiresAt()))
                    .put("current", session.sessionId().equals(caller.sessionId()));
        }
        ObjectNode reply = HttpApi.object();
        reply.set("sessions", sessions);
        exchange.reply(200, reply);
    }

    /** {@code POST /api/v1/auth/sessions/revoke {"session_id"}} with a bearer access token: 204, 404 if none. */
    void revokeSession(JsonExchange exchange) throws IOException {
        AccessClaims caller = tokens.verifyAccessToken(exchange.bearerToken());
        String sessionId = JsonExchange.text(exchange.body(), "session_id");
        if (sessionId == null) {
            throw ApiError.badRequest("INVALID_REQUEST", "'session_id' is required");
        }
        if (!tokens.logoutSession(caller.subject(), sessionId)) {
            throw new ApiError(404, "SESSION_NOT_FOUND", "The user has no live session with that id");
        }
        exchange.noContent();
    }

    /** {@code GET /api/v1/me} with a bearer access token. */
    void me(JsonExchange exchange) throws IOException {
        AccessClaims caller = tokens.verifyAccessToken(exchange.bearerToken());
        ObjectNode reply = HttpApi.object()
                .put("subject", caller.subject())
                .put("session_id", caller.sessionId())
                .put("device_id", caller.deviceId())
                .put("expires_at", iso(caller.expiresAt()));
        reply.set("claims", JsonExchange.JSON.valueToTree(caller.claims()));
        exchange.reply(200, reply);
    }

    /**
     * The token of the body, else of the cookie in cookie mode. A request that uses the cookie must say {@code
     * Content-Type: application/json} even without a body: a page of another origin (a sibling subdomain is
     * same-site, so the cookie goes along) cannot send that without a CORS preflight, which this server never
     * grants, so it cannot log the user out or rotate their token behind their back.
     */
    private String refreshToken(JsonExchange exchange, String inBody) {
        if (!usesCookie(inBody)) {
            return inBody;
        }
        exchange.requireJsonContentType();
        return exchange.cookie(COOKIE);
    }

    /** Whether the token comes from the cookie: cookie mode, and none in the body. */
    private boolean usesCookie(String inBody) {
        return refreshTokenCookie && inBody == null;
    }

    private static void clearCookie(JsonExchange exchange) {
        exchange.header("Set-Cookie", COOKIE + "=; Max-Age=0; Path=/api/v1/auth; HttpOnly; Secure; SameSite=Strict");
    }

    private void replyWithPair(JsonExchange exchange, TokenPair pair) throws IOException {
        ObjectNode reply = HttpApi.object().put("access_token", pair.accessToken());
        if (refreshTokenCookie) {
            exchange.header(
                    "Set-Cookie",
                    COOKIE + "=" + pair.refreshToken() + "; Max-Age=" + cookieMaxAgeSeconds
                            + "; Path=/api/v1/auth; HttpOnly; Secure; SameSite=Strict");
        } else {
            reply.put("refresh_token", pair.refreshToken());
        }
        exchange.reply(200, reply.put("expires_in", pair.expiresIn()));
    }

    private static String iso(Instant instant) {
        return instant.toString();
    }
}
