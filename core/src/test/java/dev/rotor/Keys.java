package dev.rotor;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/** Key material for tests. */
final class Keys {

    static final byte[] SECRET = random(32);
    static final KeyPair RSA = generate("RSA", 2048);
    static final KeyPair EC = generateEc("secp256r1");

    private Keys() {}

    /**
     * The refresh-token secret Rotor derives from an HS256 signing secret when no refreshTokenKey is set,
     * computed here independently: changing the derivation would end every deployed refresh token.
     */
    static byte[] derivedRefreshSecret(byte[] signingSecret) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(signingSecret, "HmacSHA256"));
            return mac.doFinal("rotor refresh-token key, v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes the refresh-token key is derived from: the test keys' HS256 secret, RSA exponent, EC scalar. */
    static byte[] secretPart(JwtKey key) {
        return switch (key.algorithm()) {
            case "HS256" -> SECRET;
            case "RS256" ->
                ((java.security.interfaces.RSAPrivateKey) RSA.getPrivate())
                        .getPrivateExponent()
                        .toByteArray();
            default ->
                ((java.security.interfaces.ECPrivateKey) EC.getPrivate()).getS().toByteArray();
        };
    }

    static byte[] random(int bytes) {
        byte[] secret = new byte[bytes];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair generateEc(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
