package dev.rotor.store.redis;

import dev.rotor.TokenService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Fills a store's connection pools: one thread per subject, released together, logging in again and again. */
final class PoolFiller {

    private PoolFiller() {}

    static void fill(TokenService tokens, List<String> subjects) throws Exception {
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
