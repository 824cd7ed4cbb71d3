package dev.rotor;

import java.util.List;
import java.util.Map;

/**
 * <b>Not part of Rotor's API.</b> The token codec alone, with no session and no store: the entry point
 * Rotor's own benchmarks use to time minting and verifying on their own, which the public API always
 * combines with a store call. It may change or go in any release; applications use {@link TokenService}.
 */
public final class InternalCodec {

    private final TokenCodec codec;
    private final String claims;

    private InternalCodec(TokenCodec codec, String claims) {
        this.codec = codec;
        this.claims = claims;
    }

    /**
     * A codec that signs access tokens with {@code key} and refresh tokens with the key derived from it, for
     * {@code issuer}, as a service built with only these settings would: no access-token audience, refresh
     * tokens for the issuer followed by {@code /refresh}, no leeway, the default maximum token length.
     *
     * @param key the signing key
     * @param issuer the {@code iss} claim
     * @param claims the custom claims every token it mints carries
     * @return the codec
     * @throws IllegalArgumentException if a claim is reserved or of an unsupported type
     */
    public static InternalCodec of(JwtKey key, String issuer, Map<String, ?> claims) {
        TokenCodec codec = new TokenCodec(
                new KeyRing(key, List.of(), null),
                issuer,
                List.of(),
                TokenServiceBuilder.refreshEndpoint(issuer),
                null,
                0,
                8192);
        return new InternalCodec(codec, CustomClaims.toJson(claims));
    }

    /**
     * Mints an access token of a session without a device.
     *
     * @param subject the subject
     * @param sessionId the session
     * @param generation the generation, which makes the {@code jti}
     * @param iat issued-at, epoch seconds
     * @param exp expiry, epoch seconds
     * @return the token
     * @throws IllegalArgumentException if the token would be over the maximum length
     */
    public String mintAccess(String subject, String sessionId, long generation, long iat, long exp) {
        return codec.mintAccess(subject, sessionId, generation, null, null, iat, exp, claims);
    }

    /**
     * Mints a refresh token of a session without a device, carrying the custom claims.
     *
     * @param subject the subject
     * @param sessionId the session
     * @param generation the generation
     * @param iat issued-at, epoch seconds
     * @param exp expiry, epoch seconds
     * @return the token
     * @throws IllegalArgumentException if the token would be over the maximum length
     */
    public String mintRefresh(String subject, String sessionId, long generation, long iat, long exp) {
        return codec.mintRefresh(subject, sessionId, generation, null, null, iat, exp, claims);
    }

    /**
     * Verifies a refresh token as a refresh does, before its store call.
     *
     * @param token the refresh token
     * @param nowMillis the time, epoch milliseconds
     * @return its generation
     * @throws RotorException with {@code TOKEN_INVALID} or {@code TOKEN_EXPIRED} if it is refused
     */
    public long verifyRefresh(String token, long nowMillis) {
        VerifiedToken verified;
        try {
            verified = codec.verify(token, TokenType.REFRESH, nowMillis, true);
        } catch (TokenRejection rejection) {
            throw RotorException.refreshFailure(rejection.reason, false);
        }
        if (verified == null) {
            throw RotorException.refreshFailure(RotorException.Reason.TOKEN_INVALID, false);
        }
        return verified.generation();
    }
}
