package dev.rotor;

/** What Rotor revokes when a refresh token is presented a second time. */
public enum ReuseScope {
    /** Only the session (token family) the reused token belongs to. */
    SESSION,
    /**
     * Every session of the token's subject, on every device: the original Go service's behaviour (see {@link
     * dev.rotor}).
     */
    ALL_SESSIONS
}
