package dev.rotor.security;

import com.github.benmanes.caffeine.cache.Cache;
import dev.rotor.store.jdbc.JdbcSessionStore;
import dev.rotor.store.memory.CaffeineSessionStore;
import dev.rotor.store.redis.RedisSessionStore;
import dev.rotor.testing.postgres.PostgresServer;
import dev.rotor.testing.postgres.TestDatabase;
import dev.rotor.testing.redis.LocalRedisCluster;
import dev.rotor.testing.redis.RedisKeys;
import dev.rotor.testing.redis.RedisServer;
import dev.rotor.testing.redis.RedisServers;
import java.lang.reflect.Field;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;

/**
 * Runs a parameterized test once on each store: memory, Redis, Redis Cluster, PostgreSQL. The Redis processes
 * are shared by the whole run and stopped by JUnit at its end, the PostgreSQL server when the JVM exits; each
 * test gets a fresh store and key prefix, or database.
 */
final class Backends implements ArgumentsProvider {

    /** The same place {@link RedisServers} keeps its servers, so both share one standalone and one cluster. */
    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(RedisServers.class);

    @Override
    public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
        return Stream.of(memory(), redis(context), cluster(context), postgres()).map(Arguments::of);
    }

    /** A PostgreSQL store in a database of its own on the shared server. */
    static Backend postgres() {
        return postgres(TestDatabase.create(PostgresServer.shared(), JdbcSessionStore.schema()));
    }

    /** A PostgreSQL store on {@code database}, which it closes with itself. */
    static Backend postgres(TestDatabase database) {
        JdbcSessionStore store =
                JdbcSessionStore.builder().dataSource(database.dataSource()).build();
        return new Backend("postgres", store, List.of(), database::contents, database::close);
    }

    static Backend memory() {
        CaffeineSessionStore store = CaffeineSessionStore.create();
        return new Backend("memory", store, List.of(), () -> memoryContents(store));
    }

    static Backend redis(ExtensionContext context) {
        return redis(context.getRoot()
                .getStore(SHARED)
                .getOrComputeIfAbsent("standalone", key -> RedisServer.start(), RedisServer.class));
    }

    static Backend redis(RedisServer server) {
        String prefix = "sec-" + UUID.randomUUID() + ":";
        RedisSessionStore store = RedisSessionStore.builder()
                .standalone(server.hostAndPort())
                .keyPrefix(prefix)
                .build();
        return new Backend("redis", store, List.of(server), () -> RedisKeys.dump(List.of(server), prefix + "*"));
    }

    static Backend cluster(ExtensionContext context) {
        return cluster(context.getRoot()
                .getStore(SHARED)
                .getOrComputeIfAbsent("cluster", key -> LocalRedisCluster.start(3), LocalRedisCluster.class));
    }

    static Backend cluster(LocalRedisCluster cluster) {
        String prefix = "sec-" + UUID.randomUUID() + ":";
        RedisSessionStore store = RedisSessionStore.builder()
                .cluster(cluster.seeds())
                .keyPrefix(prefix)
                .build();
        return new Backend("cluster", store, cluster.nodes(), () -> RedisKeys.dump(cluster.nodes(), prefix + "*"));
    }

    /** Every entry of the Caffeine store, records included, read through its private cache field. */
    private static String memoryContents(CaffeineSessionStore store) {
        try {
            Field cache = CaffeineSessionStore.class.getDeclaredField("cache");
            cache.setAccessible(true);
            return ((Cache<?, ?>) cache.get(store)).asMap().toString();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the in-memory store", e);
        }
    }
}
