package dev.rotor.tck;

import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.SessionsUpdate;
import dev.rotor.spi.StoreUnavailableException;
import dev.rotor.spi.VersionedSessionStore;
import dev.rotor.spi.VersionedSessions;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A compare-and-set store in front of another whose next writes throw {@link StoreUnavailableException}, after
 * being applied (a lost reply) or without being applied (a store that is down). A one-step rotation is a write
 * here too, whether or not the store behind has one.
 */
final class ReplyLosingStore implements VersionedSessionStore {

    private final VersionedSessionStore store;
    private final AtomicInteger failing = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    private volatile boolean applyFailing;

    ReplyLosingStore(VersionedSessionStore store) {
        this.store = store;
    }

    /** The next {@code count} writes throw; each is applied first if {@code applied}. */
    void failNext(int count, boolean applied) {
        applyFailing = applied;
        failing.set(count);
    }

    /** How many writes (and one-step rotations) were tried, failed ones included. */
    int writes() {
        return writes.get();
    }

    @Override
    public VersionedSessions read(String subject, String sessionId, Instant now) {
        return store.read(subject, sessionId, now);
    }

    @Override
    public VersionedSessions readAll(String subject, Instant now) {
        return store.readAll(subject, now);
    }

    @Override
    public boolean write(SessionsUpdate update) {
        return failingOr(() -> store.write(update));
    }

    @Override
    public Optional<SessionRecord> rotateIfCurrent(RotationRequest request, Instant expiresAt) {
        return failingOr(() -> store.rotateIfCurrent(request, expiresAt));
    }

    private <T> T failingOr(Supplier<T> write) {
        writes.incrementAndGet();
        if (failing.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
            return write.get();
        }
        if (applyFailing) {
            write.get();
        }
        throw new StoreUnavailableException("the reply of a write was lost (a test's fault)", null);
    }
}
