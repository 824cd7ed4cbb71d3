package dev.rotor.spring.boot;

import dev.rotor.spi.LoginRequest;
import dev.rotor.spi.LoginResult;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.SessionStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A store on a client the starter built for it (with credentials or TLS), closing both on shutdown. */
final class ClosingSessionStore implements SessionStore, AutoCloseable {

    private final SessionStore store;
    private final AutoCloseable client;

    ClosingSessionStore(SessionStore store, AutoCloseable client) {
        this.store = store;
        this.client = client;
    }

    @Override
    public LoginResult create(LoginRequest request) {
        return store.create(request);
    }

    @Override
    public RotationResult rotate(RotationRequest request) {
        return store.rotate(request);
    }

    @Override
    public Optional<SessionRecord> find(String subject, String sessionId, Instant now) {
        return store.find(subject, sessionId, now);
    }

    @Override
    public List<SessionRecord> list(String subject, Instant now) {
        return store.list(subject, now);
    }

    @Override
    public boolean revoke(String subject, String sessionId, Instant now) {
        return store.revoke(subject, sessionId, now);
    }

    @Override
    public int revokeAll(String subject, Instant now) {
        return store.revokeAll(subject, now);
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
