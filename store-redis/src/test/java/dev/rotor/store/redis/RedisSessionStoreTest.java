package dev.rotor.store.redis;

import dev.rotor.testing.redis.LocalRedisCluster;
import dev.rotor.testing.redis.RedisServer;
import dev.rotor.testing.redis.RedisServers;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store contract on a real redis-server, standalone and as a 3-master cluster. */
@ExtendWith(RedisServers.class)
class RedisSessionStoreTest {

    @Nested
    class Standalone extends RedisStoreContract {
        Standalone(RedisServer redis) {
            super(RedisSessionStore.builder().standalone(redis.hostAndPort()), List.of(redis), "tck-standalone:");
        }
    }

    @Nested
    class Cluster extends RedisStoreContract {
        Cluster(LocalRedisCluster cluster) {
            super(RedisSessionStore.builder().cluster(cluster.seeds()), cluster.nodes(), "tck-cluster:");
        }
    }
}
