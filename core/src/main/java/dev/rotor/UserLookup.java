package dev.rotor;

import java.util.Map;
import java.util.Optional;

/**
 * Asks the application about a user before a refresh mints new tokens. Set with {@link
 * TokenServiceBuilder#userLookup(UserLookup)}.
 */
@FunctionalInterface
public interface UserLookup {

    /**
     * Says whether the subject still exists and which custom claims its new access token carries.
     *
     * <p>Called once per refresh, after the refresh token is verified and before the store is touched.
     * An empty answer fails the refresh with {@code USER_NOT_FOUND} and leaves the session as it was.
     *
     * @param subject the token's subject
     * @param sessionClaims the custom claims given at login; return them to keep them
     * @return the claims for the new access token, or empty if the user no longer exists
     */
    Optional<Map<String, Object>> lookup(String subject, Map<String, Object> sessionClaims);
}
