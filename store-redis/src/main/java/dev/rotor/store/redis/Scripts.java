package dev.rotor.store.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Lua scripts, one per atomic operation, each touching only {@code KEYS[1]}: the hash that holds every
 * session of one subject. A field is a session id; its value a record packed as {@code
 * generation|createdAt|rotatedAt|expiresAt|absoluteExpiresAt|revoked|requestId|replayRequestIds|tail}, times
 * in epoch milliseconds, {@code absoluteExpiresAt} 0 for none, {@code replayRequestIds} comma-separated (request
 * ids never hold a comma or a bar; their number is the grace replays so far). The tail (device and subject) is
 * opaque here.
 *
 * <p>A driver may send any script again after a timeout: a resent rotation or grace replay finds its own
 * request id and is answered as the first time; a resent revocation changes nothing more, though it then
 * reports that it revoked nothing.
 */
final class Scripts {

    /**
     * A script and the SHA-1 that {@code EVALSHA} names it by, with the bytes of both as they are sent.
     * (A record of arrays: its equality is identity, which is all a constant needs.)
     */
    record Script(String lua, String sha, byte[] luaBytes, byte[] shaBytes) {
        static Script of(String lua) {
            try {
                byte[] bytes = lua.getBytes(StandardCharsets.UTF_8);
                String sha = HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
                return new Script(lua, sha, bytes, sha.getBytes(StandardCharsets.US_ASCII));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is not available", e);
            }
        }
    }

    private Scripts() {}

    /**
     * {@code RECORD} splits a record into its nine fields (the tail, device and subject, may hold any character);
     * {@code CURRENT} matches the same records but captures only generation, creation, expiry, absolute expiry
     * and revoked, then the position where the tail starts; {@code string.gsub(v, REVOKED, '%11', 1)} is the
     * record marked revoked.
     */
    private static final String RECORD = """
            local RECORD = '^(%d+)|(%d+)|(%d+)|(%d+)|(%d+)|(%d)|([^|]*)|([^|]*)|(.*)$'
            local CURRENT = '^(%d+)|(%d+)|%d+|(%d+)|(%d+)|(%d)|[^|]*|[^|]*|()'
            local REVOKED = '^(%d+|%d+|%d+|%d+|%d+|)%d'
            """;

    /** Marks every unexpired session of {@code key} revoked and drops expired ones; counts the newly revoked. */
    private static final String REVOKE_EVERY_SESSION = """
            local revoked_now = 0
            local all = redis.call('HGETALL', key)
            for i = 1, #all, 2 do
              local _, _, _, e, _, x = string.match(all[i + 1], RECORD)
              if tonumber(e) <= now then
                redis.call('HDEL', key, all[i])
              elseif x ~= '1' then
                redis.call('HSET', key, all[i], (string.gsub(all[i + 1], REVOKED, '%11', 1)))
                revoked_now = revoked_now + 1
              end
            end
            """;

    /**
     * ARGV: session id, packed record, now, time-to-live in ms, session limit, reject at the limit ({@code 1})
     * or evict ({@code 0}). Drops expired sessions of the subject, applies the limit exactly as {@code
     * LoginRequest} describes (oldest by login time, then by the bytes of the session id; Lua's own string
     * order follows the server's locale), and does not store a record that has already expired (it could
     * otherwise leave a key without a time to live). Returns {1 (stored) or 0 (rejected), then the id and
     * record of each evicted live session, oldest first}. The same login sent again (its session id already
     * stored) changes nothing more and returns {2}: what the first sending evicted is no longer known.
     */
    static final Script CREATE = Script.of(RECORD + """
            local key, now, ttl, max = KEYS[1], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
            if redis.call('HEXISTS', key, ARGV[1]) == 1 then
              return {2}
            end
            local all = redis.call('HGETALL', key)
            local live, revoked, held = {}, {}, 0
            for i = 1, #all, 2 do
              local _, c, _, e, _, x = string.match(all[i + 1], RECORD)
              if tonumber(e) <= now then
                redis.call('HDEL', key, all[i])
              else
                held = held + 1
                if x == '1' then
                  revoked[#revoked + 1] = all[i]
                else
                  live[#live + 1] = {tonumber(c), all[i], all[i + 1]}
                end
              end
            end
            local reply = {1}
            if held >= max then
              if ARGV[6] == '1' and #live >= max then
                return {0}
              end
              for _, sid in ipairs(revoked) do
                redis.call('HDEL', key, sid)
              end
              table.sort(live, function(a, b)
                if a[1] ~= b[1] then
                  return a[1] < b[1]
                end
                for i = 1, math.min(#a[2], #b[2]) do
                  local x, y = string.byte(a[2], i), string.byte(b[2], i)
                  if x ~= y then
                    return x < y
                  end
                end
                return #a[2] < #b[2]
              end)
              for i = 1, #live - max + 1 do
                redis.call('HDEL', key, live[i][2])
                reply[#reply + 1] = live[i][2]
                reply[#reply + 1] = live[i][3]
              end
            end
            if ttl <= 0 then
              return reply
            end
            redis.call('HSET', key, ARGV[1], ARGV[2])
            if redis.call('PTTL', key) < ttl then
              redis.call('PEXPIRE', key, ttl)
            end
            return reply
            """);

