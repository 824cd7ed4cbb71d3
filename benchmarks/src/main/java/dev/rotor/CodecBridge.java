package dev.rotor;

import java.util.List;
import java.util.Map;

/**
 * Reaches core's package-private token codec, for {@code SignBench}: minting a lone access token is not
 * part of the public API (a login also opens a session).
 */
public final class CodecBridge {

    private final TokenCodec codec;
    private final String claims;

    /**
     * A codec that signs with {@code key} for {@code issuer}.
     *
     * @param key the signing key
     * @param issuer the {@code iss} claim
     * @param claims the custom claims every minted access token carries
     */
    public CodecBridge(JwtKey key, String issuer, Map<String, ?> claims) {
        this.codec = new TokenCodec(
                new KeyRing(key, List.of(), null), issuer, List.of(), issuer + "/refresh", null, 0, 8192);
        this.claims = CustomClaims.toJson(claims);
    }

    /**
     * Mints an access token: header, {@code iss sub sid did jti iat exp} and the custom claims, signed.
     *
     * @param subject the subject
     * @param sessionId the session
     * @param generation the generation, which makes the {@code jti}
     * @param iat issued-at, epoch seconds
     * @param exp expiry, epoch seconds
     * @return the token
     */
    public String mintAccess(String subject, String sessionId, long generation, long iat, long exp) {
        return codec.mintAccess(subject, sessionId, generation, null, null, iat, exp, claims);
    }
}
