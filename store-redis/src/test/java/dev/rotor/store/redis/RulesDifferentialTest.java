package dev.rotor.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.spi.CompareAndSetSessionStore;
import dev.rotor.spi.LoginRequest;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.SessionStore;
import dev.rotor.spi.SessionsUpdate;
import dev.rotor.spi.VersionedSessionStore;
import dev.rotor.spi.VersionedSessions;
import dev.rotor.testing.redis.RedisServer;
import dev.rotor.testing.redis.RedisServers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * The Lua scripts on a real redis-server against Rotor's Java rules (the compare-and-set tier over a map),
 * driven through the same generated sequences of logins at a small session limit (some sent twice, some in
 * the same millisecond, so the session id breaks the tie), sessions with and without an absolute lifetime
 * and a device id, rotations of current, old and future generations, retries with a request id already used,
 * grace replays, revocations, revoke-all, calls naming another subject's session, time running past expiry,
 * and time going back a little (clocks of instances disagree). After every step both must have answered the
 * same and hold the same unexpired records.
 */
@ExtendWith(RedisServers.class)
class RulesDifferentialTest {

    private static final long SEED = Long.getLong("rotor.rules.seed", 20261201L);
    private static final int SEQUENCES = 300;
    private static final int STEPS = 40;
    private static final Duration REFRESH_TTL = Duration.ofSeconds(30);

    private final RedisServer redis;

    RulesDifferentialTest(RedisServer redis) {
        this.redis = redis;
    }

