package dev.rotor;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a verified access token says.
 *
 * @param subject the user ({@code sub})
 * @param sessionId the session the token was minted for ({@code sid})
 * @param tokenId the token's id ({@code jti})
 * @param deviceId the session's device ({@code did}), or {@code null}
 * @param issuedAt when it was minted ({@code iat})
 * @param expiresAt when it expires ({@code exp})
 * @param claims the custom claims in token order, unmodifiable; nested objects are maps, arrays are lists
 * @param clientId the client the token was issued to ({@code client_id}), or {@code null}
 * @param scope the granted scope: the claim {@code scope} (RFC 9068 §2.2.3, space-separated scope tokens, held to
 *     one rule whether it came from {@link Login#withScope} or a custom claim), or {@code null}
 */
public record AccessClaims(
        String subject,
        String sessionId,
        String tokenId,
        String deviceId,
        Instant issuedAt,
        Instant expiresAt,
        Map<String, Object> claims,
        String clientId,
        String scope) {

    /**
     * Checks the components.
     *
     * @param subject see {@link #subject()}
     * @param sessionId see {@link #sessionId()}
     * @param tokenId see {@link #tokenId()}
     * @param deviceId see {@link #deviceId()}
     * @param issuedAt see {@link #issuedAt()}
     * @param expiresAt see {@link #expiresAt()}
     * @param claims see {@link #claims()}
     * @param clientId see {@link #clientId()}
     * @param scope see {@link #scope()}
     * @throws NullPointerException if a required component is {@code null}
     */
    public AccessClaims {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        claims = claims instanceof ReadOnlyClaims ? claims : Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }
}
