package dev.rotor.examples;

import dev.rotor.spi.SessionStore;
import dev.rotor.store.memory.CaffeineSessionStore;
import dev.rotor.store.redis.RedisSessionStore;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import redis.clients.jedis.HostAndPort;

/** Picks the session store: Caffeine without {@code REDIS_URL}, Redis (standalone or cluster) with it. */
final class Stores {

    private Stores() {}

    /**
     * @param redisUrl {@code null}, {@code redis://host:port}, or {@code host:port,host:port,...} for a cluster
     * @throws IllegalArgumentException if the URL is malformed
     */
    static SessionStore from(String redisUrl) {
        if (redisUrl == null || redisUrl.isBlank()) {
            return CaffeineSessionStore.create();
        }
        if (redisUrl.startsWith("redis://")) {
            URI uri = URI.create(redisUrl);
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("REDIS_URL must look like redis://host:port");
            }
            return RedisSessionStore.builder()
                    .standalone(new HostAndPort(uri.getHost(), uri.getPort()))
                    .build();
        }
        Set<HostAndPort> nodes = new LinkedHashSet<>();
        for (String node : redisUrl.split(",")) {
            String trimmed = node.trim();
            int colon = trimmed.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("REDIS_URL cluster nodes must be host:port, separated by commas");
            }
            nodes.add(new HostAndPort(trimmed.substring(0, colon), Integer.parseInt(trimmed.substring(colon + 1))));
        }
        return RedisSessionStore.builder().cluster(nodes).build();
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