    @Test
    void theLuaScriptsAndTheJavaRulesAgreeOnEveryStepOfEverySequence() {
        String prefix = "differential-" + UUID.randomUUID() + ":";
        Random random = new Random(SEED);
        int compared = 0;
        Map<String, Integer> seen = new HashMap<>();
        try (RedisSessionStore lua = RedisSessionStore.builder()
                        .standalone(redis.hostAndPort())
                        .keyPrefix(prefix)
                        .build();
                Jedis admin = redis.connect()) {
            for (int sequence = 0; sequence < SEQUENCES; sequence++) {
                MapVersionedStore map = new MapVersionedStore();
                SessionStore java = CompareAndSetSessionStore.over(map);
                Sequence run = new Sequence(random, sequence);
                for (int step = 0; step < STEPS; step++) {
                    Op op = run.next();
                    Object expected = op.apply(java);
                    Object actual = op.apply(lua);
                    String where = "sequence " + sequence + " step " + step + ": " + op.description();
                    assertThat(actual).as(where).isEqualTo(expected);
                    run.learn(expected);
                    seen.merge(kindOf(expected), 1, Integer::sum);
                    run.notes.forEach(note -> seen.merge(note, 1, Integer::sum));
                    run.notes.clear();
                    for (String subject : run.subjects) {
                        assertThat(unexpired(luaRecords(admin, prefix, subject), run.now))
                                .as("records of %s after %s", subject, where)
                                .isEqualTo(
                                        unexpired(map.readAll(subject, run.now).sessions(), run.now));
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(SEQUENCES * STEPS);
        System.out.println("Rules differential: " + compared + " steps compared, " + seen);
        assertThat(seen)
                .as("every kind of answer came up")
                .allSatisfy((kind, count) -> assertThat(count).as(kind).isGreaterThanOrEqualTo(20))
                .containsKeys(
                        "ROTATED",
                        "RETRIED",
                        "GRACE_REPLAY",
                        "REUSE_DETECTED",
                        "REUSE_REVOKING",
                        "NOT_FOUND",
                        "LOGIN",
                        "LOGIN_EVICTING",
                        "LOGIN_REJECTED",
                        "LOGIN_SENT_AGAIN",
                        "CAPPED_BY_ABSOLUTE_LIFETIME",
                        "SAME_MILLISECOND_LOGINS",
                        "CLOCK_BEHIND",
                        "REVOKED",
                        "NOT_REVOKED");
    }

    /** One call, applied alike to both stores. */
    private interface Op {
        Object apply(SessionStore store);

        String description();
    }

    /** The generator: a few sessions of two subjects, and what it has learned of them from the answers. */
    private static final class Sequence {
        final Random random;
        final List<String> subjects;
        final List<SessionRecord> known = new ArrayList<>();
        final List<String> requestIds = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final int limit;
        final boolean reject;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        Sequence(Random random, int index) {
            this.random = random;
            this.subjects = List.of("alice-" + index + "-" + UUID.randomUUID(), "bob|{" + index + "}\u0000");
            this.limit = 1 + random.nextInt(4);
            this.reject = random.nextInt(3) == 0;
        }

        Op next() {
            int tick = random.nextInt(25);
            if (tick == 0) {
                now = now.plusMillis(5_000 + random.nextInt(30_000));
            } else if (tick == 1) {
                now = behind(now.minusMillis(1 + random.nextInt(50))); // another instance, whose clock is behind
            } else if (tick > 5) {
                now = now.plusMillis(random.nextInt(1_000)); // else the same millisecond as the last step
            }
            if (!known.isEmpty() && random.nextInt(30) == 0) {
                Instant end = known.get(random.nextInt(known.size())).expiresAt();
                now = end.isAfter(now) ? end : now; // exactly at a session's end
            }
            Instant at = now;
            int kind = known.isEmpty() ? 0 : random.nextInt(10);
            if (kind == 0 || kind == 1) {
                String subject = subjects.get(random.nextInt(2));
                SessionRecord session = SessionRecord.open(
                        "s" + Long.toHexString(random.nextLong()), // from the seed: ties break alike each run
                        subject,
                        random.nextBoolean() ? "d" : null,
                        at,
                        REFRESH_TTL,
                        random.nextBoolean() ? null : Duration.ofMillis(1_000 + random.nextInt(45_000)));
                if (known.stream()
                        .anyMatch(k ->
                                k.subject().equals(subject) && k.createdAt().equals(at) && !k.isExpired(at))) {
                    notes.add("SAME_MILLISECOND_LOGINS");
                }
                known.add(session);
                LoginRequest login = new LoginRequest(session, limit, reject);
                if (random.nextInt(4) == 0) { // as a driver sends it again at once when the reply is lost
                    return op(
                            s -> List.of(s.create(login), s.create(login)),
                            "login " + session.sessionId() + " of " + subject.charAt(0) + " sent twice");
                }
                return op(s -> s.create(login), "login " + session.sessionId() + " of " + subject.charAt(0));
            }
            SessionRecord session = known.get(random.nextInt(known.size()));
            String subject = random.nextInt(12) == 0 ? other(session.subject()) : session.subject();
            if (kind == 8) {
                return op(s -> s.revoke(subject, session.sessionId(), at), "revoke " + session.sessionId());
            }
            if (kind == 9) {
                return random.nextInt(3) == 0
                        ? op(s -> s.revokeAll(subject, at), "revoke all of " + subject.charAt(0))
                        : op(s -> s.find(subject, session.sessionId(), at), "find " + session.sessionId());
            }
            int pick = random.nextInt(10);
            long generation = Math.max(0, session.generation() + (pick < 5 ? 0 : pick < 8 ? -1 : pick < 9 ? -2 : 1));
            int reuse = random.nextInt(5);
            String requestId = reuse == 0 && session.lastRequestId() != null
                    ? session.lastRequestId()
                    : reuse == 1 && !session.replayRequestIds().isEmpty()
                            ? session.replayRequestIds().get(0)
                            : reuse == 2 && !requestIds.isEmpty()
                                    ? requestIds.get(random.nextInt(requestIds.size()))
                                    : "r" + UUID.randomUUID().toString().substring(0, 12);
            requestIds.add(requestId);
            RotationRequest rotation = new RotationRequest(
                    subject,
                    session.sessionId(),
                    generation,
                    requestId,
                    at,
                    REFRESH_TTL,
                    grace(session, at),
                    random.nextInt(4),
                    random.nextBoolean());
            return op(s -> s.rotate(rotation), "rotate " + session.sessionId() + " presenting " + generation);
        }

        /**
         * An earlier time, unless a session expired since: a store may already have deleted it, and the two
         * would then rightly disagree on whether it is still there.
         */
        Instant behind(Instant earlier) {
            for (SessionRecord session : known) {
                if (session.expiresAt().isAfter(earlier) && !session.expiresAt().isAfter(now)) {
                    return now;
                }
            }
            notes.add("CLOCK_BEHIND");
            return earlier;
        }

        /** No grace, some, or exactly the time since the last rotation (the period's last millisecond). */
        Duration grace(SessionRecord session, Instant at) {
            int pick = random.nextInt(6);
            Duration sinceRotation = Duration.between(session.rotatedAt(), at);
            if (pick == 0 && !sinceRotation.isNegative() && !sinceRotation.isZero()) {
                return sinceRotation.minusMillis(random.nextInt(2));
            }
            return pick < 3 ? Duration.ZERO : Duration.ofMillis(random.nextInt(3_000));
        }

        /** Takes the newest record the rules returned, so later steps present generations near the real one. */
        void learn(Object answer) {
            if (answer instanceof dev.rotor.spi.RotationResult result
                    && result.outcome() == dev.rotor.spi.RotationResult.Outcome.ROTATED
                    && result.session().expiresAt().equals(result.session().absoluteExpiresAt())) {
                notes.add("CAPPED_BY_ABSOLUTE_LIFETIME");
            }
            if (answer instanceof dev.rotor.spi.RotationResult result && result.session() != null) {
                known.replaceAll(s -> s.sessionId().equals(result.session().sessionId()) ? result.session() : s);
            }
        }

        String other(String subject) {
            return subjects.get(0).equals(subject) ? subjects.get(1) : subjects.get(0);
        }

        static Op op(java.util.function.Function<SessionStore, Object> call, String description) {
            return new Op() {
                @Override
                public Object apply(SessionStore store) {
                    return call.apply(store);
                }

                @Override
                public String description() {
                    return description;
                }
            };
        }
    }

    private static String kindOf(Object answer) {
        if (answer instanceof List<?> answers) {
            return kindOf(answers.get(answers.size() - 1));
        }
        if (answer instanceof dev.rotor.spi.RotationResult result) {
            return result.revokedSessions() > 0
                    ? "REUSE_REVOKING"
                    : result.outcome().name();
        }
        if (answer instanceof dev.rotor.spi.LoginResult result) {
            if (result.alreadyStored()) {
                return "LOGIN_SENT_AGAIN";
            }
            return !result.opened() ? "LOGIN_REJECTED" : result.evicted().isEmpty() ? "LOGIN" : "LOGIN_EVICTING";
        }
        if (answer instanceof Boolean revoked) {
            return revoked ? "REVOKED" : "NOT_REVOKED";
        }
        return answer.getClass().getSimpleName();
    }

    /** Every record of the subject's hash, expired or not. */
    private static List<SessionRecord> luaRecords(Jedis admin, String prefix, String subject) {
        List<SessionRecord> records = new ArrayList<>();
        admin.hgetAll(new RecordCodec(prefix).key(subject))
                .forEach((id, value) -> records.add(RecordCodec.unpack(id, value)));
        return records;
    }

    /** The records not yet expired, revoked ones included, by session id. */
    private static List<SessionRecord> unexpired(List<SessionRecord> records, Instant now) {
        return records.stream()
                .filter(s -> !s.isExpired(now))
                .sorted(Comparator.comparing(SessionRecord::sessionId))
                .toList();
    }

    /** The compare-and-set tier at its simplest: a map per subject under one lock, versioned from a counter. */
    private static final class MapVersionedStore implements VersionedSessionStore {
        private final Map<String, Map<String, SessionRecord>> bySubject = new HashMap<>();
        private final Map<String, Long> versions = new HashMap<>();
        private long lastVersion;

        @Override
        public synchronized VersionedSessions read(String subject, String sessionId, Instant now) {
            SessionRecord session = bySubject.getOrDefault(subject, Map.of()).get(sessionId);
            return new VersionedSessions(
                    versions.getOrDefault(subject, 0L), session == null ? List.of() : List.of(session));
        }

        @Override
        public synchronized VersionedSessions readAll(String subject, Instant now) {
            return new VersionedSessions(
                    versions.getOrDefault(subject, 0L),
                    new ArrayList<>(bySubject.getOrDefault(subject, Map.of()).values()));
        }

        @Override
        public synchronized boolean write(SessionsUpdate update) {
            if (versions.getOrDefault(update.subject(), 0L) != update.expectedVersion()) {
                return false;
            }
            versions.put(update.subject(), ++lastVersion);
            Map<String, SessionRecord> sessions = bySubject.computeIfAbsent(update.subject(), s -> new HashMap<>());
            update.removed().forEach(sessions::remove);
            update.changed().forEach(s -> sessions.replace(s.sessionId(), s));
            update.added().forEach(s -> sessions.put(s.sessionId(), s));
            sessions.values().removeIf(s -> s.isExpired(update.now()));
            return true;
        }
    }
}
