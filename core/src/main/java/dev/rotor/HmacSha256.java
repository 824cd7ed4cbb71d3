package dev.rotor;

import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * HS256 (RFC 2104 over SHA-256) for java-jwt's {@code Algorithm} interface, and Rotor's own fast paths: {@link
 * #token} writes a whole token into the thread's buffer and MACs it in place, {@link #verify} compares without
 * allocating a signature.
 *
 * <p>The SHA-256 states after the key's inner and outer pads are computed once, and so is, for each {@link
 * Prefix}, the inner state after the bytes every token of one kind begins with (its header and the constant
 * start of its payload). Each MAC clones those states and hashes only what changes: two or three blocks fewer
 * than the JDK's {@code Mac}, which hashes both pads again for every MAC. The states are never updated after
 * construction, so any thread may clone them; the buffers are one thread's own, and no buffer keeps a
 * signature after the call that wrote it.
 */
final class HmacSha256 extends Algorithm {

    private static final int BLOCK_BYTES = 64;
    private static final int MAC_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);

    /** Characters of a signature: 32 bytes in unpadded base64url. */
    static final int SIGNATURE_LENGTH = 43;

    /** The inner hash state after bytes that every token of one kind starts with. */
    static final class Prefix {
        private final byte[] bytes;
        private final MessageDigest state;

        private Prefix(byte[] bytes, MessageDigest state) {
            this.bytes = bytes;
            this.state = state;
        }

        /** Whether {@code input} starts with these bytes and goes on after them. */
        boolean starts(byte[] input, int length) {
            return length > bytes.length && Arrays.equals(input, 0, bytes.length, bytes, 0, bytes.length);
        }
    }

    /** One thread's buffers. */
    private static final class Scratch {
        final byte[] digest = new byte[MAC_BYTES];
        byte[] token = new byte[512];
        byte[] payload = new byte[512];
    }

    private final MessageDigest innerStart;
    private final MessageDigest outerStart;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /** @throws IllegalArgumentException if the secret is empty */
    HmacSha256(byte[] secret) {
        super("HS256", "HmacSHA256");
        if (secret.length == 0) {
            throw new IllegalArgumentException("an HMAC key must not be empty");
        }
        byte[] block = new byte[BLOCK_BYTES];
        byte[] key = secret.length > BLOCK_BYTES ? sha256().digest(secret) : secret;
        System.arraycopy(key, 0, block, 0, key.length);
        innerStart = padded(block, (byte) 0x36);
        outerStart = padded(block, (byte) 0x5c);
        Arrays.fill(block, (byte) 0);
        if (key != secret) {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static MessageDigest padded(byte[] key, byte pad) {
        byte[] block = new byte[BLOCK_BYTES];
        for (int i = 0; i < BLOCK_BYTES; i++) {
            block[i] = (byte) (key[i] ^ pad);
        }
        MessageDigest digest = sha256();
        digest.update(block);
        Arrays.fill(block, (byte) 0);
        return digest;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static MessageDigest copy(MessageDigest state) {
        try {
            return (MessageDigest) state.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    /** The state after {@code bytes}, for inputs that start with them. */
    Prefix prefix(byte[] bytes) {
        MessageDigest state = copy(innerStart);
        state.update(bytes);
        return new Prefix(bytes.clone(), state);
    }

    /** MAC over {@code header '.' payload}, both already base64url-encoded. */
    @Override
    public byte[] sign(byte[] headerBytes, byte[] payloadBytes) {
        byte[] input = new byte[headerBytes.length + 1 + payloadBytes.length];
        System.arraycopy(headerBytes, 0, input, 0, headerBytes.length);
        input[headerBytes.length] = '.';
        System.arraycopy(payloadBytes, 0, input, headerBytes.length + 1, payloadBytes.length);
        return sign(input);
    }

    @Override
    public byte[] sign(byte[] contentBytes) {
        byte[] mac = new byte[MAC_BYTES];
        mac(null, contentBytes, contentBytes.length, mac);
        return mac;
    }

    /**
     * The token {@code header '.' base64url(json[0..jsonLength)) '.' signature}, of {@code length} characters
     * (the caller checked it against the maximum).
     *
     * @param prefix what the token starts with, or {@code null}
     */
    String token(Prefix prefix, byte[] header, byte[] json, int jsonLength, int length) {
        Scratch s = scratch.get();
        int encodedLength = length - header.length - 2 - SIGNATURE_LENGTH;
        if (s.token.length < length || s.payload.length < encodedLength) {
            s.token = new byte[Math.max(length, s.token.length)];
            s.payload = new byte[Math.max(encodedLength, s.payload.length)];
        }
        byte[] token = s.token;
        System.arraycopy(header, 0, token, 0, header.length);
        token[header.length] = '.';
        ENCODER.encode(jsonLength == json.length ? json : Arrays.copyOf(json, jsonLength), s.payload);
        System.arraycopy(s.payload, 0, token, header.length + 1, encodedLength);
        int signedLength = header.length + 1 + encodedLength;
        mac(prefix, token, signedLength, s.digest);
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
     *
     * @param prefix what tokens of this kind start with, or {@code null}
     */
    boolean verify(Prefix prefix, byte[] token, int signedLength, int signatureOffset) {
        Scratch s = scratch.get();
        mac(prefix, token, signedLength, s.digest);
        boolean matches =
                token.length - signatureOffset == SIGNATURE_LENGTH && matches(s.digest, token, signatureOffset);
        Arrays.fill(s.digest, (byte) 0);
        return matches;
    }

    /** Writes the MAC over {@code input[0..length)} into {@code out}, from the prefix's state if it applies. */
    private void mac(Prefix prefix, byte[] input, int length, byte[] out) {
        MessageDigest inner;
        int from = 0;
        if (prefix != null && prefix.starts(input, length)) {
            inner = copy(prefix.state);
            from = prefix.bytes.length;
        } else {
            inner = copy(innerStart);
        }
        inner.update(input, from, length - from);
        MessageDigest outer = copy(outerStart);
        try {
            inner.digest(out, 0, MAC_BYTES);
            outer.update(out, 0, MAC_BYTES);
            outer.digest(out, 0, MAC_BYTES);
        } catch (DigestException e) {
            throw new IllegalStateException("a 32-byte buffer holds a SHA-256 digest", e);
        }
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
        if (!verify(null, token, signedLength, signedLength + 1)) {
            throw new SignatureVerificationException(this);
        }
    }
}
