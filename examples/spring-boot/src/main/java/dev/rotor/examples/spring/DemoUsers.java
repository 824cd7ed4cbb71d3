package dev.rotor.examples.spring;

import dev.rotor.UserLookup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo's users, from {@code DEMO_USERS} ({@code name:password,...}). Passwords are compared as SHA-256
 * digests in constant time, and an unknown user costs the same. Also Rotor's {@link UserLookup}: a refresh of a
 * user who is gone fails with {@code USER_NOT_FOUND}. A real application checks its own user store.
 */
@Component
class DemoUsers implements UserLookup {

    private static final byte[] NOBODY = digest("no such user");

    private final Map<String, byte[]> passwordDigests = new HashMap<>();

    DemoUsers(@Value("${demo.users}") String spec) {
        for (String entry : spec.split(",")) {
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("DEMO_USERS must be name:password pairs separated by commas");
            }
            passwordDigests.put(entry.substring(0, colon).trim(), digest(entry.substring(colon + 1)));
        }
    }

    boolean check(String username, String password) {
        byte[] expected = passwordDigests.getOrDefault(username == null ? "" : username, NOBODY);
        boolean matches = MessageDigest.isEqual(expected, digest(password == null ? "" : password));
        return matches && expected != NOBODY;
    }

    @Override
    public Optional<Map<String, Object>> lookup(String subject, Map<String, Object> sessionClaims) {
        return passwordDigests.containsKey(subject) ? Optional.of(sessionClaims) : Optional.empty();
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
