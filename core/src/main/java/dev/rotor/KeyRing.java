package dev.rotor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Every header Rotor writes, encoded once. A token is verified only if its header segment is, byte for
 * byte, one of these: the key and the token kind come from this table, never from parsing the token, so
 * {@code alg: none}, algorithm confusion, unknown or hostile {@code kid}, {@code jku}, {@code x5u} and
 * {@code jwk} headers are all refused before any JSON is read. Access tokens are signed and checked with the
 * access-token keys, refresh tokens only with the refresh-token key: a refresh token is never signed by a
 * key whose public half is published.
 */
final class KeyRing {

    /** A header Rotor wrote: which key checks it and which kind of token it heads. */
    record Entry(JwtKey key, TokenType type) {}

    private final JwtKey signingKey;
    private final JwtKey refreshKey;
    private final List<JwtKey> accessKeys;
    private final byte[] accessHeader;
    private final byte[] refreshHeader;
    private final Set<String> keyIds = new HashSet<>();
    /** The headers, encoded, in order, and beside each its entry: a lookup walks two arrays. */
    private final byte[][] encodedHeaders;

    private final Entry[] entries;

    /**
     * @param refreshKey the refresh-token key, or {@code null} for keys derived from the access-token keys: the
     *     signing key's signs, and those of retired keys with a secret part still verify, so that rotating the
     *     signing key keeps sessions alive. A derived key's id is {@code rt-} and the id of the key it comes from.
     * @throws IllegalArgumentException if two access-token keys share a key id, or the refresh-token key is
     *     one of the access-token keys
     */
    KeyRing(JwtKey signingKey, List<JwtKey> verificationKeys, JwtKey refreshKey) {
        this(signingKey, verificationKeys, refreshKey, List.of());
    }

    /**
     * @param refreshVerificationKeys retired refresh-token keys, which only verify refresh tokens
     * @throws IllegalArgumentException also if two refresh-token keys share a key id, or a retired refresh-token
     *     key is an access-token key
     */
    KeyRing(JwtKey signingKey, List<JwtKey> verificationKeys, JwtKey refreshKey, List<JwtKey> refreshVerificationKeys) {
        this.signingKey = signingKey;
        this.refreshKey = refreshKey != null ? refreshKey : signingKey.derivedRefreshKey();
        Map<String, Entry> headers = new LinkedHashMap<>();
        this.accessHeader = encodedHeader(signingKey, TokenType.ACCESS).getBytes(StandardCharsets.US_ASCII);
        this.refreshHeader = encodedHeader(this.refreshKey, TokenType.REFRESH).getBytes(StandardCharsets.US_ASCII);
        List<JwtKey> access = new ArrayList<>();
        access.add(signingKey);
        access.addAll(verificationKeys);
        for (JwtKey key : access) {
            if (!keyIds.add(key.keyId())) {
                throw new IllegalArgumentException("key id " + key.keyId() + " is configured twice");
            }
            if (refreshKey != null && key.sameMaterial(refreshKey)) {
                throw new IllegalArgumentException(
                        "the refreshTokenKey must be a key of its own, not an access-token key (" + key.keyId() + ")");
            }
            for (JwtKey retired : refreshVerificationKeys) {
                if (key.sameMaterial(retired)) {
                    throw new IllegalArgumentException(
                            "a refreshTokenVerificationKey must not be an access-token key (" + key.keyId() + ")");
                }
            }
            headers.put(encodedHeader(key, TokenType.ACCESS), new Entry(key, TokenType.ACCESS));
        }
        List<JwtKey> refresh = new ArrayList<>();
        if (refreshKey != null) {
            refresh.add(refreshKey);
        } else {
            refresh.add(this.refreshKey);
            for (JwtKey key : verificationKeys) {
                if (key.canSign()) {
                    refresh.add(key.derivedRefreshKey());
                }
            }
        }
        refresh.addAll(refreshVerificationKeys);
        Set<String> refreshIds = new HashSet<>();
        for (JwtKey key : refresh) {
            if (!refreshIds.add(key.keyId())) {
                throw new IllegalArgumentException("refresh-token key id " + key.keyId() + " is configured twice");
            }
            headers.put(encodedHeader(key, TokenType.REFRESH), new Entry(key, TokenType.REFRESH));
        }
        this.accessKeys = List.copyOf(access);
        this.encodedHeaders = headers.keySet().stream()
                .map(header -> header.getBytes(StandardCharsets.US_ASCII))
                .toArray(byte[][]::new);
        this.entries = headers.values().toArray(Entry[]::new);
    }

    private static String encodedHeader(JwtKey key, TokenType type) {
        String json =
                "{\"alg\":\"" + key.algorithm() + "\",\"typ\":\"" + type.typ + "\",\"kid\":\"" + key.keyId() + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.US_ASCII));
    }

    JwtKey signingKey(TokenType type) {
        return type == TokenType.ACCESS ? signingKey : refreshKey;
    }

    /** The signing key and the retired access-token keys, for the JWK Set; never the refresh-token key. */
    List<JwtKey> accessKeys() {
        return accessKeys;
    }

    byte[] header(TokenType type) {
        return type == TokenType.ACCESS ? accessHeader : refreshHeader;
    }

    /** Calls {@code action} with every header Rotor accepts, encoded, and its entry. */
    void forEachHeader(BiConsumer<byte[], Entry> action) {
        for (int i = 0; i < encodedHeaders.length; i++) {
            action.accept(encodedHeaders[i], entries[i]);
        }
    }

    /** The entry whose header is exactly {@code token[0..headerLength)}, or {@code null}. */
    Entry lookup(byte[] token, int headerLength) {
        for (int i = 0; i < encodedHeaders.length; i++) {
            byte[] encoded = encodedHeaders[i];
            if (encoded.length == headerLength && Arrays.equals(token, 0, headerLength, encoded, 0, headerLength)) {
                return entries[i];
            }
        }
        return null;
    }
}
