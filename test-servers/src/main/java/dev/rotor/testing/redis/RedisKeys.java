package dev.rotor.testing.redis;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisMovedDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Reads raw keys straight from every node, bypassing the store under test. */
public final class RedisKeys {

    private RedisKeys() {}

    /**
     * Whether any node holds the key.
     *
     * @param nodes the servers
     * @param key the key
     * @return {@code true} if the key exists
     */
    public static boolean exists(List<RedisServer> nodes, String key) {
        for (RedisServer node : nodes) {
            try (Jedis jedis = node.connect()) {
                if (jedis.exists(key)) {
                    return true;
                }
            } catch (JedisMovedDataException otherNodesSlot) {
                // in a cluster only the node serving the key's slot answers
            }
        }
        return false;
    }

    /**
     * Every matching key on every node with its type, whether it expires, and every field and value, as text.
     *
     * @param nodes the servers
     * @param pattern a {@code SCAN MATCH} pattern
     * @return the dump
     */
    public static String dump(List<RedisServer> nodes, String pattern) {
        StringBuilder out = new StringBuilder();
        for (RedisServer node : nodes) {
            try (Jedis jedis = node.connect()) {
                for (String key : keys(jedis, pattern)) {
                    out.append(key)
                            .append(' ')
                            .append(jedis.type(key))
                            .append(jedis.pttl(key) > 0 ? " expires" : " never expires");
                    jedis.hgetAll(key)
                            .forEach((field, value) ->
                                    out.append('\n').append(field).append('=').append(value));
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    /**
     * Every key of one node matching a pattern, by {@code SCAN}.
     *
     * @param jedis a connection to the node
     * @param pattern a {@code SCAN MATCH} pattern
     * @return the keys
     */
    public static List<String> keys(Jedis jedis, String pattern) {
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page =
                    jedis.scan(cursor, new ScanParams().match(pattern).count(1000));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }
}
