package dev.rotor;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Turns custom access-token claims into the JSON object text Rotor signs, refusing what it could not read. */
final class CustomClaims {

    /** Registered claims Rotor writes itself; a custom claim may not take their names. */
    static final Set<String> RESERVED =
            Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "sid", "gen", "did", "clm", "client_id");

    /**
     * The one registered claim a caller may write (RFC 9068 §2.2.3), through {@link Login#withScope} or as a
     * custom claim, held to the same rule either way.
     */
    static final String SCOPE = "scope";

    /** Most custom claims per token; with the registered ones it stays under {@link PayloadParser#MAX_CLAIMS}. */
    static final int MAX_CUSTOM = PayloadParser.MAX_CLAIMS - RESERVED.size();

    static final String NONE = "{}";

    private CustomClaims() {}

    /**
     * @throws IllegalArgumentException if a name is reserved, there are too many claims, a value has an
     *     unsupported type or nests deeper than a token may, or {@code scope} is no string of scope tokens
     */
    static String toJson(Map<String, ?> claims) {
        Objects.requireNonNull(claims, "claims");
        if (claims.isEmpty()) {
            return NONE;
        }
        if (claims.size() > MAX_CUSTOM) {
            throw new IllegalArgumentException("at most " + MAX_CUSTOM + " custom claims per token");
        }
        StringBuilder out = new StringBuilder(64).append('{');
        for (Map.Entry<String, ?> claim : claims.entrySet()) {
            String name = Objects.requireNonNull(claim.getKey(), "claim name");
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("claim name '" + name + "' is reserved by Rotor");
            }
            if (SCOPE.equals(name)) {
                requireScope(claim.getValue());
            }
            out.append(out.length() == 1 ? "" : ",");
            JsonWriter.string(out, name);
            out.append(':');
            // The payload object and the refresh token's "clm" object take two levels.
            JsonWriter.value(out, claim.getValue(), PayloadParser.MAX_DEPTH - 2);
        }
        return out.append('}').toString();
    }

    private static void requireScope(Object value) {
        if (!(value instanceof String scope)) {
            throw new IllegalArgumentException("claim 'scope' must be a string of scope tokens one space apart"
                    + " (RFC 6749 §3.3), as Login.withScope takes");
        }
        Inputs.scope(scope);
    }
}
