package dev.rotor.store.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Lua scripts, one per atomic operation, each touching only {@code KEYS[1]}: the hash that holds every
 * session of one subject. A field is a session id; its value a record packed as {@code
 * generation|createdAt|rotatedAt|expiresAt|absoluteExpiresAt|graceReplays|revoked|requestId|tail}, times in
 * epoch milliseconds, {@code absoluteExpiresAt} 0 for none. The tail (device and subject) is opaque here.
 *
 * <p>Every script is idempotent for the same arguments, so a driver may send it again after a timeout.
 */
final class Scripts {

    /** A script and the SHA-1 that {@code EVALSHA} names it by. */
    record Script(String lua, String sha) {
        static Script of(String lua) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-1").digest(lua.getBytes(StandardCharsets.UTF_8));
                return new Script(lua, HexFormat.of().formatHex(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is not available", e);
            }
        }
    }

    private Scripts() {}

    private static final String COMMON = """
            local function parse(v)
              local f, pos = {}, 1
              for i = 1, 8 do
                local bar = string.find(v, '|', pos, true)
                f[i] = string.sub(v, pos, bar - 1)
                pos = bar + 1
              end
              f[9] = string.sub(v, pos)
              return f
            end
            local function pack(f)
              return table.concat(f, '|', 1, 9)
            end
            local function keep_for(key, ms)
              if redis.call('PTTL', key) < ms then
                redis.call('PEXPIRE', key, ms)
              end
            end
            local function revoke_all(key, now)
              local all = redis.call('HGETALL', key)
              local revoked = 0
              for i = 1, #all, 2 do
                local f = parse(all[i + 1])
                if tonumber(f[4]) <= now then
                  redis.call('HDEL', key, all[i])
                elseif f[7] ~= '1' then
                  f[7] = '1'
                  redis.call('HSET', key, all[i], pack(f))
                  revoked = revoked + 1
                end
              end
              return revoked
            end
            """;

    /** ARGV: session id, packed record, now, time-to-live in ms. Drops expired sessions of the subject. */
    static final Script CREATE = Script.of(COMMON + """
            local key, now = KEYS[1], tonumber(ARGV[3])
            local all = redis.call('HGETALL', key)
            for i = 1, #all, 2 do
              if tonumber(parse(all[i + 1])[4]) <= now then
                redis.call('HDEL', key, all[i])
              end
            end
            redis.call('HSET', key, ARGV[1], ARGV[2])
            keep_for(key, tonumber(ARGV[4]))
            return 1
            """);

    /**
     * ARGV: session id, presented generation, request id, now, refresh TTL ms, grace ms, max grace replays,
     * reuse scope ({@code S}ession or {@code A}ll). Returns {outcome, record[, revoked count]}; the same
     * decision as {@code RotationRules.decide}.
     */
    static final Script ROTATE = Script.of(COMMON + """
            local key, sid = KEYS[1], ARGV[1]
            local presented, request, now = tonumber(ARGV[2]), ARGV[3], tonumber(ARGV[4])
            local v = redis.call('HGET', key, sid)
            if not v then
              return {'NOT_FOUND'}
            end
            local f = parse(v)
            local gen, expires = tonumber(f[1]), tonumber(f[4])
            if now >= expires then
              redis.call('HDEL', key, sid)
              return {'NOT_FOUND'}
            end
            local revoked = f[7] == '1'
            local retry = presented == gen - 1 and request == f[8]
            if presented > gen or (revoked and (presented == gen or retry)) then
              return {'NOT_FOUND'}
            end
            if revoked then
              return {'REUSE_DETECTED', v, 0}
            end
            if presented == gen then
              local expiry, absolute = now + tonumber(ARGV[5]), tonumber(f[5])
              if absolute > 0 and absolute < expiry then
                expiry = absolute
              end
              f[1], f[3], f[4], f[6], f[8] = string.format('%d', gen + 1), ARGV[4], string.format('%d', expiry), '0', request
              local rotated = pack(f)
              redis.call('HSET', key, sid, rotated)
              keep_for(key, expiry - now)
              return {'ROTATED', rotated}
            end
            if retry then
              return {'RETRIED', v}
            end
            local grace, replays = tonumber(ARGV[6]), tonumber(f[6])
            if presented == gen - 1 and grace > 0 and now - tonumber(f[3]) <= grace and replays < tonumber(ARGV[7]) then
              f[6] = string.format('%d', replays + 1)
              local replayed = pack(f)
              redis.call('HSET', key, sid, replayed)
              return {'GRACE_REPLAY', replayed}
            end
            if ARGV[8] == 'A' then
              return {'REUSE_DETECTED', v, revoke_all(key, now)}
            end
            f[7] = '1'
            redis.call('HSET', key, sid, pack(f))
            return {'REUSE_DETECTED', v, 1}
            """);

    /** ARGV: session id, now. Returns 1 if an active session was revoked, else 0. */
    static final Script REVOKE = Script.of(COMMON + """
            local key, sid, now = KEYS[1], ARGV[1], tonumber(ARGV[2])
            local v = redis.call('HGET', key, sid)
            if not v then
              return 0
            end
            local f = parse(v)
            if tonumber(f[4]) <= now then
              redis.call('HDEL', key, sid)
              return 0
            end
            if f[7] == '1' then
              return 0
            end
            f[7] = '1'
            redis.call('HSET', key, sid, pack(f))
            return 1
            """);

    /** ARGV: now. Returns how many active sessions were revoked. */
    static final Script REVOKE_ALL = Script.of(COMMON + """
            return revoke_all(KEYS[1], tonumber(ARGV[1]))
            """);
}
