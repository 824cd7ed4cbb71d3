package dev.rotor.store.redis;

import dev.rotor.spi.SessionStore;
import dev.rotor.store.redis.testing.LocalRedisCluster;
import dev.rotor.store.redis.testing.RedisServer;
import dev.rotor.store.redis.testing.RedisServers;
import dev.rotor.tck.SessionStoreContract;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store contract on a real redis-server, standalone and as a 3-master cluster. */
@ExtendWith(RedisServers.class)
class RedisSessionStoreTest {

    @Nested
    class Standalone extends SessionStoreContract {

        private final RedisSessionStore store;
        private final List<RedisServer> servers;

        Standalone(RedisServer redis) {
            this.servers = List.of(redis);
            this.store = RedisSessionStore.builder()
                    .standalone(redis.hostAndPort())
                    .keyPrefix("tck-standalone:")
                    .build();
        }

        @AfterEach
        void close() {
            store.close();
        }

        @Override
        protected SessionStore store() {
            return store;
        }

        @Override
        protected boolean holdsAnything(String subject) {
            return RedisKeys.exists(servers, new RecordCodec("tck-standalone:").key(subject));
        }

        @Override
        protected String storedContent() {
            return RedisKeys.dump(servers, "tck-standalone:*");
        }
    }

    @Nested
    class Cluster extends SessionStoreContract {

        private final RedisSessionStore store;
        private final List<RedisServer> servers;

        Cluster(LocalRedisCluster cluster) {
            this.servers = cluster.nodes();
            this.store = RedisSessionStore.builder()
                    .cluster(cluster.seeds())
                    .keyPrefix("tck-cluster:")
                    .build();
        }

        @AfterEach
        void close() {
            store.close();
        }

        @Override
        protected SessionStore store() {
            return store;
        }

        @Override
        protected boolean holdsAnything(String subject) {
            return RedisKeys.exists(servers, new RecordCodec("tck-cluster:").key(subject));
        }

        @Override
        protected String storedContent() {
            return RedisKeys.dump(servers, "tck-cluster:*");
        }
    }
}
