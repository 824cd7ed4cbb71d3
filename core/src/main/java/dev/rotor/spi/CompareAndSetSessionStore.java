package dev.rotor.spi;

import dev.rotor.spi.RotationResult.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * A {@link SessionStore} that runs every rule in Rotor and asks a {@link VersionedSessionStore} only to read
 * with a version and to compare-and-set: each call reads, decides with {@link RotationRules} (or the login
 * limit of {@link LoginRequest}), and writes back only if the subject's version is unchanged.
 *
 * <p><b>Contention.</b> A write refused because of a changed version means another call on the same subject
 * committed in between, so the call reads again and decides again on the newer state: a concurrent rotation
 * of the same token is then seen as a retry, a grace replay or a reuse, never as an error. It tries up to
 * {@link #MAX_ATTEMPTS} times, pausing for a random, growing moment (at most a few milliseconds) after
 * each refused write; each refusal is some other call's success, so only a subject written by many calls at
 * once through the whole of that time exhausts them, and then the call fails closed with {@link
 * StoreUnavailableException} having changed nothing (Rotor answers {@code STORE_UNAVAILABLE}; the token is
 * still good for the next try). Calls that decide to change nothing write nothing and never retry.
 *
 * <p><b>Lost replies.</b> A {@link VersionedSessionStore#write} that throws {@link StoreUnavailableException}
 * may have been applied. The call then reads and decides again with the same request, up to {@link
 * #MAX_LOST_REPLIES} times: a rotation or grace replay that landed is found by its request id and a login by
 * its session id, and the call answers exactly what the lost reply would have said; one that did not land is
 * decided and written again. A revocation found applied reports that it revoked nothing, as a resent Redis
 * script does. If a read fails, or every write does, the exception reaches Rotor, which fails closed.
 */
public final class CompareAndSetSessionStore implements SessionStore {

    /** How many times one call reads and tries to write before it gives up on a contended subject. */
    public static final int MAX_ATTEMPTS = 256;

    /** How many writes of one call may fail with {@link StoreUnavailableException} before the call gives up. */
    public static final int MAX_LOST_REPLIES = 3;

    private static final long LONGEST_PAUSE_NANOS = 4_000_000;

    private final VersionedSessionStore store;

    private CompareAndSetSessionStore(VersionedSessionStore store) {
        this.store = store;
    }

    /**
     * Runs Rotor's rules over a compare-and-set store.
     *
     * @param store the store that supplies the atomicity
     * @return the session store to give Rotor
     * @throws NullPointerException if {@code store} is {@code null}
     */
    public static CompareAndSetSessionStore over(VersionedSessionStore store) {
        return new CompareAndSetSessionStore(Objects.requireNonNull(store, "store"));
    }

    @Override
    public LoginResult create(LoginRequest request) {
        SessionRecord session = request.session();
        Instant now = session.createdAt();
        return untilWritten(call -> {
            VersionedSessions read = store.readAll(session.subject(), now);
            LoginRules.Plan plan = LoginRules.decide(read.sessions(), request);
            if (plan.result().alreadyStored()) {
                return Optional.of(call.landedOr(plan.result()));
            }
            if (!plan.result().opened()) {
                return Optional.of(plan.result());
            }
            SessionsUpdate update = new SessionsUpdate(
                    session.subject(), read.version(), List.of(session), List.of(), plan.removed(), now);
            return call.written(update, plan.result());
        });
    }

    /**
     * Tries the store's one-step {@link VersionedSessionStore#rotateIfCurrent} first, then reads and decides if
     * it did not apply. A lost reply of that step counts as one of the call's {@link #MAX_LOST_REPLIES}, and a
     * rotation the read then finds landed under this request's id is answered as rotated, as its reply would
     * have been.
     */
    @Override
    public RotationResult rotate(RotationRequest request) {
        Instant expiresAt = request.now().plus(request.refreshTtl());
        Call<RotationResult> call = new Call<>();
        try {
            Optional<SessionRecord> rotated = store.rotateIfCurrent(request, expiresAt);
            if (rotated.isPresent()) {
                return new RotationResult(Outcome.ROTATED, checked(rotated.get(), request, expiresAt), 0);
            }
        } catch (StoreUnavailableException e) {
            call.lostReplies = 1;
        }
        RotationResult result = untilWritten(call, attempt -> rotateOnce(attempt, request, false));
        boolean ownLostStep = call.lostReplies > 0
                && result.outcome() == Outcome.RETRIED
                && request.requestId().equals(result.session().lastRequestId());
        return ownLostStep ? new RotationResult(Outcome.ROTATED, result.session(), 0) : result;
    }

    /** The record a one-step rotation returned, if it is the one {@link RotationRules#decide} would write. */
    private static SessionRecord checked(SessionRecord rotated, RotationRequest request, Instant expiresAt) {
        boolean asRuled = rotated.subject().equals(request.subject())
                && rotated.sessionId().equals(request.sessionId())
                && rotated.generation() == request.presentedGeneration() + 1
                && rotated.rotatedAt().equals(request.now())
                && rotated.expiresAt().equals(SessionRecord.cap(expiresAt, rotated.absoluteExpiresAt()))
                && request.requestId().equals(rotated.lastRequestId())
                && rotated.replayRequestIds().isEmpty()
                && !rotated.revoked();
        if (!asRuled) {
            throw new IllegalStateException("the store's rotateIfCurrent returned a record other than the rotation"
                    + " it was asked for (a bug in the store)");
        }
        return rotated;
    }

    /** One attempt at a rotation, on the one session read, or on all of the subject's if {@code wide}. */
    private Optional<RotationResult> rotateOnce(Call<RotationResult> call, RotationRequest request, boolean wide) {
        Instant now = request.now();
        VersionedSessions read =
                wide ? store.readAll(request.subject(), now) : store.read(request.subject(), request.sessionId(), now);
        RotationResult decision = RotationRules.decide(read.find(request.sessionId()), request);
        SessionRecord session = decision.session();
        switch (decision.outcome()) {
            case ROTATED, GRACE_REPLAY -> {
                return call.written(SessionsUpdate.changing(read.version(), session, now), decision);
            }
            case RETRIED -> {
                return Optional.of(call.landedOr(decision)); // request ids are new: a lost write of this call
            }
            case REUSE_DETECTED -> {
                if (!session.isActive(now)) {
                    return Optional.of(decision);
                }
                if (!request.revokeAllOnReuse()) {
                    SessionsUpdate update = SessionsUpdate.changing(read.version(), session.markedRevoked(), now);
                    return call.written(update, new RotationResult(Outcome.REUSE_DETECTED, session, 1));
                }
                if (!wide) {
                    return rotateOnce(call, request, true); // decide again on every session of the subject at once
                }
                List<SessionRecord> revoked = revokedLive(read, request.subject(), now);
                return call.written(
                        update(request.subject(), read.version(), revoked, now),
                        new RotationResult(Outcome.REUSE_DETECTED, session, revoked.size()));
            }
            default -> {
                return Optional.of(decision);
            }
        }
    }

    @Override
    public Optional<SessionRecord> find(String subject, String sessionId, Instant now) {
        SessionRecord session = store.read(subject, sessionId, now).find(sessionId);
        return isLiveOf(session, subject, now) ? Optional.of(session) : Optional.empty();
    }

    @Override
    public List<SessionRecord> list(String subject, Instant now) {
        List<SessionRecord> live = new ArrayList<>();
        for (SessionRecord session : store.readAll(subject, now).sessions()) {
            if (isLiveOf(session, subject, now)) {
                live.add(session);
            }
        }
        return live;
    }

    @Override
    public boolean revoke(String subject, String sessionId, Instant now) {
        return untilWritten(call -> {
            VersionedSessions read = store.read(subject, sessionId, now);
            SessionRecord session = read.find(sessionId);
            if (!isLiveOf(session, subject, now)) {
                return Optional.of(false);
            }
            return call.written(SessionsUpdate.changing(read.version(), session.markedRevoked(), now), true);
        });
    }

    @Override
    public int revokeAll(String subject, Instant now) {
        return untilWritten(call -> {
            VersionedSessions read = store.readAll(subject, now);
            List<SessionRecord> revoked = revokedLive(read, subject, now);
            if (revoked.isEmpty()) {
                return Optional.of(0);
            }
            return call.written(update(subject, read.version(), revoked, now), revoked.size());
        });
    }

    /**
     * Runs {@code step} until it answers: a step answers empty when its write was refused or its reply lost,
     * and is then run again (after a pause, if refused).
     */
    private <T> T untilWritten(Function<Call<T>, Optional<T>> step) {
        return untilWritten(new Call<>(), step);
    }

    private <T> T untilWritten(Call<T> call, Function<Call<T>, Optional<T>> step) {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            Optional<T> answer = step.apply(call);
            if (answer.isPresent()) {
                return answer.get();
            }
            if (!call.replyLost) {
                pause(i);
            }
        }
        throw new StoreUnavailableException(
                "the sessions of one subject changed under each of " + MAX_ATTEMPTS + " attempts to write them", null);
    }

    /** One call's attempts: what a write whose reply was lost would have answered. */
    private final class Call<T> {
        private T unconfirmed;
        private int lostReplies;
        private boolean replyLost;

        Optional<T> written(SessionsUpdate update, T answer) {
            replyLost = false;
            try {
                return store.write(update) ? Optional.of(answer) : Optional.empty();
            } catch (StoreUnavailableException e) {
                if (++lostReplies >= MAX_LOST_REPLIES) {
                    throw e;
                }
                unconfirmed = answer;
                replyLost = true;
                return Optional.empty();
            }
        }

        /** The answer of this call's own write that a read now finds applied, or {@code found} if none. */
        T landedOr(T found) {
            return unconfirmed != null ? unconfirmed : found;
        }
    }

    private static void pause(int refusals) {
        if (refusals == 0) {
            return; // the first retry at once: a single competitor has usually finished
        }
        long longest = Math.min(LONGEST_PAUSE_NANOS, 10_000L << Math.min(refusals, 16));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(longest));
    }

    private static List<SessionRecord> revokedLive(VersionedSessions read, String subject, Instant now) {
        List<SessionRecord> revoked = new ArrayList<>();
        for (SessionRecord session : read.sessions()) {
            if (isLiveOf(session, subject, now)) {
                revoked.add(session.markedRevoked());
            }
        }
        return revoked;
    }

    private static SessionsUpdate update(String subject, long version, List<SessionRecord> changed, Instant now) {
        return new SessionsUpdate(subject, version, List.of(), changed, List.of(), now);
    }

    private static boolean isLiveOf(SessionRecord session, String subject, Instant now) {
        return session != null && session.subject().equals(subject) && session.isActive(now);
    }
}
