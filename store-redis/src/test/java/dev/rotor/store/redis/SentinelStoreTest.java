package dev.rotor.store.redis;

import dev.rotor.spi.SessionStore;
import dev.rotor.store.redis.testing.RedisServer;
import dev.rotor.tck.SessionStoreContract;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract through a RedisSentinelClient: a master watched by a real Sentinel. */
class SentinelStoreTest extends SessionStoreContract {

    private static RedisServer master;
    private static RedisServer sentinel;
    private static RedisSessionStore store;

    @BeforeAll
    static void start() {
        master = RedisServer.start();
        sentinel = RedisServer.startSentinel("rotor-master", master);
        store = RedisSessionStore.builder()
                .sentinel("rotor-master", Set.of(sentinel.hostAndPort()))
                .keyPrefix("tck-sentinel:")
                .build();
    }

    @AfterAll
    static void stop() {
        store.close();
        sentinel.close();
        master.close();
    }

    @Override
    protected SessionStore store() {
        return store;
    }

    @Override
    protected boolean holdsAnything(String subject) {
        return RedisKeys.exists(List.of(master), new RecordCodec("tck-sentinel:").key(subject));
    }

    @Override
    protected String storedContent() {
        return RedisKeys.dump(List.of(master), "tck-sentinel:*");
    }
}
