package dev.rotor.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.rotor.RotorException;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes requests to {@link AuthEndpoints} and turns every refusal into the original Go service's error body.
 * Unknown paths answer 404, known paths with the wrong method 405; nothing answers with a stack trace.
 */
final class HttpApi implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    /** One endpoint's handler. */
    @FunctionalInterface
    interface Endpoint {
        void handle(JsonExchange exchange) throws IOException;
    }

    /** {@code bearer}: the endpoint takes an access token, so its 401s say so (RFC 6750 §3). */
    private record Route(String method, Endpoint endpoint, boolean bearer) {

        Route(String method, Endpoint endpoint) {
            this(method, endpoint, false);
        }
    }

    private final Map<String, Route> routes;

    HttpApi(AuthEndpoints endpoints, WellKnownEndpoints wellKnown) {
        this.routes = Map.of(
                "/api/v1/auth/login",
                new Route("POST", endpoints::login),
                "/api/v1/auth/refresh",
                new Route("POST", endpoints::refresh),
                "/api/v1/auth/logout",
                new Route("POST", endpoints::logout),
                "/api/v1/auth/logout-all",
                new Route("POST", endpoints::logoutAll, true),
                "/api/v1/auth/sessions",
                new Route("GET", endpoints::sessions, true),
                "/api/v1/auth/sessions/revoke",
                new Route("POST", endpoints::revokeSession, true),
                "/api/v1/me",
                new Route("GET", endpoints::me, true),
                WellKnownEndpoints.JWKS_PATH,
                new Route("GET", wellKnown::jwks),
                WellKnownEndpoints.METADATA_PATH,
                new Route("GET", wellKnown::metadata));
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        JsonExchange exchange = new JsonExchange(http);
        String path = http.getRequestURI().getPath();
        int status = 500;
        String reason = "INTERNAL";
        try {
            Route route = routes.get(path);
            if (route == null) {
                throw new ApiError(404, "NOT_FOUND", "No such endpoint");
            }
            if (!route.method().equals(http.getRequestMethod())) {
                exchange.header("Allow", route.method());
                throw new ApiError(405, "METHOD_NOT_ALLOWED", "Use " + route.method());
            }
            route.endpoint().handle(exchange);
            status = http.getResponseCode();
            reason = "OK";
        } catch (RotorException e) {
            status = e.httpStatus();
            reason = e.reason().name();
            Route route = routes.get(path);
            if (status == 401 && route != null && route.bearer()) {
                exchange.header("WWW-Authenticate", bearerChallenge(e));
            }
            exchange.replyRaw(status, e.toJson(exchange.locale()));
        } catch (ApiError e) {
            status = e.status;
            reason = e.reason;
            exchange.reply(status, errorBody(status, reason, e.getMessage()));
        } catch (IllegalArgumentException e) {
            status = 400;
            reason = "INVALID_REQUEST";
            exchange.reply(status, errorBody(status, reason, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error(
                    "Unexpected failure on {} {}",
                    AccessLog.printable(http.getRequestMethod()),
                    AccessLog.printable(path),
                    e);
            exchange.reply(500, errorBody(500, reason, "Internal error"));
        } finally {
            AccessLog.request(http.getRequestMethod(), path, status, reason);
            http.close();
        }
    }

    /**
     * {@code Bearer error="invalid_token", error_description="..."}: the English message, with only the
     * characters RFC 6750 §3 allows in it.
     */
    private static String bearerChallenge(RotorException e) {
        String description = e.message(java.util.Locale.ENGLISH);
        return "Bearer error=\"invalid_token\", error_description=\""
                + description.replaceAll("[^\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]", "?") + "\"";
    }

    static ObjectNode object() {
        return JsonExchange.JSON.createObjectNode();
    }

    /** The original Go service's error body, its fields in that service's order. */
    private static ObjectNode errorBody(int status, String reason, String message) {
        ObjectNode body = object();
        body.putObject("error").put("code", status).put("reason", reason).put("message", message);
        return body;
    }
}
