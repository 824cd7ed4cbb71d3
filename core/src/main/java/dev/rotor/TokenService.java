package dev.rotor;

import java.util.List;
import java.util.Map;

/**
 * Issues, rotates, verifies and revokes tokens. Build one per application with {@link #builder()} and share
 * it: it is thread-safe and holds no per-call state.
 *
 * <p>A login ({@link #issue}) opens a <em>session</em> and returns a short-lived access token with a
 * refresh token. Each {@link #refresh} presents the refresh token once and gets a new pair; the old refresh
 * token is dead from then on. Presenting it again is reuse, a sign it was stolen: the refresh fails with
 * {@code TOKEN_REUSED} and, in the same atomic store step, the session or every session of the user is
 * revoked (see {@link ReuseScope}). Of any number of concurrent refreshes with the same token, exactly one
 * rotates the session; with the grace period off every other one is refused, with it on up to its replay
 * bound get the same successor back.
 *
 * <pre>{@code
 * TokenService tokens = TokenService.builder()
 *         .signingKey(JwtKey.hs256("2026-01", secret))
 *         .store(CaffeineSessionStore.create())
 *         .build();
 * TokenPair pair = tokens.issue("alice");
 * TokenPair next = tokens.refresh(pair.refreshToken());
 * AccessClaims claims = tokens.verifyAccessToken(next.accessToken());
 * }</pre>
 *
 * <p>Every method that takes a token throws {@link RotorException} when it refuses it; a method that
 * touches the store throws {@link RotorException} with {@code STORE_UNAVAILABLE} when the store fails, and
 * then has issued nothing.
 */
public interface TokenService {

    /**
     * Starts configuring a token service.
     *
     * @return a new builder
     */
    static TokenServiceBuilder builder() {
        return new TokenServiceBuilder();
    }

    /**
     * Logs a user in: opens a session without device and custom claims.
     *
     * @param subject the user id, 1 to 1024 characters
     * @return the first token pair of the new session
     * @throws IllegalArgumentException if the subject is empty, over 1024 characters or malformed (an unpaired
     *     surrogate)
     * @throws NullPointerException if the subject is {@code null}
     * @throws RotorException with {@code STORE_UNAVAILABLE} if the session could not be stored, or {@code
     *     SESSION_LIMIT_REACHED} if the user holds {@link TokenServiceBuilder#maxSessionsPerUser(int,
     *     SessionLimitPolicy) the most sessions allowed} under {@link SessionLimitPolicy#REJECT_NEW} (under
     *     the default policy the oldest session is evicted instead)
     */
    TokenPair issue(String subject);

    /**
     * Logs a user in on a device: opens a session whose access tokens carry custom claims.
     *
     * @param subject the user id, 1 to 1024 characters
     * @param deviceId the device, 1 to 256 characters, or {@code null}
     * @param claims custom access-token claims (strings, numbers, booleans, lists and maps of them); kept
     *     for the session's later access tokens unless a {@link UserLookup} replaces them
     * @return the first token pair of the new session
     * @throws IllegalArgumentException if an argument is out of range, a claim name is reserved ({@code
     *     iss sub aud exp nbf iat jti sid gen did clm client_id}), a claim {@code scope} is not a string of scope
     *     tokens one space apart (the rule of {@link Login#withScope}), a value unsupported, or the tokens too
     *     long
     * @throws NullPointerException if the subject or claims are {@code null}
     * @throws RotorException with {@code STORE_UNAVAILABLE} if the session could not be stored, or {@code
     *     SESSION_LIMIT_REACHED} if the user holds {@link TokenServiceBuilder#maxSessionsPerUser(int,
     *     SessionLimitPolicy) the most sessions allowed} under {@link SessionLimitPolicy#REJECT_NEW} (under
     *     the default policy the oldest session is evicted instead)
     */
    TokenPair issue(String subject, String deviceId, Map<String, ?> claims);

    /**
     * Logs a user in with everything a login can say: device, custom claims, and the OAuth client and scope
     * written to the session's access tokens ({@code client_id}, {@code scope}) and kept across refreshes.
     *
     * @param login the login
     * @return the first token pair of the new session
     * @throws IllegalArgumentException as {@link #issue(String, String, Map)}, or if the client id is not 1 to
     *     256 printable ASCII characters, the scope not scope tokens one space apart (RFC 6749 §3.3), or given
     *     both as the scope and as a claim
     * @throws NullPointerException if the login is {@code null}
     * @throws RotorException with {@code STORE_UNAVAILABLE} if the session could not be stored
     */
    TokenPair issue(Login login);

