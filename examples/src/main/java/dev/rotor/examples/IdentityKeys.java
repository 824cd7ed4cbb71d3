package dev.rotor.examples;

import dev.rotor.JwtKey;
import dev.rotor.TokenServiceBuilder;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns {@link IdentitySettings} into the keys and token settings of the server's {@code TokenService}. */
final class IdentityKeys {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleServer.class);

    private IdentityKeys() {}

    /**
     * Sets the signing key, the refresh-token key, the issuer, audience, client id and live-session check.
     *
     * @param hs256Secret {@code JWT_SECRET}, or {@code null}; used with {@code JWT_ALG=HS256} only
     */
    static void configure(TokenServiceBuilder builder, IdentitySettings identity, byte[] hs256Secret) {
        builder.signingKey(signingKey(identity, hs256Secret));
        builder.refreshTokenKey(
                identity.refreshTokenKey() != null
                        ? identity.refreshTokenKey()
                        : JwtKey.hs256("refresh", random("REFRESH_TOKEN_SECRET")));
        if (identity.issuer() != null) {
            builder.issuer(identity.issuer());
        }
        if (identity.issuerUrl() != null) {
            builder.refreshTokenAudience(identity.issuerUrl() + IdentitySettings.REFRESH_PATH);
        }
        if (identity.audience() != null) {
            builder.audience(identity.audience());
        }
        if (identity.clientId() != null) {
            builder.clientId(identity.clientId());
        }
        if (identity.liveSessionCheck() != null) {
            builder.liveSessionCheck(identity.liveSessionCheck(), 100_000);
        }
    }

    private static JwtKey signingKey(IdentitySettings identity, byte[] hs256Secret) {
        String algorithm = identity.algorithm();
        if (algorithm.equals("HS256")) {
            return JwtKey.hs256("example", hs256Secret != null ? hs256Secret : random("JWT_SECRET"));
        }
        if (identity.privateKeyPem() != null) {
            JwtKey key;
            try {
                key = JwtKey.fromPem("pending", algorithm, identity.privateKeyPem());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("JWT_PRIVATE_KEY_FILE: " + e.getMessage());
            }
            return JwtKey.fromPem(
                    keyId(key.publicKey().orElseThrow().getEncoded()), algorithm, identity.privateKeyPem());
        }
        LOG.warn(
                "JWT_PRIVATE_KEY_FILE is not set: using a new {} key pair, so tokens die with this process", algorithm);
        KeyPair pair = generate(algorithm);
        String kid = keyId(pair.getPublic().getEncoded());
        return algorithm.equals("RS256")
                ? JwtKey.rs256(kid, (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate())
                : JwtKey.es256(kid, (ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
    }

    private static byte[] random(String variable) {
        LOG.warn("{} is not set: using a random key, so tokens die with this process", variable);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    /** A key id that changes with the key, so resource servers that cache the JWK Set fetch it again. */
    private static String keyId(byte[] publicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static KeyPair generate(String algorithm) {
        try {
            if (algorithm.equals("RS256")) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " key pair", e);
        }
    }
}
