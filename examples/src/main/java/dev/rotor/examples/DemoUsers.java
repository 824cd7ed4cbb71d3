package dev.rotor.examples;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo's users, from {@code name:password,name:password}. Passwords are compared as SHA-256 digests in
 * constant time, and an unknown user costs the same comparison, so timing tells nothing. A real application
 * checks credentials in its own user store.
 */
final class DemoUsers {

    private static final byte[] NOBODY = digest("no such user");

    private final Map<String, byte[]> passwordDigests = new HashMap<>();

    DemoUsers(String spec) {
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

    boolean exists(String username) {
        return passwordDigests.containsKey(username);
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
