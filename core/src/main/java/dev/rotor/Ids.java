package dev.rotor;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** Random ids: session ids from a CSPRNG, request ids cheaply (they only need to be unique). */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Ids() {}

    /** 128 random bits, base64url: 22 characters of {@code A-Z a-z 0-9 - _}. */
    static String sessionId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /**
     * 128 random bits in hex. Request ids never leave the service, so a caller cannot choose one; they
     * only need to differ between calls.
     */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    }
}