    /**
     * Rotates a refresh token: returns a new pair and makes the presented refresh token dead.
     *
     * @param refreshToken the refresh token from the last login or refresh
     * @return the new pair
     * @throws RotorException {@code REFRESH_TOKEN_REQUIRED}, {@code TOKEN_INVALID}, {@code TOKEN_EXPIRED},
     *     {@code TOKEN_REUSED}, {@code TOKEN_REVOKED}, {@code USER_NOT_FOUND} or {@code STORE_UNAVAILABLE}
     * @throws IllegalArgumentException if the {@link UserLookup} returned claims a token cannot carry (a
     *     registered name, an unsupported value, too long for {@code maxTokenLength}); nothing was rotated
     */
    TokenPair refresh(String refreshToken);

    /**
     * Rotates a refresh token presented from a device. If the session was opened on a device, the device
     * claimed here must be the same, or the refresh fails with {@code TOKEN_INVALID} and changes nothing.
     *
     * @param refreshToken the refresh token from the last login or refresh
     * @param deviceId the device the client says it is, or {@code null} to skip the check
     * @return the new pair
     * @throws RotorException as {@link #refresh(String)}
     */
    TokenPair refresh(String refreshToken, String deviceId);

    /**
     * Verifies an access token. With {@link TokenServiceBuilder#liveSessionCheck} also checks that its
     * session is still live, so a logout takes effect at once.
     *
     * @param accessToken the token from an {@code Authorization: Bearer} header
     * @return its claims
     * @throws RotorException {@code TOKEN_INVALID}, {@code TOKEN_EXPIRED}, or with the live-session check
     *     {@code TOKEN_REVOKED} or {@code STORE_UNAVAILABLE}
     */
    AccessClaims verifyAccessToken(String accessToken);

    /**
     * Logs out the session a refresh token belongs to. Accepts an expired token, as long as it is
     * genuine. Idempotent.
     *
     * @param refreshToken any refresh token of the session
     * @return {@code true} if a live session was revoked
     * @throws RotorException {@code REFRESH_TOKEN_REQUIRED}, {@code TOKEN_INVALID} or {@code
     *     STORE_UNAVAILABLE}
     */
    boolean logout(String refreshToken);

    /**
     * Logs out one session of a user, such as a device picked from {@link #sessions}. Idempotent.
     *
     * @param subject the user
     * @param sessionId the session; a string that is no session id Rotor issued is no session, and the store
     *     is not asked
     * @return {@code true} if a live session was revoked
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if the subject is empty, over 1024 characters or malformed
     * @throws RotorException with {@code STORE_UNAVAILABLE} if the store failed
     */
    boolean logoutSession(String subject, String sessionId);

    /**
     * Logs out every session of a user, on every device, in one atomic step. Idempotent.
     *
     * @param subject the user
     * @return how many live sessions were revoked
     * @throws NullPointerException if the subject is {@code null}
     * @throws IllegalArgumentException if the subject is empty, over 1024 characters or malformed
     * @throws RotorException with {@code STORE_UNAVAILABLE} if the store failed
     */
    int logoutAll(String subject);

    /**
     * Lists the live sessions of a user, oldest first.
     *
     * @param subject the user
     * @return the sessions, possibly empty
     * @throws NullPointerException if the subject is {@code null}
     * @throws IllegalArgumentException if the subject is empty, over 1024 characters or malformed
     * @throws RotorException with {@code STORE_UNAVAILABLE} if the store failed
     */
    List<SessionInfo> sessions(String subject);

    /**
     * The JWK Set (RFC 7517) that lets other services verify access tokens: the public half of the signing key
     * and of every retired verification key that is RS256 or ES256, each with {@code kty}, {@code kid}, {@code
     * alg}, {@code use: "sig"} and {@code n}/{@code e} or {@code crv}/{@code x}/{@code y}. Serve it at a URL
     * such as {@code /.well-known/jwks.json}.
     *
     * <p>It never holds a secret or a private key part, and never the refresh-token key, so no verifier can
     * check a refresh token. HS256 keys are left out because their secret both signs and verifies: publishing
     * it would let anyone mint tokens. A service with only HS256 keys therefore returns {@code {"keys":[]}}; use
     * RS256 or ES256 when other services verify its tokens.
     *
     * @return the JWK Set as JSON, the same text on every call
     */
    String jwkSet();
}
