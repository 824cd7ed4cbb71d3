package dev.rotor.spring.boot;

import dev.rotor.JwtKey;
import java.util.List;
import java.util.Objects;

/**
 * The keys Rotor signs and verifies with. The auto-configuration builds them from {@code rotor.signing-key.*}
 * and {@code rotor.verification-keys[*]}; define a bean of this type to bring your own, such as from a vault.
 *
 * @param signingKey the key that signs new tokens and verifies them
 * @param verificationKeys retired keys that only verify
 */
public record RotorKeys(JwtKey signingKey, List<JwtKey> verificationKeys) {

    /**
     * Checks the components.
     *
     * @param signingKey see {@link #signingKey()}
     * @param verificationKeys see {@link #verificationKeys()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public RotorKeys {
        Objects.requireNonNull(signingKey, "signingKey");
        verificationKeys = List.copyOf(verificationKeys);
    }
}
