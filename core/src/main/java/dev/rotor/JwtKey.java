package dev.rotor;

import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureGenerationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A key that signs or verifies Rotor's tokens, with its key id ({@code kid}) and its algorithm. The
 * algorithm belongs to the key and never comes from a token.
 *
 * <p>Give the current key to {@link TokenServiceBuilder#signingKey(JwtKey)} and retired keys to {@link
 * TokenServiceBuilder#verificationKey(JwtKey)}, so tokens signed before a key rotation stay valid until they
 * expire. The public halves of RS256 and ES256 keys are published by {@link TokenService#jwkSet()}; the
 * refresh tokens' own key goes to {@link TokenServiceBuilder#refreshTokenKey(JwtKey)}. {@link #toString()}
 * never shows key material.
 */
public final class JwtKey {

    private static final int MIN_HMAC_BYTES = 32;
    private static final int MIN_RSA_BITS = 2048;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._~-]{1,64}");

    private final String keyId;
    private final Algorithm algorithm;
    private final boolean canSign;
    /** The RSA or EC public key; {@code null} for HS256. */
    private final PublicKey publicKey;
    /** The HS256 secret; {@code null} for RS256 and ES256. */
    private final byte[] secret;
    /**
     * The RSA or EC private key; {@code null} for HS256 and if verify-only. Its secret part is read only to
     * derive the default refresh-token key, so a non-exportable (KMS or HSM) key works with a refreshTokenKey.
     */
    private final PrivateKey privateKey;

    private JwtKey(String keyId, Algorithm algorithm, PublicKey publicKey, byte[] secret, PrivateKey privateKey) {
        this.keyId = keyId;
        this.algorithm = algorithm;
        this.canSign = secret != null || privateKey != null;
        this.publicKey = publicKey;
        this.secret = secret;
        this.privateKey = privateKey;
    }

    /**
     * An HS256 (HMAC-SHA256) key.
     *
     * @param keyId the {@code kid}: 1 to 64 characters of {@code A-Z a-z 0-9 . _ ~ -}
     * @param secret at least 32 random bytes (RFC 7518 §3.2); the array is copied
     * @return the key
     * @throws IllegalArgumentException if the id is malformed or the secret shorter than 256 bits
     * @throws NullPointerException if an argument is {@code null}
     */
    public static JwtKey hs256(String keyId, byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_HMAC_BYTES) {
            throw new IllegalArgumentException(
                    "an HS256 secret needs at least 256 bits (32 bytes), got " + secret.length * 8 + " bits");
        }
        byte[] copy = Arrays.copyOf(secret, secret.length);
        return new JwtKey(checkedId(keyId), new HmacSha256(copy), null, copy, null);
    }

    /**
     * An HS256 key from a text secret, taken as its UTF-8 bytes. Only the length is checked: the text must be
     * as unguessable as 32 random bytes (such as 43 characters of base64url from a CSPRNG), never a
     * passphrase, since anyone who guesses it can mint tokens.
     *
     * @param keyId the {@code kid}
     * @param secret at least 32 bytes once encoded in UTF-8
     * @return the key
     * @throws IllegalArgumentException if the id is malformed or the secret too short
     * @throws NullPointerException if an argument is {@code null}
     */
    public static JwtKey hs256(String keyId, String secret) {
        return hs256(keyId, Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An RS256 key pair that signs and verifies.
     *
     * @param keyId the {@code kid}
     * @param publicKey the public key, at least 2048 bits
     * @param privateKey the matching private key
     * @return the key
     * @throws IllegalArgumentException if the id is malformed, the key shorter than 2048 bits, or the private
     *     key not the public key's
     * @throws NullPointerException if an argument is {@code null}
     */
    public static JwtKey rs256(String keyId, RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        checkRsa(publicKey);
        Objects.requireNonNull(privateKey, "privateKey");
        return new JwtKey(
                checkedId(keyId), matchingPair(Algorithm.RSA256(publicKey, privateKey)), publicKey, null, privateKey);
    }

    /**
     * An RS256 public key that only verifies.
     *
     * @param keyId the {@code kid}
     * @param publicKey the public key, at least 2048 bits
     * @return the key
     * @throws IllegalArgumentException if the id is malformed or the key shorter than 2048 bits
     * @throws NullPointerException if an argument is {@code null}
     */
    public static JwtKey rs256(String keyId, RSAPublicKey publicKey) {
        checkRsa(publicKey);
        return new JwtKey(checkedId(keyId), Algorithm.RSA256(publicKey, null), publicKey, null, null);
    }

    /**
     * An ES256 (ECDSA P-256) key pair that signs and verifies.
     *
     * @param keyId the {@code kid}
     * @param publicKey the public key on curve P-256
     * @param privateKey the matching private key
     * @return the key
     * @throws IllegalArgumentException if the id is malformed, the key not on P-256, or the private key not
     *     the public key's
     * @throws NullPointerException if an argument is {@code null}
     */
    public static JwtKey es256(String keyId, ECPublicKey publicKey, ECPrivateKey privateKey) {
        checkP256(publicKey);
        Objects.requireNonNull(privateKey, "privateKey");
        return new JwtKey(
                checkedId(keyId),
                matchingPair(new EcdsaSha256LowS(publicKey, privateKey)),
                publicKey,
                null,
                privateKey);
    }

    /**
     * An ES256 public key that only verifies.
     *
     * @param keyId the {@code kid}
     * @param publicKey the public key on curve P-256
     * @return the key
     * @throws IllegalArgumentException if the id is malformed or the key not on P-256
     * @throws NullPointerException if an argument is {@code null}
     */
    public static JwtKey es256(String keyId, ECPublicKey publicKey) {
        checkP256(publicKey);
        return new JwtKey(checkedId(keyId), new EcdsaSha256LowS(publicKey, null), publicKey, null, null);
    }

    /**
     * An RS256 or ES256 key pair from an unencrypted PKCS#8 PEM private key ({@code -----BEGIN PRIVATE
     * KEY-----}, as {@code openssl genpkey} writes it); the public key is computed from the private one.
     *
     * @param keyId the {@code kid}
     * @param algorithm {@code RS256} (an RSA key of at least 2048 bits) or {@code ES256} (a P-256 key)
     * @param pem the PEM text; other text around the PEM block is ignored
     * @return the key, which signs and verifies
     * @throws IllegalArgumentException if the id is malformed, the algorithm neither RS256 nor ES256, or the
     *     text no PKCS#8 private key of that algorithm (the message says which and how to convert; it never
     *     quotes the key)
     * @throws NullPointerException if an argument is {@code null}
     */
    public static JwtKey fromPem(String keyId, String algorithm, String pem) {
        return PemKeys.read(checkedId(keyId), Objects.requireNonNull(algorithm, "algorithm"), pem);
    }

    /**
     * The key id written to the {@code kid} header.
     *
     * @return the key id
     */
    public String keyId() {
        return keyId;
    }

    /**
     * The JWS algorithm name: {@code HS256}, {@code RS256} or {@code ES256}.
     *
     * @return the algorithm name
     */
    public String algorithm() {
        return algorithm.getName();
    }

    /**
     * Whether this key can sign, or only verify.
     *
     * @return {@code true} if it holds a secret or private key
     */
    public boolean canSign() {
        return canSign;
    }

    Algorithm jwtAlgorithm() {
        return algorithm;
    }

    /**
     * The public half of an RS256 or ES256 key, as {@link TokenService#jwkSet()} publishes it.
     *
     * @return the RSA or EC public key; empty for HS256, whose secret is never shown
     */
    public Optional<PublicKey> publicKey() {
        return Optional.ofNullable(publicKey);
    }

    /** Whether the two keys are the same key, whatever their ids: the same secret or the same public key. */
    boolean sameMaterial(JwtKey other) {
        if (publicKey != null || other.publicKey != null) {
            return publicKey != null && publicKey.equals(other.publicKey);
        }
        return MessageDigest.isEqual(secret, other.secret);
    }

    /**
     * An HS256 key for refresh tokens derived from this key's secret part: another key, the same on every
     * instance and after every restart, never in a JWK Set. Its id is {@code rt-} and this key's id (or, for an
     * id over 61 characters, a digest of it), which no JWK Set lists.
     *
     * @throws IllegalArgumentException naming {@code refreshTokenKey} if the private key's secret part cannot be
     *     read, as with a key held by a KMS or an HSM
     */
    JwtKey derivedRefreshKey() {
        byte[] label = "rotor refresh-token key, v1".getBytes(StandardCharsets.US_ASCII);
        String id = keyId.length() <= 61
                ? keyId
                : Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(new HmacSha256(label).sign(keyId.getBytes(StandardCharsets.US_ASCII)));
        return hs256("rt-" + id, new HmacSha256(secret != null ? secret : exportedPrivatePart()).sign(label));
    }

    /** The RSA private exponent or the EC private scalar, as the default refresh-token key is derived from. */
    private byte[] exportedPrivatePart() {
        BigInteger part;
        try {
            part = privateKey instanceof RSAPrivateKey rsa
                    ? rsa.getPrivateExponent()
                    : ((ECPrivateKey) privateKey).getS();
        } catch (RuntimeException e) {
            part = null;
        }
        if (part == null) {
            throw new IllegalArgumentException("the private key of " + keyId + " cannot be read (a KMS or HSM key?),"
                    + " so no refresh-token key can be derived from it: set TokenServiceBuilder.refreshTokenKey(...)");
        }
        return part.toByteArray();
    }

    /**
     * Names the key without its material.
     *
     * @return the key id and algorithm
     */
    @Override
    public String toString() {
        return "JwtKey[kid=" + keyId + ", alg=" + algorithm() + (canSign ? "" : ", verify-only") + "]";
    }

    private static String checkedId(String keyId) {
        Objects.requireNonNull(keyId, "keyId");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a key id is 1 to 64 characters of A-Z a-z 0-9 . _ ~ -");
        }
        return keyId;
    }

    /** Signs a probe and verifies it, so a pair whose halves don't match fails here, not on every token. */
    private static Algorithm matchingPair(Algorithm pair) {
        byte[] empty = "e30".getBytes(StandardCharsets.US_ASCII);
        try {
            String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(pair.sign(empty, empty));
            pair.verify(new SignedParts("e30.e30." + signature, 3, 7));
        } catch (SignatureGenerationException | SignatureVerificationException e) {
            throw new IllegalArgumentException("the private key is not the public key's", e);
        }
        return pair;
    }

    private static void checkRsa(RSAPublicKey publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        if (publicKey.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalArgumentException("an RS256 key needs at least 2048 bits");
        }
    }

    private static void checkP256(ECPublicKey publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        if (!EcdsaSha256LowS.P256_ORDER.equals(publicKey.getParams().getOrder())) {
            throw new IllegalArgumentException("an ES256 key must be on curve P-256");
        }
    }
}
