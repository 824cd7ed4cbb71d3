package dev.rotor;

/** What a login does when the user already holds {@link TokenServiceBuilder#maxSessionsPerUser} sessions. */
public enum SessionLimitPolicy {
    /** The user's oldest session, by login time, is evicted: logged out, and reported as an event. */
    EVICT_OLDEST,
    /** The login is refused with {@link RotorException.Reason#SESSION_LIMIT_REACHED}; nothing changes. */
    REJECT_NEW
}
