package dev.rotor;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every header Rotor writes, encoded once. A token is verified only if its header segment is, byte for
 * byte, one of these: the key and the token kind come from this table, never from parsing the token, so
 * {@code alg: none}, algorithm confusion, unknown or hostile {@code kid}, {@code jku}, {@code x5u} and
 * {@code jwk} headers are all refused before any JSON is read.
 */
final class KeyRing {

    /** A header Rotor wrote: which key checks it and which kind of token it heads. */
    record Entry(JwtKey key, TokenType type) {}

    private final JwtKey signingKey;
    private final byte[] accessHeader;
    private final byte[] refreshHeader;
    private final Map<String, Entry> headers = new LinkedHashMap<>();
    private final Set<String> keyIds = new HashSet<>();

    KeyRing(JwtKey signingKey, List<JwtKey> verificationKeys) {
        this.signingKey = signingKey;
        this.accessHeader = encodedHeader(signingKey, TokenType.ACCESS).getBytes(StandardCharsets.US_ASCII);
        this.refreshHeader = encodedHeader(signingKey, TokenType.REFRESH).getBytes(StandardCharsets.US_ASCII);
        add(signingKey);
        verificationKeys.forEach(this::add);
    }

    private void add(JwtKey key) {
        if (!keyIds.add(key.keyId())) {
            throw new IllegalArgumentException("key id " + key.keyId() + " is configured twice");
        }
        for (TokenType type : TokenType.values()) {
            headers.put(encodedHeader(key, type), new Entry(key, type));
        }
    }

    private static String encodedHeader(JwtKey key, TokenType type) {
        String json =
                "{\"alg\":\"" + key.algorithm() + "\",\"typ\":\"" + type.typ + "\",\"kid\":\"" + key.keyId() + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.US_ASCII));
    }

    JwtKey signingKey() {
        return signingKey;
    }

    byte[] header(TokenType type) {
        return type == TokenType.ACCESS ? accessHeader : refreshHeader;
    }

    /** The entry whose header is exactly {@code token[0..headerLength)}, or {@code null}. */
    Entry lookup(String token, int headerLength) {
        for (Map.Entry<String, Entry> header : headers.entrySet()) {
            String encoded = header.getKey();
            if (encoded.length() == headerLength && token.startsWith(encoded)) {
                return header.getValue();
            }
        }
        return null;
    }
}
