package dev.rotor.security;

import dev.rotor.spi.ForwardingSessionStore;
import dev.rotor.spi.SessionStore;

/** A store that passes every call on; tests override the calls they want to disturb. */
class ForwardingStore extends ForwardingSessionStore {

    private final SessionStore delegate;

    ForwardingStore(SessionStore delegate) {
        this.delegate = delegate;
    }

    @Override
    protected SessionStore delegate() {
        return delegate;
    }
}
