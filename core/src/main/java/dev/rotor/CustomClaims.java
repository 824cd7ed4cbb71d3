package dev.rotor;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Turns custom access-token claims into the JSON object text Rotor signs, refusing what it could not read. */
final class CustomClaims {

    /** Registered claims Rotor writes itself; a custom claim may not take their names. */
    static final Set<String> RESERVED =
            Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "sid", "gen", "did", "clm", "client_id");

    /** Most custom claims per token; with the registered ones it stays under {@link PayloadParser#MAX_CLAIMS}. */
    static final int MAX_CUSTOM = PayloadParser.MAX_CLAIMS - RESERVED.size();

    static final String NONE = "{}";

    private CustomClaims() {}

    /**
     * @throws IllegalArgumentException if a name is reserved, there are too many claims, a value has an
     *     unsupported type or nests deeper than a token may
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
            out.append(out.length() == 1 ? "" : ",");
            JsonWriter.string(out, name);
            out.append(':');
            // The payload object and the refresh token's "clm" object take two levels.
            JsonWriter.value(out, claim.getValue(), PayloadParser.MAX_DEPTH - 2);
        }
        return out.append('}').toString();
    }
}
