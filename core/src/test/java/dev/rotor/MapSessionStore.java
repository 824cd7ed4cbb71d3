package dev.rotor;

import dev.rotor.spi.CompareAndSetSessionStore;
import dev.rotor.spi.ForwardingSessionStore;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.SessionStore;
import dev.rotor.spi.SessionsUpdate;
import dev.rotor.spi.VersionedSessionStore;
import dev.rotor.spi.VersionedSessions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compare-and-set store on one lock around a map, under core's {@link CompareAndSetSessionStore}, so core's
 * own tests (which cannot see the real stores) run the second-tier rules. Not a store to ship: it is checked
 * only by core's tests; the conformance kit runs on {@code CaffeineSessionStore}, the same tier.
 */
class MapSessionStore extends ForwardingSessionStore {

    /** Every record, of every subject, by session id; tests may read and clear it. */
    final Map<String, SessionRecord> sessions = new HashMap<>();

    int rotations;
    private final Map<String, Long> versions = new HashMap<>();
    private final SessionStore rules = CompareAndSetSessionStore.over(new Versioned());

    @Override
    protected SessionStore delegate() {
        return rules;
    }

    @Override
    public RotationResult rotate(RotationRequest request) {
        synchronized (this) {
            rotations++;
        }
        return rules.rotate(request);
    }

    /** The map seen as a compare-and-set store, versioned per subject. */
    private final class Versioned implements VersionedSessionStore {
        @Override
        public VersionedSessions read(String subject, String sessionId, Instant now) {
            synchronized (MapSessionStore.this) {
                SessionRecord session = sessions.get(sessionId);
                boolean owned = session != null && session.subject().equals(subject);
                return new VersionedSessions(versions.getOrDefault(subject, 0L), owned ? List.of(session) : List.of());
            }
        }

        @Override
        public VersionedSessions readAll(String subject, Instant now) {
            synchronized (MapSessionStore.this) {
                List<SessionRecord> own = sessions.values().stream()
                        .filter(s -> s.subject().equals(subject))
                        .toList();
                return new VersionedSessions(versions.getOrDefault(subject, 0L), own);
            }
        }

        @Override
        public boolean write(SessionsUpdate update) {
            synchronized (MapSessionStore.this) {
                if (versions.getOrDefault(update.subject(), 0L) != update.expectedVersion()) {
                    return false;
                }
                versions.merge(update.subject(), 1L, Long::sum);
                update.removed().forEach(sessions::remove);
                update.added().forEach(s -> sessions.put(s.sessionId(), s));
                update.changed().forEach(s -> sessions.put(s.sessionId(), s));
                sessions.values().removeIf(s -> s.isExpired(update.now()));
                return true;
            }
        }
    }
}
