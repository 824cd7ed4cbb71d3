package dev.rotor;

import java.util.List;

/** The codec a {@link Fixture}-like service uses: HS256 key k1, the derived refresh key, no audience. */
final class TestCodec {

    private TestCodec() {}

    static TokenCodec of(String issuer, int maxTokenLength) {
        JwtKey key = JwtKey.hs256("k1", Keys.SECRET);
        return new TokenCodec(
                new KeyRing(key, List.of(), null), issuer, List.of(), issuer + "/refresh", null, 0, maxTokenLength);
    }
}
