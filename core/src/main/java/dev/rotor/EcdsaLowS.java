package dev.rotor;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * ES256 signatures in one spelling only. An ECDSA signature {@code (r, s)} has a twin {@code (r, n - s)} that
 * verifies as well, so every ES256 token would have a second valid string; Rotor mints the twin with the
 * smaller {@code s} and refuses the other, as it refuses non-canonical base64url.
 */
final class EcdsaLowS {

    private static final BigInteger ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    private static final BigInteger HALF_ORDER = ORDER.shiftRight(1);
    private static final int PART = 32;

    private EcdsaLowS() {}

    /** The signature ({@code r || s}, 64 bytes) with {@code s} in the lower half of the group order. */
    static byte[] normalize(byte[] signature) {
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, PART, 2 * PART));
        if (s.compareTo(HALF_ORDER) <= 0) {
            return signature;
        }
        byte[] low = ORDER.subtract(s).toByteArray();
        byte[] normalized = Arrays.copyOf(signature, 2 * PART);
        Arrays.fill(normalized, PART, 2 * PART, (byte) 0);
        int length = Math.min(low.length, PART);
        System.arraycopy(low, low.length - length, normalized, 2 * PART - length, length);
        return normalized;
    }

    /** Whether a 64-byte {@code r || s} signature has {@code s} in the lower half of the group order. */
    static boolean isLow(byte[] signature) {
        return signature.length == 2 * PART
                && new BigInteger(1, Arrays.copyOfRange(signature, PART, 2 * PART)).compareTo(HALF_ORDER) <= 0;
    }
}
