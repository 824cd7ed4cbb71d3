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

/**
 * A compare-and-set store in front of another whose next writes throw {@link StoreUnavailableException}, after
 * being applied (a lost reply) or without being applied (a store that is down). Its one-step rotation is the
 * store's own, or none at all, so that a rotation reaches {@link #write}; the next step can be made to lose its
 * reply too.
 */
final class ReplyLosingStore implements VersionedSessionStore {

    private final VersionedSessionStore store;
    private final AtomicInteger failing = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    private volatile boolean applyFailing;
    private final boolean oneStep;
    private volatile boolean stepFailing;

    /** @param oneStep whether to pass {@link #rotateIfCurrent} on to {@code store}, or have none */
    ReplyLosingStore(VersionedSessionStore store, boolean oneStep) {
        this.store = store;
        this.oneStep = oneStep;
    }

    /** The next one-step rotation is applied by the store behind and then throws, as if its reply was lost. */
    void loseNextStepReply() {
        stepFailing = true;
    }

    /** The next {@code count} writes throw; each is applied first if {@code applied}. */
    void failNext(int count, boolean applied) {
        applyFailing = applied;
        failing.set(count);
    }

    /** How many writes were tried, failed ones included. */
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
        writes.incrementAndGet();
        if (failing.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
            return store.write(update);
        }
        if (applyFailing) {
            store.write(update);
        }
        throw new StoreUnavailableException("the reply of a write was lost (a test's fault)", null);
    }

    @Override
    public Optional<SessionRecord> rotateIfCurrent(RotationRequest request, Instant expiresAt) {
        if (!oneStep) {
            return Optional.empty();
        }
        Optional<SessionRecord> rotated = store.rotateIfCurrent(request, expiresAt);
        if (stepFailing) {
            stepFailing = false;
            throw new StoreUnavailableException("the reply of a one-step rotation was lost (a test's fault)", null);
        }
        return rotated;
    }
}
