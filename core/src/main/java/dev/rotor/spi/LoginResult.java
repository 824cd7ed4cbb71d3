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
 * @param alreadyStored whether the session id was found stored already, so that this was the same login sent
 *     again (after a lost reply) and changed nothing now: the session is opened, and whatever the first
 *     sending evicted is not listed, so Rotor forgets every live answer it holds for the subject
 */
public record LoginResult(boolean opened, List<SessionRecord> evicted, boolean alreadyStored) {

    private static final LoginResult OPENED_ALONE = new LoginResult(true, List.of());
    private static final LoginResult REJECTED = new LoginResult(false, List.of());
    private static final LoginResult ALREADY_STORED = new LoginResult(true, List.of(), true);

    /**
     * Checks the components.
     *
     * @param opened see {@link #opened()}
     * @param evicted see {@link #evicted()}
     * @param alreadyStored see {@link #alreadyStored()}
     * @throws NullPointerException if {@code evicted} is {@code null}
     * @throws IllegalArgumentException if a rejected or resent login claims to have evicted sessions, or a
     *     resent one not to be opened
     */
    public LoginResult {
        evicted = List.copyOf(Objects.requireNonNull(evicted, "evicted"));
        if (!opened && !evicted.isEmpty()) {
            throw new IllegalArgumentException("a rejected login evicts nothing");
        }
        if (alreadyStored && (!opened || !evicted.isEmpty())) {
            throw new IllegalArgumentException("a login found already stored is opened and evicts nothing now");
        }
    }

    /**
     * A login that was not found already stored.
     *
     * @param opened see {@link #opened()}
     * @param evicted see {@link #evicted()}
     * @throws NullPointerException if {@code evicted} is {@code null}
     * @throws IllegalArgumentException if a rejected login claims to have evicted sessions
     */
    public LoginResult(boolean opened, List<SessionRecord> evicted) {
        this(opened, evicted, false);
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
     * The session id was already stored: the same login sent again, which changed nothing.
     *
     * @return that result
     */
    public static LoginResult sentAgain() {
        return ALREADY_STORED;
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
