package dev.rotor;

import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * java-jwt's HS256 with one initialised {@link Mac} per thread instead of a new one per call, and Rotor's own
 * fast paths: {@link #token} writes a whole token into the thread's buffer and MACs it in place, {@link
 * #verify(byte[], int, int)} compares without allocating. A {@code Mac} or buffer is never shared between
 * threads, and no buffer keeps a signature after the call that wrote it.
 */
final class HmacSha256 extends Algorithm {

    private static final String JCA_NAME = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);

    /** Characters of a signature: 32 bytes in unpadded base64url. */
    static final int SIGNATURE_LENGTH = 43;

    /** One thread's {@code Mac} and the buffers it signs and verifies in. */
    private static final class Scratch {
        final Mac mac;
        final byte[] digest = new byte[32];
        byte[] token = new byte[512];
        byte[] payload = new byte[512];

        Scratch(Mac mac) {
            this.mac = mac;
        }
    }

    private final SecretKeySpec key;
    private final ThreadLocal<Scratch> scratch;

    HmacSha256(byte[] secret) {
        super("HS256", JCA_NAME);
        this.key = new SecretKeySpec(secret, JCA_NAME);
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(newMac()));
        newMac(); // fail at configuration time, not on the first token
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(JCA_NAME);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** MAC over {@code header '.' payload}, both already base64url-encoded. */
    @Override
    public byte[] sign(byte[] headerBytes, byte[] payloadBytes) {
        Mac mac = scratch.get().mac;
        mac.update(headerBytes);
        mac.update((byte) '.');
        mac.update(payloadBytes);
        return mac.doFinal();
    }

    @Override
    public byte[] sign(byte[] contentBytes) {
        return scratch.get().mac.doFinal(contentBytes);
    }

    /**
     * The token {@code header '.' base64url(json) '.' signature}, of {@code length} characters (the caller
     * checked it against the maximum).
     */
    String token(byte[] header, byte[] json, int length) {
        Scratch s = scratch.get();
        int encodedLength = length - header.length - 2 - SIGNATURE_LENGTH;
        if (s.token.length < length) {
            s.token = new byte[length];
            s.payload = new byte[encodedLength];
        }
        byte[] token = s.token;
        System.arraycopy(header, 0, token, 0, header.length);
        token[header.length] = '.';
        ENCODER.encode(json, s.payload);
        System.arraycopy(s.payload, 0, token, header.length + 1, encodedLength);
        int signedLength = header.length + 1 + encodedLength;
        mac(s, token, signedLength);
        token[signedLength] = '.';
        encodeDigest(s.digest, token, signedLength + 1);
        String result = new String(token, 0, length, StandardCharsets.ISO_8859_1);
        Arrays.fill(token, signedLength + 1, length, (byte) 0);
        Arrays.fill(s.digest, (byte) 0);
        return result;
    }

    /**
     * Checks, in constant time, that {@code token[signatureOffset..]} is the base64url encoding of the MAC over
     * {@code token[0..signedLength)}. Only the canonical encoding matches: a signature segment whose unused
     * low bits were flipped decodes to the same bytes, and is refused all the same.
     */
    boolean verify(byte[] token, int signedLength, int signatureOffset) {
        Scratch s = scratch.get();
        mac(s, token, signedLength);
        boolean matches =
                token.length - signatureOffset == SIGNATURE_LENGTH && matches(s.digest, token, signatureOffset);
        Arrays.fill(s.digest, (byte) 0);
        return matches;
    }

    /** Compares, in constant time, the encoding of {@code digest} with the 43 characters at {@code in[offset..]}. */
    private static boolean matches(byte[] digest, byte[] in, int offset) {
        int difference = 0;
        int o = offset;
        for (int i = 0; i < 30; i += 3) {
            int bits = (digest[i] & 0xFF) << 16 | (digest[i + 1] & 0xFF) << 8 | digest[i + 2] & 0xFF;
            difference |= ALPHABET[bits >>> 18] ^ in[o]
                    | ALPHABET[bits >>> 12 & 0x3F] ^ in[o + 1]
                    | ALPHABET[bits >>> 6 & 0x3F] ^ in[o + 2]
                    | ALPHABET[bits & 0x3F] ^ in[o + 3];
            o += 4;
        }
        int bits = (digest[30] & 0xFF) << 8 | digest[31] & 0xFF;
        difference |= ALPHABET[bits >>> 10] ^ in[o]
                | ALPHABET[bits >>> 4 & 0x3F] ^ in[o + 1]
                | ALPHABET[bits << 2 & 0x3F] ^ in[o + 2];
        return difference == 0;
    }

    private static void mac(Scratch s, byte[] input, int length) {
        s.mac.update(input, 0, length);
        try {
            s.mac.doFinal(s.digest, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("a 32-byte buffer holds an HMAC-SHA256", e);
        }
    }

    /** Writes the 43 characters of base64url without padding of a 32-byte digest at {@code out[offset..]}. */
    private static void encodeDigest(byte[] digest, byte[] out, int offset) {
        int o = offset;
        for (int i = 0; i < 30; i += 3) {
            int bits = (digest[i] & 0xFF) << 16 | (digest[i + 1] & 0xFF) << 8 | digest[i + 2] & 0xFF;
            out[o++] = ALPHABET[bits >>> 18];
            out[o++] = ALPHABET[bits >>> 12 & 0x3F];
            out[o++] = ALPHABET[bits >>> 6 & 0x3F];
            out[o++] = ALPHABET[bits & 0x3F];
        }
        int bits = (digest[30] & 0xFF) << 8 | digest[31] & 0xFF;
        out[o++] = ALPHABET[bits >>> 10];
        out[o++] = ALPHABET[bits >>> 4 & 0x3F];
        out[o] = ALPHABET[bits << 2 & 0x3F];
    }

    @Override
    public void verify(DecodedJWT jwt) {
        byte[] token = (jwt.getHeader() + "." + jwt.getPayload() + "." + jwt.getSignature())
                .getBytes(StandardCharsets.ISO_8859_1);
        int signedLength = jwt.getHeader().length() + 1 + jwt.getPayload().length();
        if (!verify(token, signedLength, signedLength + 1)) {
            throw new SignatureVerificationException(this);
        }
    }
}
