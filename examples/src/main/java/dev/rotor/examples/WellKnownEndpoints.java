package dev.rotor.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rotor.TokenService;
import java.io.IOException;

/**
 * What resource servers fetch to verify the server's access tokens: the JWK Set (RFC 7517) and the
 * authorization server metadata (RFC 8414) that points to it. Both are public and may be cached for five
 * minutes.
 */
final class WellKnownEndpoints {

    static final String JWKS_PATH = "/.well-known/jwks.json";
    static final String METADATA_PATH = "/.well-known/oauth-authorization-server";
    private static final int MAX_AGE_SECONDS = 300;

    private final String jwkSet;
    private final String issuer;
    private final String issuerUrl;

    WellKnownEndpoints(TokenService tokens, IdentitySettings identity) {
        this.jwkSet = tokens.jwkSet();
        this.issuer = identity.issuer() == null ? "rotor" : identity.issuer();
        this.issuerUrl = identity.issuerUrl();
    }

    /** {@code GET /.well-known/jwks.json}: the public keys; empty with HS256, whose secret is never shown. */
    void jwks(JsonExchange exchange) throws IOException {
        exchange.replyPublic(jwkSet, MAX_AGE_SECONDS);
    }

    /**
     * {@code GET /.well-known/oauth-authorization-server}: {@code issuer}, {@code jwks_uri} and an empty {@code
     * response_types_supported}. The URL comes
     * from {@code ISSUER} when it is one; otherwise from the request's own address, for local trials.
     */
    void metadata(JsonExchange exchange) throws IOException {
        String base = issuerUrl != null ? issuerUrl : exchange.ownUrl();
        ObjectNode metadata = HttpApi.object().put("issuer", issuer).put("jwks_uri", base + JWKS_PATH);
        // Required by RFC 8414 §2. This server has no authorization endpoint (users log in with a password at
        // its own API), so it supports no response_type: the list is empty.
        metadata.putArray("response_types_supported");
        exchange.replyPublic(JsonExchange.JSON.writeValueAsString(metadata), MAX_AGE_SECONDS);
    }
}
