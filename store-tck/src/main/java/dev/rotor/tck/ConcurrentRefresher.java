package dev.rotor.tck;

import dev.rotor.RotorException;
import dev.rotor.TokenService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Presents one refresh token from many threads at the same instant: every thread first reports ready and
 * waits at a shared gate, which opens only when all are waiting.
 */
public final class ConcurrentRefresher implements AutoCloseable {

    private final int threads;
    private final ExecutorService pool;

    /**
     * Starts the threads.
     *
     * @param threads how many callers race in each round
     */
    public ConcurrentRefresher(int threads) {
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /**
     * Refreshes the same token from every thread at once.
     *
     * @param tokens the service
     * @param refreshToken the token all threads present
     * @return per thread, the {@link dev.rotor.TokenPair} it got or the {@link RotorException.Reason} it
     *     was refused with
     * @throws Exception if a thread failed otherwise, or the round took over a minute
     */
    public List<Object> refreshAtOnce(TokenService tokens, String refreshToken) throws Exception {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                ready.countDown();
                gate.await();
                try {
                    return tokens.refresh(refreshToken);
                } catch (RotorException e) {
                    return e.reason();
                }
            }));
        }
        if (!ready.await(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("threads did not get ready");
        }
        gate.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> result : results) {
            outcomes.add(result.get(1, TimeUnit.MINUTES));
        }
        return outcomes;
    }

    /** Stops the threads. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
