package dev.rotor.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@link SessionStore} that passes every call on to the store {@link #delegate()} returns: the base of a
 * store that adds something around another one (closing a client, running the rules over a compare-and-set
 * store, disturbing calls in a test) and overrides only the calls it changes.
 *
 * <p>An abstract class rather than an interface so that {@link #delegate()} stays out of the subclass's
 * public API.
 */
public abstract class ForwardingSessionStore implements SessionStore {

    /** For subclasses. */
    protected ForwardingSessionStore() {}

    /**
     * The store every call goes to.
     *
     * @return the same store on every call, never {@code null}
     */
    protected abstract SessionStore delegate();

    /**
     * Passes the call on to {@link #delegate()}.
     *
     * @param request the session at generation 0 and the limit
     * @return the delegate's answer
     * @throws StoreUnavailableException if the delegate throws it
     */
    @Override
    public LoginResult create(LoginRequest request) {
        return delegate().create(request);
    }

    /**
     * Passes the call on to {@link #delegate()}.
     *
     * @param request the presented generation and the policy
     * @return the delegate's answer
     * @throws StoreUnavailableException if the delegate throws it
     */
    @Override
    public RotationResult rotate(RotationRequest request) {
        return delegate().rotate(request);
    }

    /**
     * Passes the call on to {@link #delegate()}.
     *
     * @param subject the session's user
     * @param sessionId the session
     * @param now the time to judge expiry at
     * @return the delegate's answer
     * @throws StoreUnavailableException if the delegate throws it
     */
    @Override
    public Optional<SessionRecord> find(String subject, String sessionId, Instant now) {
        return delegate().find(subject, sessionId, now);
    }

    /**
     * Passes the call on to {@link #delegate()}.
     *
     * @param subject the user
     * @param now the time to judge expiry at
     * @return the delegate's answer
     * @throws StoreUnavailableException if the delegate throws it
     */
    @Override
    public List<SessionRecord> list(String subject, Instant now) {
        return delegate().list(subject, now);
    }

    /**
     * Passes the call on to {@link #delegate()}.
     *
     * @param subject the session's user
     * @param sessionId the session
     * @param now the time to judge expiry at
     * @return the delegate's answer
     * @throws StoreUnavailableException if the delegate throws it
     */
    @Override
    public boolean revoke(String subject, String sessionId, Instant now) {
        return delegate().revoke(subject, sessionId, now);
    }

    /**
     * Passes the call on to {@link #delegate()}.
     *
     * @param subject the user
     * @param now the time to judge expiry at
     * @return the delegate's answer
     * @throws StoreUnavailableException if the delegate throws it
     */
    @Override
    public int revokeAll(String subject, Instant now) {
        return delegate().revokeAll(subject, now);
    }
}
