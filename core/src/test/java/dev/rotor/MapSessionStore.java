package dev.rotor;

import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult;
import dev.rotor.spi.RotationRules;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.SessionStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The simplest conforming store: one lock around a map. For core's own tests, which cannot see the stores. */
class MapSessionStore implements SessionStore {

    final Map<String, SessionRecord> sessions = new HashMap<>();
    int rotations;

    @Override
    public synchronized void create(SessionRecord session) {
        sessions.put(session.sessionId(), session);
    }

    @Override
    public synchronized RotationResult rotate(RotationRequest request) {
        rotations++;
        RotationResult result = RotationRules.decide(sessions.get(request.sessionId()), request);
        SessionRecord session = result.session();
        switch (result.outcome()) {
            case ROTATED, GRACE_REPLAY -> sessions.put(session.sessionId(), session);
            case REUSE_DETECTED -> {
                if (!session.isActive(request.now())) {
                    return result;
                }
                List<SessionRecord> victims = request.reuseScope() == ReuseScope.SESSION
                        ? List.of(session)
                        : list(session.subject(), request.now());
                victims.forEach(victim -> sessions.put(victim.sessionId(), victim.markedRevoked()));
                return new RotationResult(result.outcome(), session, victims.size());
            }
            default -> {}
        }
        return result;
    }

    @Override
    public synchronized Optional<SessionRecord> find(String subject, String sessionId, Instant now) {
        return Optional.ofNullable(sessions.get(sessionId))
                .filter(s -> s.subject().equals(subject) && s.isActive(now));
    }

    @Override
    public synchronized List<SessionRecord> list(String subject, Instant now) {
        return sessions.values().stream()
                .filter(s -> s.subject().equals(subject) && s.isActive(now))
                .toList();
    }

    @Override
    public synchronized boolean revoke(String subject, String sessionId, Instant now) {
        Optional<SessionRecord> session = find(subject, sessionId, now);
        session.ifPresent(s -> sessions.put(sessionId, s.markedRevoked()));
        return session.isPresent();
    }

    @Override
    public synchronized int revokeAll(String subject, Instant now) {
        List<SessionRecord> active = list(subject, now);
        active.forEach(s -> sessions.put(s.sessionId(), s.markedRevoked()));
        return active.size();
    }
}
