package dev.rotor.tck;

import dev.rotor.JwtKey;
import dev.rotor.TokenService;
import dev.rotor.TokenServiceBuilder;
import dev.rotor.spi.LoginRequest;
import dev.rotor.spi.LoginResult;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.SessionStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * What the contract tests need from a store, the helpers they share, and the hooks a store author may tune;
 * the root of {@link SessionStoreContract}.
 *
 * <p><b>Hooks.</b> {@link #raceRounds()}, {@link #raceThreads()}, {@link #rounds()} and {@link
 * #expiryDeadline()} set how hard the races run and how long expiry may take. Overriding them changes
 * effort and patience, never what is asserted, and each is held to a bound ({@link #MIN_RACE_ROUNDS}, {@link
 * #MIN_RACE_THREADS}, {@link #MIN_ROUNDS}, {@link #MAX_EXPIRY_DEADLINE}) that {@code
 * theTuningHooksStayInsideTheirBounds} checks, so a tuned kit is still the kit.
 */
public abstract class StoreFixture {

    /** Lifetime of refresh tokens in these tests. */
    protected static final Duration REFRESH_TTL = Duration.ofDays(7);

    /** The session limit of the logins in these tests, unless a test says otherwise. */
    protected static final int SESSION_LIMIT = 100;

    /** The time most tests run at: now, to the millisecond, as stores keep it. */
    protected final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    /** The fewest rounds {@link #raceRounds()} may ask for. */
    public static final int MIN_RACE_ROUNDS = 100;

    /** The fewest threads {@link #raceThreads()} may ask for. */
    public static final int MIN_RACE_THREADS = 8;

    /** The fewest rounds {@link #rounds()} may ask for. */
    public static final int MIN_ROUNDS = 50;

    /** The longest {@link #expiryDeadline()} may be. */
    public static final Duration MAX_EXPIRY_DEADLINE = Duration.ofMinutes(2);

    /** Creates the fixture. */
    protected StoreFixture() {}

    /**
     * Rounds of the concurrent-refresh race through a token service, each with {@link #raceThreads()}
     * threads presenting one refresh token at once. Default 1,000; at least {@link #MIN_RACE_ROUNDS}. A store
     * whose round trip is slow (a remote database) may lower it to keep the kit within minutes.
     *
     * @return the number of rounds
     */
    protected int raceRounds() {
        return 1_000;
    }

    /**
     * Threads presenting the same refresh token in each round of the concurrent-refresh race. Default 32;
     * at least {@link #MIN_RACE_THREADS}.
     *
     * @return the number of threads
     */
    protected int raceThreads() {
        return 32;
    }

    /**
     * Rounds of each of the other races (grace replays, rotation against revocation, reuse against a sibling,
     * logins at the session limit). Default 200; at least {@link #MIN_ROUNDS}.
     *
     * @return the number of rounds
     */
    protected int rounds() {
        return 200;
    }

    /**
     * How long after its last record's {@link SessionRecord#expiresAt()} the store may still {@linkplain
     * #holdsAnything hold anything} of a subject. Default 10 seconds; at most {@link #MAX_EXPIRY_DEADLINE}. A
     * store that deletes expired rows on a schedule sets it to its schedule's period plus some slack, or runs
     * its clean-up from {@link #holdsAnything}.
     *
     * @return the deadline
     */
    protected Duration expiryDeadline() {
        return Duration.ofSeconds(10);
    }

    /**
     * The store under test. May return the same instance for every test: tests use their own subjects.
     *
     * @return the store
     */
    protected abstract SessionStore store();

    /**
     * Whether the store still holds anything at all for a subject, expired or not: keys, entries, rows. The
     * expiry tests poll it every 50 ms and require {@code false} within {@link #expiryDeadline()} after the
     * subject's last record expired; it may run the store's clean-up first.
     *
     * @param subject the subject
     * @return {@code true} if anything is kept for it
     */
    protected abstract boolean holdsAnything(String subject);

    /**
     * Everything the store holds, keys and values, as text; searched for token fragments.
     *
     * @return the store's whole content
     */
    protected abstract String storedContent();

    /**
     * A subject no other test uses.
     *
     * @return a random subject
     */
    protected static String newSubject() {
        return "user-" + UUID.randomUUID();
    }

    /**
     * A session id no other test uses.
     *
     * @return a random session id
     */
    protected static String newSessionId() {
        return "s-" + UUID.randomUUID();
    }

    /**
     * Opens and stores a session at {@link #now}.
     *
     * @param subject the subject
     * @return the stored record
     */
    protected SessionRecord openSession(String subject) {
        SessionRecord session = SessionRecord.open(newSessionId(), subject, "phone", now, REFRESH_TTL, null);
        login(session);
        return session;
    }

    /**
     * Stores a session as a login does, under {@link #SESSION_LIMIT}.
     *
     * @param session the session at generation 0
     * @return what the store answered
     */
    protected LoginResult login(SessionRecord session) {
        return store().create(new LoginRequest(session, SESSION_LIMIT, false));
    }

    /**
     * A rotation request with grace off whose reuse revokes every session of the subject.
     *
     * @param session the session to rotate
     * @param generation the presented generation
     * @param at the time of the request
     * @return the request
     */
    protected static RotationRequest rotation(SessionRecord session, long generation, Instant at) {
        return new RotationRequest(
                session.subject(),
                session.sessionId(),
                generation,
                UUID.randomUUID().toString(),
                at,
                REFRESH_TTL,
                Duration.ZERO,
                0,
                true);
    }

    /**
     * The same request with another request id, grace period and reuse scope.
     *
     * @param request the request
     * @param requestId the request id
     * @param grace the grace period
     * @param maxReplays the replay bound
     * @param revokeAll whether a reuse revokes every session of the subject, or only the reused one
     * @return the changed request
     */
    protected static RotationRequest with(
            RotationRequest request, String requestId, Duration grace, int maxReplays, boolean revokeAll) {
        return new RotationRequest(
                request.subject(),
                request.sessionId(),
                request.presentedGeneration(),
                requestId,
                request.now(),
                request.refreshTtl(),
                grace,
                maxReplays,
                revokeAll);
    }

    /**
     * A token service on the store under test, with a fresh random HS256 key.
     *
     * @param settings further settings
     * @return the service
     */
    protected TokenService tokenService(UnaryOperator<TokenServiceBuilder> settings) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return settings.apply(TokenService.builder()
                        .signingKey(JwtKey.hs256("tck", secret))
                        .store(store()))
                .build();
    }
}
