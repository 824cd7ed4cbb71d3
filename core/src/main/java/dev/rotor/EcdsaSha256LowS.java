package dev.rotor;

import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.math.BigInteger;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * java-jwt's ES256 with one spelling per signature. An ECDSA signature {@code (r, s)} has a twin {@code (r, n -
 * s)} that verifies as well, so every ES256 token would have a second valid string; this signs with the
 * smaller {@code s} and refuses the other, as Rotor refuses non-canonical base64url.
 */
final class EcdsaSha256LowS extends Algorithm {

    /** The order of curve P-256's group. */
    static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private static final BigInteger HALF_ORDER = P256_ORDER.shiftRight(1);
    private static final int PART = 32;

    private final Algorithm ecdsa;

    /** {@code privateKey} may be {@code null} for a key that only verifies. */
    EcdsaSha256LowS(ECPublicKey publicKey, ECPrivateKey privateKey) {
        super("ES256", "SHA256withECDSA");
        this.ecdsa = Algorithm.ECDSA256(publicKey, privateKey);
    }

    @Override
    public byte[] sign(byte[] headerBytes, byte[] payloadBytes) {
        return lowS(ecdsa.sign(headerBytes, payloadBytes));
    }

    @Override
    public byte[] sign(byte[] contentBytes) {
        return lowS(ecdsa.sign(contentBytes));
    }

    @Override
    public void verify(DecodedJWT jwt) {
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(jwt.getSignature());
        } catch (IllegalArgumentException e) {
            throw new SignatureVerificationException(this, e);
        }
        if (signature.length != 2 * PART || s(signature).compareTo(HALF_ORDER) > 0) {
            throw new SignatureVerificationException(this);
        }
        ecdsa.verify(jwt);
    }

    /** The signature ({@code r || s}, 64 bytes) with {@code s} in the lower half of the group order. */
    private static byte[] lowS(byte[] signature) {
        BigInteger s = s(signature);
        if (s.compareTo(HALF_ORDER) <= 0) {
            return signature;
        }
        byte[] low = P256_ORDER.subtract(s).toByteArray();
        byte[] normalized = Arrays.copyOf(signature, 2 * PART);
        Arrays.fill(normalized, PART, 2 * PART, (byte) 0);
        int length = Math.min(low.length, PART);
        System.arraycopy(low, low.length - length, normalized, 2 * PART - length, length);
        return normalized;
    }

    private static BigInteger s(byte[] signature) {
        return new BigInteger(1, Arrays.copyOfRange(signature, PART, 2 * PART));
    }
}
