package dev.rotor.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a login did in the store.
 *
 * @param opened whether the new session was stored; {@code false} only when the subject was at its limit and
 *     the request said {@linkplain LoginRequest#rejectAtLimit() reject}
 * @param evicted the live sessions deleted to make room, as they were, oldest first; revoked records
 *     forgotten at the limit are not listed
 */
public record LoginResult(boolean opened, List<SessionRecord> evicted) {

    private static final LoginResult OPENED_ALONE = new LoginResult(true, List.of());
    private static final LoginResult REJECTED = new LoginResult(false, List.of());

    /**
     * Checks the components.
     *
     * @param opened see {@link #opened()}
     * @param evicted see {@link #evicted()}
     * @throws NullPointerException if {@code evicted} is {@code null}
     * @throws IllegalArgumentException if a rejected login claims to have evicted sessions
     */
    public LoginResult {
        evicted = List.copyOf(Objects.requireNonNull(evicted, "evicted"));
        if (!opened && !evicted.isEmpty()) {
            throw new IllegalArgumentException("a rejected login evicts nothing");
        }
    }

    /**
     * The session was stored and nothing live was evicted.
     *
     * @return that result
     */
    public static LoginResult openedAlone() {
        return OPENED_ALONE;
    }

    /**
     * The subject was at its limit and nothing was stored.
     *
     * @return that result
     */
    public static LoginResult rejected() {
        return REJECTED;
    }
}
