package dev.rotor.spring.boot;

import dev.rotor.spi.ForwardingSessionStore;
import dev.rotor.spi.SessionStore;

/** A store on a client the starter built for it (with credentials or TLS), closing both on shutdown. */
final class ClosingSessionStore extends ForwardingSessionStore implements AutoCloseable {

    private final SessionStore store;
    private final AutoCloseable client;

    ClosingSessionStore(SessionStore store, AutoCloseable client) {
        this.store = store;
        this.client = client;
    }

    /** The store on the starter's client. */
    @Override
    protected SessionStore delegate() {
        return store;
    }

    @Override
    public void close() throws Exception {
        try (AutoCloseable closing = client) {
            if (store instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
