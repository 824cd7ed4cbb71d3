package dev.rotor.tck;

import dev.rotor.RotorException;
import dev.rotor.TokenService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs calls from many threads at the same instant: every thread first reports ready and waits at a shared
 * gate, which opens only when all are waiting.
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
        Callable<Object> refresh = () -> {
            try {
                return tokens.refresh(refreshToken);
            } catch (RotorException e) {
                return e.reason();
            }
        };
        return atOnce(Collections.nCopies(threads, refresh));
    }

    /**
     * Runs each call on a thread of its own, all released at once.
     *
     * @param calls at most as many calls as there are threads
     * @param <T> what the calls return
     * @return each call's result, in the order of {@code calls}
     * @throws Exception if a call failed, or the round took over a minute
     */
    public <T> List<T> atOnce(List<? extends Callable<? extends T>> calls) throws Exception {
        if (calls.size() > threads) {
            throw new IllegalArgumentException(calls.size() + " calls for " + threads + " threads");
        }
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<? extends T>> results = new ArrayList<>();
        for (Callable<? extends T> call : calls) {
            results.add(pool.submit(() -> {
                ready.countDown();
                gate.await();
                return call.call();
            }));
        }
        if (!ready.await(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("threads did not get ready");
        }
        gate.countDown();
        List<T> outcomes = new ArrayList<>();
        for (Future<? extends T> result : results) {
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
