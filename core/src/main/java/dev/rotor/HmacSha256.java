package dev.rotor;

import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * java-jwt's HS256 with one initialised {@link Mac} per thread instead of a new one per call. A {@code
 * Mac} is never shared between threads.
 */
final class HmacSha256 extends Algorithm {

    private static final String JCA_NAME = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    HmacSha256(byte[] secret) {
        super("HS256", JCA_NAME);
        this.key = new SecretKeySpec(secret, JCA_NAME);
        this.macs = ThreadLocal.withInitial(this::newMac);
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
        Mac mac = macs.get();
        mac.update(headerBytes);
        mac.update((byte) '.');
        mac.update(payloadBytes);
        return mac.doFinal();
    }

    @Override
    public byte[] sign(byte[] contentBytes) {
        return macs.get().doFinal(contentBytes);
    }

    /**
     * Checks, in constant time, that {@code token[signatureOffset..]} is the base64url encoding of the MAC over
     * {@code token[0..signedLength)}. Only the canonical encoding matches: a signature segment whose unused
     * low bits were flipped decodes to the same bytes, and is refused all the same.
     */
    boolean verify(byte[] token, int signedLength, int signatureOffset) {
        Mac mac = macs.get();
        mac.update(token, 0, signedLength);
        byte[] expected = ENCODER.encode(mac.doFinal());
        if (expected.length != token.length - signatureOffset) {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < expected.length; i++) {
            difference |= expected[i] ^ token[signatureOffset + i];
        }
        return difference == 0;
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
