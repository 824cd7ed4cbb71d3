package dev.rotor.spi;

import java.util.Objects;

/**
 * A new session to store, with the per-subject limit the store enforces in the same atomic step.
 *
 * <p>The limit counts every unexpired record of the subject, revoked ones included, so that it bounds what a
 * subject keeps in the store. While the subject holds fewer than {@code maxSessions} records, the session is
 * simply stored. Otherwise:
 *
 * <ol>
 *   <li>with {@code rejectAtLimit}, if {@code maxSessions} or more of them are live (neither revoked nor
 *       expired), nothing changes and the login is {@linkplain LoginResult#rejected() rejected};
 *   <li>every revoked record of the subject is deleted;
 *   <li>while {@code maxSessions} or more live sessions remain, the oldest, by {@link
 *       SessionRecord#createdAt()} and then by session id, is deleted ("evicted");
 *   <li>the session is stored.
 * </ol>
 *
 * <p>So after a login the subject never holds more than {@code maxSessions} records.
 *
 * @param session the session at generation 0
 * @param maxSessions how many records the subject may hold with this one, at least 1
 * @param rejectAtLimit whether a login at the limit is refused instead of evicting the oldest live session
 */
public record LoginRequest(SessionRecord session, int maxSessions, boolean rejectAtLimit) {

    /**
     * Checks the components.
     *
     * @param session see {@link #session()}
     * @param maxSessions see {@link #maxSessions()}
     * @param rejectAtLimit see {@link #rejectAtLimit()}
     * @throws NullPointerException if {@code session} is {@code null}
     * @throws IllegalArgumentException if {@code maxSessions} is below 1 or the session is not at generation 0
     */
    public LoginRequest {
        Objects.requireNonNull(session, "session");
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1");
        }
        if (session.generation() != 0 || session.revoked()) {
            throw new IllegalArgumentException("a login stores a live session at generation 0");
        }
    }
}
