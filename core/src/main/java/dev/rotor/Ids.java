package dev.rotor;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Random ids: session ids from a CSPRNG, request ids cheaply (they only need to be unique). */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private Ids() {}

    /** 128 random bits, base64url: 22 characters of {@code A-Z a-z 0-9 - _}. */
    static String sessionId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** Whether a string could be a session id Rotor issued: 22 characters of base64url. */
    static boolean isSessionId(String value) {
        return SESSION_ID.matcher(value).matches();
    }

    /**
     * 96 random bits, base64url: 16 characters. Request ids never leave the service, so a caller cannot
     * choose one; they only need to differ between two refreshes of one session at one generation.
     */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong();
        int low = random.nextInt();
        byte[] bytes = new byte[12];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (high >>> (8 * i));
        }
        for (int i = 0; i < 4; i++) {
            bytes[8 + i] = (byte) (low >>> (8 * i));
        }
        return ENCODER.encodeToString(bytes);
    }
}