    /**
     * ARGV: session id, presented generation, request id, now, refresh TTL ms, grace ms, max grace replays,
     * reuse scope ({@code S}ession or {@code A}ll), the next generation (presented + 1) and now + refresh TTL,
     * the last two as the client computed them so that the hot path formats no number. Returns the rotated
     * record alone, as a bulk string, for {@code ROTATED}; else {outcome, record[, revoked count]}. The same
     * decision as {@code RotationRules.decide}.
     *
     * <p>The hot path, an active session presented at its current generation, reads only the fields it
     * needs ({@code CURRENT}: generation, creation, expiry, absolute expiry, revoked, and where the request
     * ids end) and compares the generation as the string the client sent before it falls back to numbers: one
     * HGET, one PEXPIRE, one HSET, four string captures and no table. Every other decision parses the whole
     * record, as before.
     */
    static final Script ROTATE = Script.of(RECORD + """
            local key, sid, request = KEYS[1], ARGV[1], ARGV[3]
            local v = redis.call('HGET', key, sid)
            if not v then
              return {'NOT_FOUND'}
            end
            local g, created, expires, absolute, flag, tail = string.match(v, CURRENT)
            local now = tonumber(ARGV[4])
            if now >= tonumber(expires) then
              redis.call('HDEL', key, sid)
              return {'NOT_FOUND'}
            end
            if flag ~= '1' and (g == ARGV[2] or tonumber(g) == tonumber(ARGV[2])) then
              local expiry, ttl = ARGV[10], ARGV[5]
              if absolute ~= '0' then
                local cap = tonumber(absolute)
                if cap > 0 and cap < tonumber(expiry) then
                  expiry, ttl = string.format('%d', cap), string.format('%d', cap - now)
                end
              end
              local rotated_record = ARGV[9] .. '|' .. created .. '|' .. ARGV[4] .. '|' .. expiry .. '|' .. absolute
                .. '|0|' .. request .. '||' .. string.sub(v, tail)
              redis.call('PEXPIRE', key, ttl, 'GT')
              redis.call('HSET', key, sid, rotated_record)
              return rotated_record
            end
            local _, _, rotated, _, _, _, last, replay = string.match(v, RECORD)
            local gen, presented, revoked = tonumber(g), tonumber(ARGV[2]), flag == '1'
            local retry = presented == gen - 1
              and (request == last or string.find(',' .. replay .. ',', ',' .. request .. ',', 1, true) ~= nil)
            if presented > gen or (revoked and (presented == gen or retry)) then
              return {'NOT_FOUND'}
            end
            if revoked then
              return {'REUSE_DETECTED', v, 0}
            end
            if retry then
              return {'RETRIED', v}
            end
            local grace, replays = tonumber(ARGV[6]), 0
            if replay ~= '' then
              local _, commas = string.gsub(replay, ',', ',')
              replays = commas + 1
            end
            if presented == gen - 1 and grace > 0 and now - tonumber(rotated) <= grace
                and replays < tonumber(ARGV[7]) then
              if replay ~= '' then
                replay = replay .. ','
              end
              local replayed = g .. '|' .. created .. '|' .. rotated .. '|' .. expires .. '|' .. absolute .. '|0|'
                .. last .. '|' .. replay .. request .. '|' .. string.sub(v, tail)
              redis.call('HSET', key, sid, replayed)
              return {'GRACE_REPLAY', replayed}
            end
            if ARGV[8] == 'A' then
            """ + REVOKE_EVERY_SESSION + """
              return {'REUSE_DETECTED', v, revoked_now}
            end
            redis.call('HSET', key, sid, (string.gsub(v, REVOKED, '%11', 1)))
            return {'REUSE_DETECTED', v, 1}
            """);

    /** ARGV: session id, now. Returns 1 if an active session was revoked, else 0. */
    static final Script REVOKE = Script.of(RECORD + """
            local key, sid, now = KEYS[1], ARGV[1], tonumber(ARGV[2])
            local v = redis.call('HGET', key, sid)
            if not v then
              return 0
            end
            local _, _, _, e, _, x = string.match(v, RECORD)
            if tonumber(e) <= now then
              redis.call('HDEL', key, sid)
              return 0
            end
            if x == '1' then
              return 0
            end
            redis.call('HSET', key, sid, (string.gsub(v, REVOKED, '%11', 1)))
            return 1
            """);

    /** ARGV: now. Returns how many active sessions were revoked. */
    static final Script REVOKE_ALL = Script.of(RECORD + """
            local key, now = KEYS[1], tonumber(ARGV[1])
            """ + REVOKE_EVERY_SESSION + """
            return revoked_now
            """);
}
