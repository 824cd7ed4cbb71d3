package dev.rotor.store.redis;

import dev.rotor.spi.LoginRequest;
import dev.rotor.spi.LoginResult;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult;
import dev.rotor.spi.RotationResult.Outcome;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.SessionStore;
import dev.rotor.spi.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * A {@link SessionStore} in Redis, through Jedis 7.2 or newer (tested with 7.5.3): standalone ({@code RedisClient}), Sentinel ({@code
 * RedisSentinelClient}) or Redis Cluster ({@code RedisClusterClient}). Build it with {@link #builder()}.
 *
 * <p>Each write is one Lua script, one {@code EVALSHA} round trip, on one key: the hash of the subject's
 * sessions, whose hash tag keeps it in one cluster slot. A rotation, the revocation a reuse triggers, a
 * revoke-all and a login with its session limit are therefore each atomic, on every deployment. The scripts
 * run Rotor's rules themselves (the SPI's native tier), and a differential test holds them to the Java rules. Every key expires with its longest-lived
 * session.
 *
 * <p>Fails closed: when Redis cannot be reached or times out, every method throws {@link
 * StoreUnavailableException} and Rotor issues nothing; the same instance works again once Redis is back. A
 * script that the client sends again after a timeout finds its own request id and answers as the first
 * time, so a committed rotation is never taken for reuse.
 *
 * <p>Whoever builds the store closes it, after the last call: {@link #close()} closes the Jedis client the
 * builder made (a client passed in stays open). A {@code TokenService} never closes the store it was given.
 */
public final class RedisSessionStore implements SessionStore, AutoCloseable {

    private static final byte[] ONE = {'1'};
    private static final byte[] ZERO = {'0'};
    private static final byte[] ALL = {'A'};
    private static final byte[] SESSION = {'S'};

    private final ScriptRunner scripts;
    private final RecordCodec codec;
    private final UnifiedJedis redis;
    private final boolean ownsClient;

    RedisSessionStore(UnifiedJedis redis, boolean ownsClient, String keyPrefix, int attempts) {
        this.redis = redis;
        this.ownsClient = ownsClient;
        this.codec = new RecordCodec(keyPrefix);
        this.scripts = new ScriptRunner(redis, attempts);
    }

    /**
     * Starts configuring a store.
     *
     * @return a new builder
     * @throws IllegalStateException if the Jedis on the class path is older than 7.2; the message names the
     *     version found and the fix
     */
    public static RedisSessionStoreBuilder builder() {
        JedisVersion.check();
        return new RedisSessionStoreBuilder();
    }

    @Override
    public LoginResult create(LoginRequest request) {
        SessionRecord session = request.session();
        Instant now = session.createdAt();
        List<?> reply = (List<?>) scripts.run(
                Scripts.CREATE,
                codec.keyBytes(session.subject()),
                utf8(session.sessionId()),
                utf8(RecordCodec.pack(session)),
                millis(now),
                decimal(session.expiresAt().toEpochMilli() - now.toEpochMilli()),
                decimal(request.maxSessions()),
                request.rejectAtLimit() ? ONE : ZERO);
        long stored = (Long) reply.get(0);
        if (stored == 0) {
            return LoginResult.rejected();
        }
        if (stored == 2) {
            return LoginResult.sentAgain();
        }
        List<SessionRecord> evicted = new ArrayList<>();
        for (int i = 1; i + 1 < reply.size(); i += 2) {
            evicted.add(decode(text((byte[]) reply.get(i)), (byte[]) reply.get(i + 1), session.subject()));
        }
        return evicted.isEmpty() ? LoginResult.openedAlone() : new LoginResult(true, evicted);
    }

    @Override
    public RotationResult rotate(RotationRequest request) {
        long now = request.now().toEpochMilli();
        long ttl = request.refreshTtl().toMillis();
        Object reply = scripts.run(
                Scripts.ROTATE,
                codec.keyBytes(request.subject()),
                utf8(request.sessionId()),
                decimal(request.presentedGeneration()),
                utf8(request.requestId()),
                decimal(now),
                decimal(ttl),
                decimal(request.gracePeriod().toMillis()),
                decimal(request.maxGraceReplays()),
                request.revokeAllOnReuse() ? ALL : SESSION,
                decimal(request.presentedGeneration() + 1),
                decimal(Math.addExact(now, ttl)));
        if (reply instanceof byte[] rotated) {
            return new RotationResult(Outcome.ROTATED, decode(request.sessionId(), rotated, request.subject()), 0);
        }
        List<?> outcomeAndRecord = (List<?>) reply;
        Outcome outcome = Outcome.valueOf(text((byte[]) outcomeAndRecord.get(0)));
        if (outcome == Outcome.NOT_FOUND) {
            return new RotationResult(outcome, null, 0);
        }
        SessionRecord session = decode(request.sessionId(), (byte[]) outcomeAndRecord.get(1), request.subject());
        int revoked = outcomeAndRecord.size() > 2 ? ((Long) outcomeAndRecord.get(2)).intValue() : 0;
        return new RotationResult(outcome, session, revoked);
    }

    @Override
    public Optional<SessionRecord> find(String subject, String sessionId, Instant now) {
        byte[] value = scripts.call(() -> redis.hget(codec.keyBytes(subject), utf8(sessionId)));
        if (value == null) {
            return Optional.empty();
        }
        SessionRecord session = decode(sessionId, value, subject);
        return session.isActive(now) ? Optional.of(session) : Optional.empty();
    }

    @Override
    public List<SessionRecord> list(String subject, Instant now) {
        Map<byte[], byte[]> all = scripts.call(() -> redis.hgetAll(codec.keyBytes(subject)));
        List<SessionRecord> active = new ArrayList<>();
        all.forEach((sessionId, value) -> {
            SessionRecord session = decode(text(sessionId), value, subject);
            if (session.isActive(now)) {
                active.add(session);
            }
        });
        return active;
    }

    @Override
    public boolean revoke(String subject, String sessionId, Instant now) {
        Long revoked = (Long) scripts.run(Scripts.REVOKE, codec.keyBytes(subject), utf8(sessionId), millis(now));
        return revoked == 1;
    }

    @Override
    public int revokeAll(String subject, Instant now) {
        return ((Long) scripts.run(Scripts.REVOKE_ALL, codec.keyBytes(subject), millis(now))).intValue();
    }

    /** Closes the Jedis client if this store created it; a client passed in stays open. */
    @Override
    public void close() {
        if (ownsClient) {
            redis.close();
        }
    }

    private static SessionRecord decode(String sessionId, byte[] value, String subject) {
        SessionRecord session = RecordCodec.unpack(sessionId, value);
        if (session == null || !session.subject().equals(subject)) {
            throw new StoreUnavailableException("a stored session record is malformed", null);
        }
        return session;
    }

    private static byte[] millis(Instant instant) {
        return decimal(instant.toEpochMilli());
    }

    /** {@code Long.toString(number)} as ASCII bytes, written straight into the array. */
    static byte[] decimal(long number) {
        if (number < 0) {
            return Long.toString(number).getBytes(StandardCharsets.ISO_8859_1);
        }
        int digits = 1;
        for (long rest = number / 10; rest > 0; rest /= 10) {
            digits++;
        }
        byte[] bytes = new byte[digits];
        for (int i = digits - 1; i >= 0; i--) {
            bytes[i] = (byte) ('0' + number % 10);
            number /= 10;
        }
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
