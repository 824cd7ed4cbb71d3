package dev.rotor.spring.boot;

import dev.rotor.spi.SessionStore;
import dev.rotor.store.redis.RedisSessionStore;
import dev.rotor.store.redis.RedisSessionStoreBuilder;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Builds the Redis store from {@code rotor.store.redis.*}, falling back on {@code spring.data.redis.*}. Loaded
 * only when the Redis store is selected, so the memory store never needs Jedis.
 */
final class RedisStoreFactory {

    private static final String PREFIX = "rotor.store.redis";

    private RedisStoreFactory() {}

    static SessionStore create(RotorRedisProperties rotor, Environment environment) {
        Binder binder = Binder.get(environment);
        String host = first(rotor.getHost(), environment.getProperty("spring.data.redis.host"), "localhost");
        int port = rotor.getPort() != null
                ? rotor.getPort()
                : environment.getProperty("spring.data.redis.port", Integer.class, 6379);
        String username = first(rotor.getUsername(), environment.getProperty("spring.data.redis.username"), null);
        String password = first(rotor.getPassword(), environment.getProperty("spring.data.redis.password"), null);
        boolean ssl = rotor.getSsl() != null
                ? rotor.getSsl()
                : environment.getProperty("spring.data.redis.ssl.enabled", Boolean.class, false);
        List<String> cluster = orElse(rotor.getClusterNodes(), binder, "spring.data.redis.cluster.nodes");
        List<String> sentinels = orElse(rotor.getSentinelNodes(), binder, "spring.data.redis.sentinel.nodes");
        String master =
                first(rotor.getSentinelMaster(), environment.getProperty("spring.data.redis.sentinel.master"), null);
        String url = first(rotor.getUrl(), environment.getProperty("spring.data.redis.url"), null);
        if (url != null) {
            RedisUrl parsed =
                    RedisUrl.parse(url.trim(), rotor.getUrl() != null ? PREFIX + ".url" : "spring.data.redis.url");
            if (parsed.clusterNodes() != null) {
                cluster = parsed.clusterNodes();
            } else {
                host = parsed.host();
                port = parsed.port();
                username = parsed.username() != null ? parsed.username() : username;
                password = parsed.password() != null ? parsed.password() : password;
                ssl = ssl || parsed.ssl();
            }
        }
        String finalHost = host;
        int finalPort = port;
        String finalUser = username;
        String finalPassword = password;
        boolean finalSsl = ssl;
        List<String> finalCluster = cluster;

        RedisSessionStoreBuilder builder = RedisSessionStore.builder();
        RotorConfigurationException.apply(PREFIX + ".key-prefix", () -> builder.keyPrefix(rotor.getKeyPrefix()));
        RotorConfigurationException.apply(PREFIX + ".attempts", () -> builder.attempts(rotor.getAttempts()));
        if (finalUser == null && finalPassword == null && !finalSsl) {
            RotorConfigurationException.apply(PREFIX + ".timeout", () -> builder.timeout(rotor.getTimeout()));
            RotorConfigurationException.apply(PREFIX + ".pool-size", () -> builder.poolSize(rotor.getPoolSize()));
            if (!finalCluster.isEmpty()) {
                builder.cluster(nodes(finalCluster, PREFIX + ".cluster-nodes"));
            } else if (master != null) {
                builder.sentinel(master, nodes(sentinels, PREFIX + ".sentinel-nodes"));
            } else {
                builder.standalone(new HostAndPort(finalHost, finalPort));
            }
            return builder.build();
        }
        UnifiedJedis client = client(
                rotor, finalUser, finalPassword, finalSsl, finalHost, finalPort, finalCluster, master, sentinels);
        return new ClosingSessionStore(builder.client(client).build(), client);
    }

    /** Whether the application names a Redis: then an unset {@code rotor.store.type} means Redis. */
    static boolean configured(RotorRedisProperties rotor, Environment environment) {
        return rotor.getUrl() != null && !rotor.getUrl().isBlank()
                || rotor.getHost() != null
                || !rotor.getClusterNodes().isEmpty()
                || rotor.getSentinelMaster() != null
                || Binder.get(environment)
                        .bind("spring.data.redis", Bindable.mapOf(String.class, Object.class))
                        .map(settings -> !settings.isEmpty())
                        .orElse(false);
    }

    private static UnifiedJedis client(
            RotorRedisProperties rotor,
            String username,
            String password,
            boolean ssl,
            String host,
            int port,
            List<String> cluster,
            String master,
            List<String> sentinels) {
        int millis = (int) rotor.getTimeout().toMillis();
        JedisClientConfig config = DefaultJedisClientConfig.builder()
                .user(username)
                .password(password)
                .ssl(ssl)
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .clientName("rotor")
                .build();
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(rotor.getPoolSize());
        pool.setMaxIdle(rotor.getPoolSize());
        pool.setBlockWhenExhausted(true);
        pool.setMaxWait(rotor.getTimeout()); // Jedis waits forever by default
        if (!cluster.isEmpty()) {
            return RedisClusterClient.builder()
                    .nodes(nodes(cluster, PREFIX + ".cluster-nodes"))
                    .clientConfig(config)
                    .poolConfig(pool)
                    .build();
        }
        if (master != null) {
            return RedisSentinelClient.builder()
                    .masterName(master)
                    .sentinels(nodes(sentinels, PREFIX + ".sentinel-nodes"))
                    .clientConfig(config)
                    .sentinelClientConfig(config)
                    .poolConfig(pool)
                    .build();
        }
        return RedisClient.builder()
                .hostAndPort(new HostAndPort(host, port))
                .clientConfig(config)
                .poolConfig(pool)
                .build();
    }

    /** Parses {@code host:port} entries; the error never quotes one, in case it holds a password. */
    private static Set<HostAndPort> nodes(List<String> entries, String property) {
        Set<HostAndPort> nodes = new LinkedHashSet<>();
        for (String entry : entries) {
            String node = entry.trim();
            int colon = node.lastIndexOf(':');
            String port = colon < 0 ? "" : node.substring(colon + 1);
            if (colon <= 0 || node.indexOf('@') >= 0 || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
                throw new RotorConfigurationException(property, "an entry is not host:port", "list nodes as host:port");
            }
            nodes.add(new HostAndPort(node.substring(0, colon), Integer.parseInt(port)));
        }
        if (nodes.isEmpty()) {
            throw new RotorConfigurationException(property, "empty", "list at least one node as host:port");
        }
        return nodes;
    }

    private static List<String> orElse(List<String> rotor, Binder binder, String springProperty) {
        if (rotor != null && !rotor.isEmpty()) {
            return rotor;
        }
        return binder.bind(springProperty, Bindable.listOf(String.class)).orElse(List.of());
    }

    private static String first(String rotor, String spring, String fallback) {
        if (rotor != null && !rotor.isBlank()) {
            return rotor;
        }
        return spring != null && !spring.isBlank() ? spring : fallback;
    }
}
