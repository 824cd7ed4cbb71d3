package dev.rotor.store.redis;

import dev.rotor.spi.StoreUnavailableException;
import dev.rotor.store.redis.Scripts.Script;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Runs the store's scripts: {@code EVALSHA} first, and only when the server answers {@code NOSCRIPT} (after
 * a restart or {@code SCRIPT FLUSH}) the script itself with {@code EVAL}, which also caches it again. A
 * command whose connection failed or timed out is sent again, up to the configured attempts, with the same
 * arguments; the scripts make that safe. A connection that failed without timing out (closed by a Redis
 * that restarted, reset, refused) means the pool's idle connections are as dead, so before the next attempt a
 * standalone client's idle connections are dropped; otherwise each would fail one call after a restart.
 * Every Jedis failure becomes a {@link StoreUnavailableException}.
 */
final class ScriptRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSessionStore.class);

    private final UnifiedJedis redis;
    private final int attempts;
    private final Runnable dropIdleConnections;

    ScriptRunner(UnifiedJedis redis, int attempts) {
        this.redis = redis;
        this.attempts = attempts;
        this.dropIdleConnections = redis instanceof RedisClient standalone ? standalone.getPool()::clear : () -> {};
    }

    Object run(Script script, String key, String... args) {
        List<String> keys = List.of(key);
        List<String> argv = List.of(args);
        return call(() -> {
            try {
                return redis.evalsha(script.sha(), keys, argv);
            } catch (JedisNoScriptException e) {
                LOG.debug("Script {} not cached by Redis; sending it again", script.sha());
                return redis.eval(script.lua(), keys, argv);
            }
        });
    }

    <T> T call(Supplier<T> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (JedisConnectionException e) {
                if (attempt >= attempts) {
                    throw unavailable(e);
                }
                if (!(e.getCause() instanceof SocketTimeoutException)) {
                    dropIdleConnections.run();
                }
                LOG.debug("Redis connection failed ({}); attempt {} of {}", e.getMessage(), attempt + 1, attempts);
            } catch (JedisException e) {
                throw unavailable(e);
            }
        }
    }

    private static StoreUnavailableException unavailable(JedisException e) {
        return new StoreUnavailableException(
                "Redis is unavailable: " + e.getClass().getSimpleName(), e);
    }
}
