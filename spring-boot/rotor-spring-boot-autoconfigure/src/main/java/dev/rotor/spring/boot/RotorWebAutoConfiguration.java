package dev.rotor.spring.boot;

import dev.rotor.TokenService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Token responses for the application's login ({@link RotorTokenResponses}) in a servlet web application, and,
 * with {@code rotor.web.endpoints.enabled=true}, the endpoints after login under {@code
 * rotor.web.endpoints.base-path} (default {@code /api/v1/auth}): {@code POST refresh}, {@code POST logout},
 * {@code POST logout-all}, {@code GET sessions} and {@code POST sessions/revoke}; and the access-token keys'
 * JWK Set at {@code /.well-known/jwks.json} with metadata (RFC 8414) at {@code
 * /.well-known/oauth-authorization-server}.
 */
@AutoConfiguration(after = RotorAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({RouterFunction.class, HttpServletRequest.class})
@ConditionalOnBean(TokenService.class)
public class RotorWebAutoConfiguration {

    /** Where the JWK Set is served. */
    static final String JWKS = "/.well-known/jwks.json";

    /** Where the authorization server metadata is served. */
    static final String METADATA = "/.well-known/oauth-authorization-server";

    /** Both well-known documents are public and may be cached by shared caches for five minutes. */
    private static final String PUBLIC_FIVE_MINUTES = "public, max-age=300";

    /** Created by Spring. */
    public RotorWebAutoConfiguration() {}

    /**
     * Builds token replies.
     *
     * @param tokens the token service
     * @param properties the settings
     * @return the responses
     */
    @Bean
    @ConditionalOnMissingBean
    public RotorTokenResponses rotorTokenResponses(TokenService tokens, RotorProperties properties) {
        return new RotorTokenResponses(tokens, properties);
    }

    /**
     * Routes the endpoints; a known path with another method answers 405 with {@code Allow}.
     *
     * @param tokens the token service
     * @param responses the token replies
     * @param properties the settings
     * @return the routes
     */
    @Bean
    @ConditionalOnProperty(name = "rotor.web.endpoints.enabled", havingValue = "true")
    public RouterFunction<ServerResponse> rotorTokenEndpoints(
            TokenService tokens, RotorTokenResponses responses, RotorProperties properties) {
        RotorTokenEndpoints endpoints = new RotorTokenEndpoints(tokens, responses);
        String base = properties.getWeb().getEndpoints().getBasePath().replaceAll("/+$", "");
        return RouterFunctions.route()
                .POST(
                        base + "/refresh",
                        request -> reply(endpoints.handle(request.servletRequest(), endpoints::refresh)))
                .POST(base + "/logout", request -> reply(endpoints.handle(request.servletRequest(), endpoints::logout)))
                .POST(
                        base + "/logout-all",
                        request -> reply(endpoints.handle(request.servletRequest(), endpoints::logoutAll, true)))
                .GET(
                        base + "/sessions",
                        request -> reply(endpoints.handle(request.servletRequest(), endpoints::sessions, true)))
                .POST(
                        base + "/sessions/revoke",
                        request -> reply(endpoints.handle(request.servletRequest(), endpoints::revokeSession, true)))
                .GET(JWKS, request -> jwkSet(tokens))
                .GET(METADATA, request -> metadata(request, properties.getIssuer()))
                .route(RequestPredicates.path(base + "/refresh"), request -> wrongMethod("POST"))
                .route(RequestPredicates.path(base + "/logout"), request -> wrongMethod("POST"))
                .route(RequestPredicates.path(base + "/logout-all"), request -> wrongMethod("POST"))
                .route(RequestPredicates.path(base + "/sessions"), request -> wrongMethod("GET"))
                .route(RequestPredicates.path(base + "/sessions/revoke"), request -> wrongMethod("POST"))
                .build();
    }

    /** The JWK Set of the access-token keys (RFC 7517), for resource servers such as NimbusJwtDecoder. */
    static ServerResponse jwkSet(TokenService tokens) {
        return ServerResponse.ok()
                .header(HttpHeaders.CONTENT_TYPE, ErrorResponses.JSON)
                .header(HttpHeaders.CACHE_CONTROL, PUBLIC_FIVE_MINUTES)
                .body(tokens.jwkSet());
    }

    /** Authorization server metadata (RFC 8414): the issuer, where its JWK Set is, no response types. */
    static ServerResponse metadata(ServerRequest request, String issuer) {
        String jwksUri = request.uriBuilder()
                .replacePath(JWKS)
                .replaceQuery(null)
                .build()
                .toString();
        return ServerResponse.ok()
                .header(HttpHeaders.CONTENT_TYPE, ErrorResponses.JSON)
                .header(HttpHeaders.CACHE_CONTROL, PUBLIC_FIVE_MINUTES)
                // response_types_supported is required by RFC 8414 §2; login is the application's own, not an
                // authorization endpoint, so the list is empty (as the plain example server answers).
                .body("{\"issuer\":" + ErrorResponses.quote(issuer) + ",\"jwks_uri\":" + ErrorResponses.quote(jwksUri)
                        + ",\"response_types_supported\":[]}");
    }

    private static ServerResponse wrongMethod(String allowed) {
        ResponseEntity<String> reply = RotorTokenResponses.error(405, "METHOD_NOT_ALLOWED", "Use " + allowed);
        return ServerResponse.status(405)
                .headers(headers -> headers.addAll(reply.getHeaders()))
                .header(HttpHeaders.ALLOW, allowed)
                .body(reply.getBody());
    }

    /** A {@link ResponseEntity} as a functional-endpoint reply. */
    static ServerResponse reply(ResponseEntity<String> entity) {
        ServerResponse.BodyBuilder reply =
                ServerResponse.status(entity.getStatusCode()).headers(headers -> headers.addAll(entity.getHeaders()));
        return entity.getBody() == null ? reply.build() : reply.body(entity.getBody());
    }
}
