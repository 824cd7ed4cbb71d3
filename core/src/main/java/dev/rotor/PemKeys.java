package dev.rotor;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.KeyAgreement;

/** Reads an unencrypted PKCS#8 PEM private key into a {@link JwtKey}, computing its public half. */
final class PemKeys {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private PemKeys() {}

    static JwtKey read(String keyId, String algorithm, String pem) {
        byte[] der = der(Objects.requireNonNull(pem, "pem"));
        try {
            return switch (algorithm) {
                case "RS256" -> rsa(keyId, (RSAPrivateCrtKey) privateKey("RSA", der));
                case "ES256" -> ec(keyId, (ECPrivateKey) privateKey("EC", der));
                default -> throw new IllegalArgumentException("a PEM key is for RS256 or ES256, not " + algorithm);
            };
        } catch (ClassCastException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the PEM text is no PKCS#8 "
                    + (algorithm.equals("RS256") ? "RSA" : "P-256") + " private key for " + algorithm);
        }
    }

    private static byte[] der(String pem) {
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("expected an unencrypted PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----);"
                    + " convert one with: openssl pkcs8 -topk8 -nocrypt -in key.pem");
        }
        try {
            return Base64.getMimeDecoder()
                    .decode(pem.substring(begin + BEGIN.length(), end).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM block is not valid base64");
        }
    }

    private static PrivateKey privateKey(String type, byte[] der) throws GeneralSecurityException {
        return KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static JwtKey rsa(String keyId, RSAPrivateCrtKey key) throws GeneralSecurityException {
        RSAPublicKeySpec spec = new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent());
        return JwtKey.rs256(keyId, (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec), key);
    }

    /**
     * The public point is d·G. The JDK's ECDH computes the x coordinate of d·G in its own (constant-time)
     * code; y is one of the two square roots of x³ + ax + b, and the one whose pair signs and verifies wins.
     */
    private static JwtKey ec(String keyId, ECPrivateKey key) throws GeneralSecurityException {
        ECParameterSpec params = key.getParams();
        if (!EcdsaSha256LowS.P256_ORDER.equals(params.getOrder())) {
            throw new IllegalArgumentException("an ES256 key must be on curve P-256");
        }
        KeyFactory factory = KeyFactory.getInstance("EC");
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(key);
        agreement.doPhase(factory.generatePublic(new ECPublicKeySpec(params.getGenerator(), params)), true);
        BigInteger x = new BigInteger(1, agreement.generateSecret());
        BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
        BigInteger rhs = x.pow(3)
                .add(params.getCurve().getA().multiply(x))
                .add(params.getCurve().getB())
                .mod(p);
        BigInteger y = rhs.modPow(p.add(BigInteger.ONE).shiftRight(2), p); // p ≡ 3 (mod 4) for P-256
        for (BigInteger candidate : new BigInteger[] {y, p.subtract(y)}) {
            ECPublicKey publicKey =
                    (ECPublicKey) factory.generatePublic(new ECPublicKeySpec(new ECPoint(x, candidate), params));
            try {
                return JwtKey.es256(keyId, publicKey, key);
            } catch (IllegalArgumentException wrongRoot) {
                // the other root is the public key
            }
        }
        throw new IllegalArgumentException("the PEM key's public point could not be computed");
    }
}
