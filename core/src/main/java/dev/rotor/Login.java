package dev.rotor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link TokenService#issue(Login)} opens a session for: the user, and optionally the device, custom
 * access-token claims, the OAuth client the tokens are issued to and the granted scope.
 *
 * <pre>{@code
 * TokenPair pair = tokens.issue(Login.of("alice").withDevice("phone-1").withClientId("mobile-app").withScope("read"));
 * }</pre>
 *
 * <p>The client id and scope are written to every access token of the session ({@code client_id}, {@code
 * scope}, RFC 9068 §2.2) and kept across refreshes. The scope is the custom claim {@code scope}, which custom
 * claims may also give, under the same rule (a string of scope tokens one space apart), so a {@link
 * UserLookup} that returns fresh claims decides it anew on each refresh. The values are checked in {@code
 * issue}.
 *
 * @param subject the user id, 1 to 1024 characters
 * @param deviceId the device, 1 to 256 characters, or {@code null}
 * @param claims custom access-token claims, as for {@link TokenService#issue(String, String, Map)}
 * @param clientId the client the tokens are for, overriding {@link TokenServiceBuilder#clientId}; or {@code null}
 * @param scope space-separated scope tokens (RFC 6749 §3.3), or {@code null} for none; then the claims must not
 *     have {@code scope} too
 */
public record Login(String subject, String deviceId, Map<String, ?> claims, String clientId, String scope) {

    /**
     * Checks that the subject and claims are present and copies the claims, keeping their order.
     *
     * @param subject see {@link #subject()}
     * @param deviceId see {@link #deviceId()}
     * @param claims see {@link #claims()}
     * @param clientId see {@link #clientId()}
     * @param scope see {@link #scope()}
     * @throws NullPointerException if the subject or claims are {@code null}
     */
    public Login {
        Objects.requireNonNull(subject, "subject");
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(claims, "claims")));
    }

    /**
     * A login of a user with nothing else.
     *
     * @param subject the user id
     * @return the login
     * @throws NullPointerException if the subject is {@code null}
     */
    public static Login of(String subject) {
        return new Login(subject, null, Map.of(), null, null);
    }

    /**
     * This login on a device.
     *
     * @param deviceId the device, or {@code null}
     * @return a copy with the device
     */
    public Login withDevice(String deviceId) {
        return new Login(subject, deviceId, claims, clientId, scope);
    }

    /**
     * This login with custom access-token claims.
     *
     * @param claims the claims
     * @return a copy with the claims
     * @throws NullPointerException if the claims are {@code null}
     */
    public Login withClaims(Map<String, ?> claims) {
        return new Login(subject, deviceId, claims, clientId, scope);
    }

    /**
     * This login issued to a client of its own.
     *
     * @param clientId the client id, or {@code null} for the configured one
     * @return a copy with the client id
     */
    public Login withClientId(String clientId) {
        return new Login(subject, deviceId, claims, clientId, scope);
    }

    /**
     * This login with a granted scope.
     *
     * @param scope space-separated scope tokens, or {@code null}
     * @return a copy with the scope
     */
    public Login withScope(String scope) {
        return new Login(subject, deviceId, claims, clientId, scope);
    }
}
