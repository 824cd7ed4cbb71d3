package dev.rotor.spring.boot;

import dev.rotor.JwtKey;
import java.util.List;
import java.util.Objects;

/**
 * The keys Rotor signs and verifies with. The auto-configuration builds them from {@code rotor.signing-key.*}
 * {@code rotor.verification-keys[*]} and {@code rotor.refresh-token-key.*}; define a bean of this type to bring
 * your own, such as from a vault.
 *
 * @param signingKey the key that signs new access tokens and verifies them
 * @param verificationKeys retired keys that only verify
 * @param refreshTokenKey the key of refresh tokens, or {@code null} for the one Rotor derives
 */
public record RotorKeys(JwtKey signingKey, List<JwtKey> verificationKeys, JwtKey refreshTokenKey) {

    /**
     * Checks the components.
     *
     * @param signingKey see {@link #signingKey()}
     * @param verificationKeys see {@link #verificationKeys()}
     * @param refreshTokenKey see {@link #refreshTokenKey()}
     * @throws NullPointerException if the signing key or the list is {@code null}
     */
    public RotorKeys {
        Objects.requireNonNull(signingKey, "signingKey");
        verificationKeys = List.copyOf(verificationKeys);
    }

    /**
     * Keys without a refresh-token key of their own.
     *
     * @param signingKey the key that signs new tokens
     * @param verificationKeys retired keys that only verify
     * @throws NullPointerException if an argument is {@code null}
     */
    public RotorKeys(JwtKey signingKey, List<JwtKey> verificationKeys) {
        this(signingKey, verificationKeys, null);
    }
}
