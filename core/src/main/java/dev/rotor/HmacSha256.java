package dev.rotor;

import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * java-jwt's HS256 with one initialised {@link Mac} per thread instead of a new one per call. A {@code
 * Mac} is never shared between threads.
 */
final class HmacSha256 extends Algorithm {

    private static final String JCA_NAME = "HmacSHA256";

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

    /** Checks a MAC over the first {@code length} bytes of {@code signedBytes}, in constant time. */
    boolean verify(byte[] signedBytes, int length, byte[] signature) {
        Mac mac = macs.get();
        mac.update(signedBytes, 0, length);
        return MessageDigest.isEqual(mac.doFinal(), signature);
    }

    @Override
    public void verify(DecodedJWT jwt) {
        byte[] signed = (jwt.getHeader() + "." + jwt.getPayload()).getBytes(StandardCharsets.US_ASCII);
        try {
            if (!verify(signed, signed.length, Base64.getUrlDecoder().decode(jwt.getSignature()))) {
                throw new SignatureVerificationException(this);
            }
        } catch (IllegalArgumentException e) {
            throw new SignatureVerificationException(this, e);
        }
    }
}
