package dev.rotor.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds hostile tokens by hand: any header, any payload, any signature. */
final class Forge {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Forge() {}

    static String b64(String json) {
        return ENCODER.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    static String json(String encodedSegment) {
        return new String(Base64.getUrlDecoder().decode(encodedSegment), StandardCharsets.UTF_8);
    }

    /** {@code header.payload.HMAC-SHA256(secret, header.payload)}, all segments base64url. */
    static String hs256(String headerJson, String payloadJson, byte[] secret) {
        String signed = b64(headerJson) + "." + b64(payloadJson);
        return signed + "." + b64(hmac(secret, signed));
    }

    static byte[] hmac(byte[] secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String[] segments(String token) {
        return token.split("\\.", -1);
    }
}
