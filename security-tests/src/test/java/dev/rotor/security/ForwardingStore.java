package dev.rotor.security;

import dev.rotor.spi.LoginRequest;
import dev.rotor.spi.LoginResult;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.SessionStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A store that passes every call on; tests override the calls they want to disturb. */
class ForwardingStore implements SessionStore {

    private final SessionStore delegate;

    ForwardingStore(SessionStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public LoginResult create(LoginRequest request) {
        return delegate.create(request);
    }

    @Override
    public RotationResult rotate(RotationRequest request) {
        return delegate.rotate(request);
    }

    @Override
    public Optional<SessionRecord> find(String subject, String sessionId, Instant now) {
        return delegate.find(subject, sessionId, now);
    }

    @Override
    public List<SessionRecord> list(String subject, Instant now) {
        return delegate.list(subject, now);
    }

    @Override
    public boolean revoke(String subject, String sessionId, Instant now) {
        return delegate.revoke(subject, sessionId, now);
    }

    @Override
    public int revokeAll(String subject, Instant now) {
        return delegate.revokeAll(subject, now);
    }
}
