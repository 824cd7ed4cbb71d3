package dev.rotor.examples;

import dev.rotor.spi.SessionStore;
import dev.rotor.store.memory.CaffeineSessionStore;
import dev.rotor.store.redis.RedisSessionStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Set;
import redis.clients.jedis.HostAndPort;

/**
 * Picks the session store: PostgreSQL with {@code DATABASE_URL}, Redis (standalone or cluster) with {@code
 * REDIS_URL}, Caffeine without either.
 */
final class Stores {

    private Stores() {}

    /**
     * @param redisUrl see {@link #from(String)}
     * @param databaseUrl {@code null}, or a {@code jdbc:postgresql://} URL
     * @throws IllegalArgumentException if a URL is malformed
     * @throws IllegalStateException if PostgreSQL cannot be reached to create the tables
     */
    static SessionStore from(String redisUrl, String databaseUrl) {
        return databaseUrl == null ? from(redisUrl) : PostgresStore.open(databaseUrl);
    }

    /**
     * @param redisUrl {@code null}, {@code redis://host:port}, or {@code host:port,host:port,...} for a cluster
     * @throws IllegalArgumentException if the URL is malformed, or asks for what the example can't do (a user,
     *     a password, TLS): better refused than silently dropped
     */
    static SessionStore from(String redisUrl) {
        if (redisUrl == null || redisUrl.isBlank()) {
            return CaffeineSessionStore.create();
        }
        if (redisUrl.contains("://") && !redisUrl.startsWith("redis://")) {
            throw new IllegalArgumentException("REDIS_URL must be redis://host:port or a cluster's host:port list");
        }
        if (redisUrl.startsWith("redis://")) {
            URI uri;
            try {
                uri = new URI(redisUrl);
            } catch (URISyntaxException e) { // its message quotes the URL, which may hold a password
                throw new IllegalArgumentException("REDIS_URL is not a valid URL");
            }
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("REDIS_URL must look like redis://host:port");
            }
            boolean onlyHostAndPort = uri.getRawUserInfo() == null
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && (uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"));
            if (!onlyHostAndPort) {
                throw new IllegalArgumentException(
                        "REDIS_URL with a user, password, database or options is not supported by the example; use"
                                + " RedisSessionStore.builder().client(...) with your own client");
            }
            return RedisSessionStore.builder()
                    .standalone(new HostAndPort(uri.getHost(), uri.getPort()))
                    .build();
        }
        Set<HostAndPort> nodes = new LinkedHashSet<>();
        for (String node : redisUrl.split(",")) {
            nodes.add(clusterNode(node.trim()));
        }
        return RedisSessionStore.builder().cluster(nodes).build();
    }

    /** One {@code host:port} of a cluster list; the error never quotes it, in case it holds a password. */
    private static HostAndPort clusterNode(String node) {
        int colon = node.lastIndexOf(':');
        String port = colon < 0 ? "" : node.substring(colon + 1);
        int number = port.matches("[0-9]{1,5}") ? Integer.parseInt(port) : -1;
        if (colon <= 0 || node.indexOf('@') >= 0 || number < 0 || number > 65535) {
            throw new IllegalArgumentException("REDIS_URL cluster nodes must be host:port, separated by commas");
        }
        return new HostAndPort(node.substring(0, colon), number);
    }

    static void close(SessionStore store) {
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing on the way out; nothing left to do
            }
        }
    }
}
