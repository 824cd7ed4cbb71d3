package dev.rotor.store.redis;

import dev.rotor.spi.StoreUnavailableException;
import dev.rotor.store.redis.Scripts.Script;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Runs the store's scripts: {@code EVALSHA} first, and only when the server answers {@code NOSCRIPT} (after
 * a restart or {@code SCRIPT FLUSH}) the script itself with {@code EVAL}, which also caches it again. A
 * command whose connection failed or timed out is sent again, up to the configured attempts, with the same
 * arguments; the scripts make that safe. A connection the server closed or reset (a Redis that restarted)
 * means the pool's other idle connections are as dead, and each would fail a call: so a standalone client's
 * idle connections are dropped before the next attempt, and when the cluster client gives up on such a
 * failure, every node's idle connections are dropped and the command is sent once more. Timeouts and
 * unreachable servers keep the pools. Every Jedis failure becomes a {@link StoreUnavailableException}.
 */
final class ScriptRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSessionStore.class);

    private final UnifiedJedis redis;
    private final int attempts;

    ScriptRunner(UnifiedJedis redis, int attempts) {
        this.redis = redis;
        this.attempts = attempts;
    }

    /**
     * Runs a script on one key. The reply is raw: bulk strings as {@code byte[]}, integers as {@code Long},
     * arrays as lists of those.
     */
    Object run(Script script, byte[] key, byte[]... args) {
        List<byte[]> keys = List.of(key);
        List<byte[]> argv = Arrays.asList(args);
        return call(() -> {
            try {
                return redis.evalsha(script.shaBytes(), keys, argv);
            } catch (JedisNoScriptException e) {
                LOG.debug("Script {} not cached by Redis; sending it again", script.sha());
                return redis.eval(script.luaBytes(), keys, argv);
            }
        });
    }

    <T> T call(Supplier<T> command) {
        boolean resentAfterClosedConnections = false;
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (JedisConnectionException e) {
                if (attempt >= attempts) {
                    throw unavailable(e);
                }
                if (closedByServer(e)) {
                    dropIdleConnections();
                }
                LOG.debug("Redis connection failed ({}); attempt {} of {}", e.getMessage(), attempt + 1, attempts);
            } catch (JedisClusterOperationException e) {
                if (resentAfterClosedConnections || !closedConnections(e)) {
                    throw unavailable(e);
                }
                resentAfterClosedConnections = true;
                dropIdleConnections();
                LOG.debug("Redis Cluster connections were closed; sending the command once more on new ones");
            } catch (JedisException e) {
                throw unavailable(e);
            }
        }
    }

    /**
     * Whether the server closed or reset a connection that was open: end of stream, or a socket error other
     * than a failure to connect. Timeouts and unreachable servers are not.
     */
    private static boolean closedByServer(JedisConnectionException e) {
        Throwable cause = e.getCause();
        if (cause == null) {
            return e.getSuppressed().length == 0;
        }
        return cause instanceof SocketException
                && !(cause instanceof ConnectException)
                && !(cause instanceof NoRouteToHostException);
    }

    /** Whether the cluster client's last failure, the one it reports, was a connection the server closed. */
    private static boolean closedConnections(JedisClusterOperationException e) {
        Throwable[] failures = e.getSuppressed();
        return failures.length > 0
                && Arrays.stream(failures).allMatch(f -> f instanceof JedisConnectionException c && closedByServer(c));
    }

    /**
     * Drops the idle connections of a standalone or cluster client. Best effort: a client built on another
     * connection provider has no pool to clear and keeps its connections.
     */
    private void dropIdleConnections() {
        try {
            if (redis instanceof RedisClient standalone) {
                standalone.getPool().clear();
            } else if (redis instanceof RedisClusterClient cluster) {
                cluster.getClusterNodes().values().forEach(pool -> pool.clear());
            }
        } catch (RuntimeException e) {
            LOG.debug("Could not drop idle Redis connections: {}", e.toString());
        }
    }

    private static StoreUnavailableException unavailable(JedisException e) {
        return new StoreUnavailableException(
                "Redis is unavailable: " + e.getClass().getSimpleName(), e);
    }
}
