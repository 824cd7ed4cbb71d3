package dev.rotor.store.redis;

import dev.rotor.testing.redis.RedisServer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract through a RedisSentinelClient: a master watched by a real Sentinel. */
class SentinelStoreTest extends RedisStoreContract {

    private static RedisServer master;
    private static RedisServer sentinel;

    @BeforeAll
    static void start() {
        master = RedisServer.start();
        sentinel = RedisServer.startSentinel("rotor-master", master);
    }

    @AfterAll
    static void stop() {
        sentinel.close();
        master.close();
    }

    SentinelStoreTest() {
        super(
                RedisSessionStore.builder().sentinel("rotor-master", Set.of(sentinel.hostAndPort())),
                List.of(master),
                "tck-sentinel:");
    }
}
