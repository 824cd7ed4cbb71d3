package dev.rotor.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.TokenService;
import dev.rotor.testing.redis.RedisServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/** Fills a store's connection pools: one thread per subject, released together, logging in again and again. */
final class PoolFiller {

    private PoolFiller() {}

    /**
     * Fills the pools, then checks that the node holds at least {@code atLeast} of the store's connections.
     */
    static void fill(TokenService tokens, List<String> subjects, RedisServer node, int atLeast) throws Exception {
        fill(tokens, subjects);
        try (Jedis admin = node.connect()) {
            assertThat(admin.clientList().lines().filter(client -> client.contains(" name=rotor ")))
                    .as("the store's connections to the node")
                    .hasSizeGreaterThanOrEqualTo(atLeast);
        }
    }

    private static void fill(TokenService tokens, List<String> subjects) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(subjects.size());
        try {
            List<Future<?>> logins = new ArrayList<>();
            for (String subject : subjects) {
                logins.add(callers.submit(() -> {
                    start.await();
                    for (int call = 0; call < 200; call++) {
                        tokens.issue(subject);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> login : logins) {
                login.get(60, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdown();
        }
    }
}
