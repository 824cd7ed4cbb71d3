package dev.rotor.store.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Configures a {@link RedisSessionStore}. Name exactly one Redis: pass your own Jedis client with {@link
 * #client(UnifiedJedis)}, or let Rotor build one with {@link #standalone}, {@link #cluster} or {@link
 * #sentinel} and the timeout and pool settings here, which a caller's client can't take. Each setter checks
 * its argument at once and may be called only once.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>{@link #keyPrefix}</td><td>{@code rotor:}</td></tr>
 *   <tr><td>{@link #timeout}</td><td>500 ms, connect and read, per attempt</td></tr>
 *   <tr><td>{@link #attempts}</td><td>2</td></tr>
 *   <tr><td>{@link #poolSize}</td><td>16 connections (per node in a cluster)</td></tr>
 *   <tr><td>{@link #poolMaxWait}</td><td>the timeout; never forever</td></tr>
 * </table>
 */
public final class RedisSessionStoreBuilder {

    private UnifiedJedis client;
    private HostAndPort standalone;
    private Set<HostAndPort> clusterNodes;
    private String sentinelMaster;
    private Set<HostAndPort> sentinels;
    private String keyPrefix;
    private Duration timeout;
    private Integer attempts;
    private Integer poolSize;
    private Duration poolMaxWait;

    RedisSessionStoreBuilder() {}

    /**
     * Uses a Jedis client you built: {@code RedisClient}, {@code RedisClusterClient} or {@code
     * RedisSentinelClient}, with your own timeouts, pool, credentials and TLS. Set a bounded pool wait on it:
     * Jedis waits forever by default. The store never closes it.
     *
     * @param client the client
     * @return this builder
     * @throws IllegalStateException if a Redis was already named
     */
    public RedisSessionStoreBuilder client(UnifiedJedis client) {
        requireNoRedisYet();
        this.client = Objects.requireNonNull(client, "client");
        return this;
    }

    /**
     * One Redis server; Rotor builds a {@code RedisClient} and closes it with the store.
     *
     * @param server host and port
     * @return this builder
     * @throws IllegalStateException if a Redis was already named
     */
    public RedisSessionStoreBuilder standalone(HostAndPort server) {
        requireNoRedisYet();
        this.standalone = Objects.requireNonNull(server, "server");
        return this;
    }

    /**
     * A Redis Cluster; Rotor builds a {@code RedisClusterClient} and closes it with the store.
     *
     * @param seedNodes one or more nodes of the cluster
     * @return this builder
     * @throws IllegalArgumentException if no node is given
     * @throws IllegalStateException if a Redis was already named
     */
    public RedisSessionStoreBuilder cluster(Set<HostAndPort> seedNodes) {
        requireNoRedisYet();
        requireArgument(!Objects.requireNonNull(seedNodes, "seedNodes").isEmpty(), "name at least one node");
        this.clusterNodes = Set.copyOf(seedNodes);
        return this;
    }

    /**
     * A master watched by Redis Sentinel; Rotor builds a {@code RedisSentinelClient}, which follows
     * fail-overs, and closes it with the store.
     *
     * @param masterName the master's name in the Sentinel configuration
     * @param sentinelNodes one or more sentinels
     * @return this builder
     * @throws IllegalArgumentException if no sentinel is given
     * @throws IllegalStateException if a Redis was already named
     */
    public RedisSessionStoreBuilder sentinel(String masterName, Set<HostAndPort> sentinelNodes) {
        requireNoRedisYet();
        requireArgument(!Objects.requireNonNull(sentinelNodes, "sentinelNodes").isEmpty(), "name a sentinel");
        this.sentinelMaster = Objects.requireNonNull(masterName, "masterName");
        this.sentinels = Set.copyOf(sentinelNodes);
        return this;
    }

    /**
     * Prefix of every key, so several applications can share a Redis. Default {@code rotor:}.
     *
     * @param prefix up to 64 characters, without braces (they would break cluster hash tags)
     * @return this builder
     * @throws IllegalArgumentException if too long or containing a brace
     * @throws IllegalStateException if already set
     */
    public RedisSessionStoreBuilder keyPrefix(String prefix) {
        requireState(keyPrefix == null, "keyPrefix was already set");
        Objects.requireNonNull(prefix, "prefix");
        requireArgument(
                prefix.length() <= 64 && prefix.indexOf('{') < 0 && prefix.indexOf('}') < 0,
                "a key prefix is at most 64 characters, without braces");
        this.keyPrefix = prefix;
        return this;
    }

    /**
     * Connect and read timeout of each attempt, for a client Rotor builds. A refresh fails with {@code
     * STORE_UNAVAILABLE} after at most {@code attempts × (pool wait + connect + read timeout)}. A cluster client
     * retries by itself and stops after {@code timeout × (attempts + 1)}, though the attempt under way and a
     * slot-map refresh can add a timeout per node; right after a master restarted, whose closed connections
     * are then replaced, the command may be sent once more. Default 500 ms.
     *
     * @param timeout whole milliseconds, 1 ms to 1 hour (Jedis would read less than 1 ms as no timeout at all)
     * @return this builder
     * @throws IllegalArgumentException if out of range or not whole milliseconds
     * @throws IllegalStateException if already set
     */
    public RedisSessionStoreBuilder timeout(Duration timeout) {
        requireState(this.timeout == null, "timeout was already set");
        this.timeout = wholeMillisUpToAnHour(timeout, "timeout");
        return this;
    }

    /**
     * How many times a command is sent when its connection fails or times out. Safe for every command:
     * a rotation sent twice is answered as the first. For a cluster Rotor builds, this is the cluster
     * client's own attempt count. Default 2.
     *
     * @param attempts 1 to 10
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException if already set
     */
    public RedisSessionStoreBuilder attempts(int attempts) {
        requireState(this.attempts == null, "attempts was already set");
        requireArgument(attempts >= 1 && attempts <= 10, "attempts must be 1 to 10");
        this.attempts = attempts;
        return this;
    }

    /**
     * Connections per Redis node, for a client Rotor builds. Default 16.
     *
     * @param size at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     * @throws IllegalStateException if already set
     */
    public RedisSessionStoreBuilder poolSize(int size) {
        requireState(poolSize == null, "poolSize was already set");
        requireArgument(size >= 1, "poolSize must be at least 1");
        this.poolSize = size;
        return this;
    }

    /**
     * How long a call waits for a free pooled connection before failing with {@code STORE_UNAVAILABLE}, for
     * a client Rotor builds. Default: the timeout.
     *
     * @param maxWait whole milliseconds, 1 ms to 1 hour
     * @return this builder
     * @throws IllegalArgumentException if out of range or not whole milliseconds
     * @throws IllegalStateException if already set
     */
    public RedisSessionStoreBuilder poolMaxWait(Duration maxWait) {
        requireState(poolMaxWait == null, "poolMaxWait was already set");
        this.poolMaxWait = wholeMillisUpToAnHour(maxWait, "poolMaxWait");
        return this;
    }

    /**
     * Builds the store, and the Jedis client if Rotor is to build it.
     *
     * @return the store
     * @throws IllegalStateException if no Redis was named, or a caller's client was given together with a
     *     setting that only a client Rotor builds can use ({@code timeout}, {@code poolSize}, {@code
     *     poolMaxWait})
     */
    public RedisSessionStore build() {
        int tries = attempts == null ? 2 : attempts;
        String prefix = keyPrefix == null ? "rotor:" : keyPrefix;
        if (client != null) {
            requireState(
                    timeout == null && poolSize == null && poolMaxWait == null,
                    "timeout, poolSize and poolMaxWait apply only to a client Rotor builds; configure your own"
                            + " client instead");
            return new RedisSessionStore(client, false, prefix, tries);
        }
        Duration perAttempt = timeout == null ? Duration.ofMillis(500) : timeout;
        JedisClientConfig config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) perAttempt.toMillis())
                .socketTimeoutMillis((int) perAttempt.toMillis())
                .clientName("rotor")
                .build();
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(poolSize == null ? 16 : poolSize);
        pool.setMaxIdle(pool.getMaxTotal());
        pool.setBlockWhenExhausted(true);
        pool.setMaxWait(poolMaxWait == null ? perAttempt : poolMaxWait);
        if (standalone != null) {
            UnifiedJedis built = RedisClient.builder()
                    .hostAndPort(standalone)
                    .clientConfig(config)
                    .poolConfig(pool)
                    .build();
            return new RedisSessionStore(built, true, prefix, tries);
        }
        if (clusterNodes != null) {
            UnifiedJedis built = RedisClusterClient.builder()
                    .nodes(clusterNodes)
                    .clientConfig(config)
                    .poolConfig(pool)
                    .maxAttempts(tries)
                    .maxTotalRetriesDuration(perAttempt.multipliedBy(tries + 1L))
                    .build();
            return new RedisSessionStore(built, true, prefix, 1);
        }
        requireState(sentinels != null, "name a Redis: client, standalone, cluster or sentinel");
        UnifiedJedis built = RedisSentinelClient.builder()
                .masterName(sentinelMaster)
                .sentinels(sentinels)
                .clientConfig(config)
                .sentinelClientConfig(config)
                .poolConfig(pool)
                .build();
        return new RedisSessionStore(built, true, prefix, tries);
    }

    private void requireNoRedisYet() {
        requireState(
                client == null && standalone == null && clusterNodes == null && sentinels == null,
                "a Redis was already named");
    }

    private static Duration wholeMillisUpToAnHour(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        requireArgument(
                duration.compareTo(Duration.ofMillis(1)) >= 0
                        && duration.compareTo(Duration.ofHours(1)) <= 0
                        && duration.toNanosPart() % 1_000_000 == 0,
                name + " must be whole milliseconds, 1 ms to 1 hour");
        return duration;
    }

    private static void requireArgument(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void requireState(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
