package dev.rotor.spring.boot;

import dev.rotor.JwtKey;
import dev.rotor.spring.boot.RotorProperties.SigningKey;
import dev.rotor.spring.boot.RotorProperties.VerificationKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.io.Resource;

/** Builds {@link RotorKeys} from {@code rotor.signing-key.*} and {@code rotor.verification-keys}. */
final class KeysFromProperties {

    private static final Log LOG = LogFactory.getLog(KeysFromProperties.class);
    private static final String SIGNING = "rotor.signing-key";

    private KeysFromProperties() {}

    static RotorKeys build(RotorProperties properties) {
        List<JwtKey> retired = new ArrayList<>();
        List<VerificationKey> configured = properties.getVerificationKeys();
        for (int i = 0; i < configured.size(); i++) {
            retired.add(verifying(configured.get(i), "rotor.verification-keys[" + i + "]"));
        }
        return new RotorKeys(signing(properties.getSigningKey()), retired, refresh(properties.getRefreshTokenKey()));
    }

    private static JwtKey signing(SigningKey key) {
        String keyId = keyId(key.getKeyId(), SIGNING);
        switch (key.getAlgorithm()) {
            case HS256:
                if (isBlank(key.getSecret())) {
                    if (!key.isRandomIfUnset()) {
                        throw new RotorConfigurationException(
                                SIGNING + ".secret",
                                "no signing key is configured",
                                "set " + SIGNING + ".secret to at least 32 random bytes (such as 43 characters of"
                                        + " base64url), or " + SIGNING + ".private-key and public-key with algorithm"
                                        + " RS256 or ES256");
                    }
                    LOG.warn(
                            SIGNING + ".secret is not set: signing with a random key, so tokens die with this process");
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    return JwtKey.hs256(keyId, random);
                }
                return hmac(keyId, key.getSecret(), SIGNING + ".secret");
            default:
                if (unset(key.getPrivateKey()) && key.isRandomIfUnset()) {
                    return randomPair(keyId, key.getAlgorithm());
                }
                return fromPem(keyId, key.getAlgorithm(), key.getPrivateKey(), SIGNING + ".private-key");
        }
    }

    /** Unset: none given, or an empty one ({@code file:} from an empty environment variable). */
    private static boolean unset(Resource resource) {
        return resource == null
                || resource.getFilename() == null
                || resource.getFilename().isEmpty();
    }

    private static JwtKey randomPair(String keyId, RotorProperties.Algorithm algorithm) {
        LOG.warn(SIGNING + ".private-key is not set: signing with a random " + algorithm
                + " key pair, so tokens die with this process");
        try {
            KeyPairGenerator generator =
                    KeyPairGenerator.getInstance(algorithm == RotorProperties.Algorithm.RS256 ? "RSA" : "EC");
            if (algorithm == RotorProperties.Algorithm.RS256) {
                generator.initialize(2048);
            } else {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            }
            KeyPair pair = generator.generateKeyPair();
            return algorithm == RotorProperties.Algorithm.RS256
                    ? JwtKey.rs256(keyId, (RSAPublicKey) pair.getPublic(), (java.security.interfaces.RSAPrivateKey)
                            pair.getPrivate())
                    : JwtKey.es256(keyId, (ECPublicKey) pair.getPublic(), (java.security.interfaces.ECPrivateKey)
                            pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate " + algorithm + " keys", e);
        }
    }

    private static JwtKey refresh(RotorProperties.RefreshTokenKey key) {
        String prefix = "rotor.refresh-token-key";
        if (key.getAlgorithm() == RotorProperties.Algorithm.HS256) {
            return isBlank(key.getSecret()) ? null : hmac(key.getKeyId(), key.getSecret(), prefix + ".secret");
        }
        return fromPem(key.getKeyId(), key.getAlgorithm(), key.getPrivateKey(), prefix + ".private-key");
    }

    /** A key pair from a PKCS#8 private key; core computes the public half and checks the algorithm. */
    private static JwtKey fromPem(
            String keyId, RotorProperties.Algorithm algorithm, Resource resource, String property) {
        if (resource == null) {
            throw new RotorConfigurationException(
                    property, "missing for " + algorithm, "point it at a PKCS#8 PEM file with BEGIN PRIVATE KEY");
        }
        String pem = read(resource, property);
        return built(property, () -> JwtKey.fromPem(keyId, algorithm.name(), pem));
    }

    private static String read(Resource resource, String property) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new RotorConfigurationException(property, "cannot be read", "point it at a readable PEM file");
        }
    }

    private static JwtKey verifying(VerificationKey key, String prefix) {
        String keyId = keyId(key.getKeyId(), prefix);
        if (key.getAlgorithm() == RotorProperties.Algorithm.HS256) {
            if (isBlank(key.getSecret())) {
                throw new RotorConfigurationException(prefix + ".secret", "missing", "set the retired HS256 secret");
            }
            return hmac(keyId, key.getSecret(), prefix + ".secret");
        }
        String family = key.getAlgorithm() == RotorProperties.Algorithm.RS256 ? "RSA" : "EC";
        Object publicKey = publicKey(key.getPublicKey(), family, prefix + ".public-key");
        return built(
                prefix,
                () -> family.equals("RSA")
                        ? JwtKey.rs256(keyId, (RSAPublicKey) publicKey)
                        : JwtKey.es256(keyId, (ECPublicKey) publicKey));
    }

    private static Object publicKey(Resource resource, String family, String property) {
        return decode(resource, family, property, "PUBLIC KEY");
    }

    /** Reads a PEM file; errors name the property and never quote the file. */
    private static Object decode(Resource resource, String family, String property, String label) {
        // only public keys come here: core reads private keys (JwtKey.fromPem)
        String kind = family.equals("RSA") ? "RS256" : "ES256";
        if (resource == null) {
            throw new RotorConfigurationException(
                    property, "missing for " + kind, "point it at a PEM file with BEGIN " + label);
        }
        String pem = read(resource, property);
        int begin = pem.indexOf("-----BEGIN " + label + "-----");
        int end = pem.indexOf("-----END " + label + "-----");
        if (begin < 0 || end < begin) {
            throw new RotorConfigurationException(
                    property,
                    "is not a PEM file with BEGIN " + label,
                    "convert the key to X.509 SubjectPublicKeyInfo (openssl pkey -pubout)");
        }
        String base64 = pem.substring(begin + label.length() + 16, end).replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            KeyFactory factory = KeyFactory.getInstance(family);
            return factory.generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new RotorConfigurationException(
                    property,
                    "is not an " + kind + " " + label.toLowerCase(java.util.Locale.ROOT),
                    "check the file and " + "the algorithm setting");
        }
    }

    private static JwtKey hmac(String keyId, String secret, String property) {
        return built(property, () -> JwtKey.hs256(keyId, secret));
    }

    private static String keyId(String keyId, String prefix) {
        if (isBlank(keyId)) {
            throw new RotorConfigurationException(prefix + ".key-id", "missing", "name the key, such as 2026-01");
        }
        return keyId;
    }

    private static JwtKey built(String property, java.util.function.Supplier<JwtKey> factory) {
        JwtKey[] key = new JwtKey[1];
        RotorConfigurationException.apply(property, () -> key[0] = factory.get());
        return key[0];
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
