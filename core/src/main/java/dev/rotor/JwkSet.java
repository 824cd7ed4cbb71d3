package dev.rotor;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Writes the JWK Set (RFC 7517) of the access-token keys: the public half of each RS256 and ES256 key, with
 * {@code kty}, {@code kid}, {@code alg}, {@code use} and {@code n}/{@code e} or {@code crv}/{@code x}/{@code y}
 * (RFC 7518 §6). HS256 keys are left out: their secret is what signs.
 */
final class JwkSet {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private JwkSet() {}

    static String json(List<JwtKey> keys) {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (JwtKey key : keys) {
            PublicKey publicKey = key.publicKey().orElse(null);
            if (publicKey == null) {
                continue;
            }
            if (json.charAt(json.length() - 1) == '}') {
                json.append(',');
            }
            json.append('{');
            if (publicKey instanceof RSAPublicKey rsa) {
                member(json, "kty", "RSA");
                common(json, key);
                member(json, "n", unsigned(rsa.getModulus(), 0));
                member(json, "e", unsigned(rsa.getPublicExponent(), 0));
            } else {
                ECPublicKey ec = (ECPublicKey) publicKey;
                member(json, "kty", "EC");
                common(json, key);
                member(json, "crv", "P-256");
                member(json, "x", unsigned(ec.getW().getAffineX(), 32));
                member(json, "y", unsigned(ec.getW().getAffineY(), 32));
            }
            json.setLength(json.length() - 1);
            json.append('}');
        }
        return json.append("]}").toString();
    }

    private static void common(StringBuilder json, JwtKey key) {
        member(json, "kid", key.keyId());
        member(json, "alg", key.algorithm());
        member(json, "use", "sig");
    }

    private static void member(StringBuilder json, String name, String value) {
        JsonWriter.string(json, name);
        JsonWriter.string(json.append(':'), value);
        json.append(',');
    }

    /** Big-endian bytes without a sign byte, left-padded to {@code length} (0: as short as possible). */
    private static String unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (bytes.length < length) {
            byte[] padded = new byte[length];
            System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
            bytes = padded;
        }
        return ENCODER.encodeToString(bytes);
    }
}
