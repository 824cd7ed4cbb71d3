package dev.rotor.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.JwtKey;
import dev.rotor.RotorException;
import dev.rotor.RotorException.Reason;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.store.redis.RedisSessionStore;
import dev.rotor.tck.ConcurrentRefresher;
import dev.rotor.testing.redis.LocalRedisCluster;
import dev.rotor.testing.redis.RedisServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ClientPauseMode;

/**
 * The race and single refreshes while Redis misbehaves: paused clients on a standalone server, a master
 * restarted in a cluster. Never two winners, never a reuse alarm for one legitimate refresher, and every
 * failure a clean {@code STORE_UNAVAILABLE} (or the refusal of a session the restart lost).
 */
class ConcurrencyUnderFaultsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(200);

    @Test
    void theRaceWhileRedisPausesNeverHasTwoWinners() throws Exception {
        try (RedisServer redis = RedisServer.start();
                RedisSessionStore store = store(RedisSessionStore.builder().standalone(redis.hostAndPort()));
                ConcurrentRefresher refresher = new ConcurrentRefresher(32);
                Disturbance pauses = Disturbance.start(() -> pause(List.of(redis), 150), 400)) {
            TokenService tokens = tokens(store);
            int round = 0;
            int won = 0;
            while (pauses.count() < 8 && round < 5_000) {
                TokenPair pair = issue(tokens, "paused-racer-" + round);

                List<Object> outcomes = refresher.refreshAtOnce(tokens, pair.refreshToken());

                // TOKEN_REVOKED: a resent rotation that finds its session revoked, meanwhile, by a loser's reuse.
                won += assertAtMostOneWinner(
                        outcomes, round, Reason.TOKEN_REUSED, Reason.STORE_UNAVAILABLE, Reason.TOKEN_REVOKED);
                round++;
            }
            assertThat(pauses.count()).as("pauses during %d rounds", round).isGreaterThanOrEqualTo(8);
            assertThat(won)
                    .as("rounds won of %d (pauses are shorter than the timeout)", round)
                    .isGreaterThan(round / 2);
            pauses.close();
            assertExactlyOneWinner(refresher.refreshAtOnce(
                    tokens, issue(tokens, "after-pauses").refreshToken()));
        }
    }

    @Test
    void aSingleRefresherIsNeverTakenForReuseWhileRedisPauses() throws Exception {
        try (RedisServer redis = RedisServer.start();
                RedisSessionStore store = store(RedisSessionStore.builder().standalone(redis.hostAndPort()))) {
            TokenService tokens = tokens(store);
            String refreshToken = tokens.issue("lonely").refreshToken();
            int slow = 0;
            for (int i = 0; i < 30; i++) {
                if (i % 3 == 0) {
                    pause(List.of(redis), TIMEOUT.toMillis() + 100);
                }
                long start = System.nanoTime();
                try {
                    refreshToken = tokens.refresh(refreshToken).refreshToken();
                } catch (RotorException e) {
                    assertThat(e.reason()).as("refresh %d", i).isEqualTo(Reason.STORE_UNAVAILABLE);
                    break; // the reply may be lost for good: presenting the token again could be reuse
                }
                slow += Duration.ofNanos(System.nanoTime() - start).compareTo(TIMEOUT) > 0 ? 1 : 0;
            }
            assertThat(slow).as("refreshes whose first reply was lost").isGreaterThan(0);
        }
    }

    @Test
    void theRaceAndASingleRefresherWhileAClusterMasterRestarts() throws Exception {
        try (LocalRedisCluster cluster = LocalRedisCluster.start(3);
                RedisSessionStore store = store(RedisSessionStore.builder().cluster(cluster.seeds()));
                ConcurrentRefresher refresher = new ConcurrentRefresher(32)) {
            TokenService tokens = tokens(store);
            String lonely = issue(tokens, "lonely-on-cluster").refreshToken();
            AtomicBoolean restarted = new AtomicBoolean();
            Thread restart = new Thread(() -> {
                RedisServer.sleep(300);
                cluster.nodes().get(1).restart();
                cluster.awaitHealthy();
                restarted.set(true);
            });
            restart.start();
            int round = 0;
            int won = 0;
            while (!restarted.get() || round < 60) {
                TokenPair pair = issue(tokens, "cluster-racer-" + round);
                List<Object> outcomes = refresher.refreshAtOnce(tokens, pair.refreshToken());
                won += assertAtMostOneWinner(
                        outcomes, round, Reason.TOKEN_REUSED, Reason.STORE_UNAVAILABLE, Reason.TOKEN_REVOKED);
                try {
                    lonely = tokens.refresh(lonely).refreshToken();
                } catch (RotorException e) {
                    assertThat(e.reason()).isIn(Reason.STORE_UNAVAILABLE, Reason.TOKEN_REVOKED);
                    lonely = issue(tokens, "lonely-on-cluster").refreshToken();
                }
                round++;
            }
            restart.join();
            assertThat(won).as("rounds won of %d", round).isPositive();
            assertExactlyOneWinner(refresher.refreshAtOnce(
                    tokens, issue(tokens, "after-restart").refreshToken()));
        }
    }

    /** Returns 1 if the round had a winner, else 0. */
    private static int assertAtMostOneWinner(List<Object> outcomes, int round, Reason... allowedRefusals) {
        assertThat(outcomes)
                .as("winners of round %d", round)
                .filteredOn(TokenPair.class::isInstance)
                .hasSizeLessThanOrEqualTo(1);
        assertThat(outcomes)
                .as("refusals of round %d", round)
                .filteredOn(o -> !(o instanceof TokenPair))
                .allSatisfy(o -> assertThat(o).isIn((Object[]) allowedRefusals));
        return outcomes.stream().anyMatch(TokenPair.class::isInstance) ? 1 : 0;
    }

    private static void assertExactlyOneWinner(List<Object> outcomes) {
        assertThat(outcomes)
                .as("the race once the faults are over")
                .filteredOn(TokenPair.class::isInstance)
                .hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof TokenPair)).allSatisfy(o -> assertThat(o)
                .isIn(Reason.TOKEN_REUSED, Reason.STORE_UNAVAILABLE));
    }

    /** Logs in, trying again while the store is unavailable. */
    private static TokenPair issue(TokenService tokens, String subject) {
        for (int attempt = 0; ; attempt++) {
            try {
                return tokens.issue(subject);
            } catch (RotorException e) {
                if (e.reason() != Reason.STORE_UNAVAILABLE || attempt > 100) {
                    throw e;
                }
                RedisServer.sleep(50);
            }
        }
    }

    private static void pause(List<RedisServer> nodes, long millis) {
        for (RedisServer node : nodes) {
            try (Jedis admin = node.connect()) {
                admin.clientPause(millis, ClientPauseMode.ALL);
            }
        }
    }

    private static RedisSessionStore store(dev.rotor.store.redis.RedisSessionStoreBuilder builder) {
        return builder.timeout(TIMEOUT).attempts(3).build();
    }

    private static TokenService tokens(RedisSessionStore store) {
        return TokenService.builder()
                .signingKey(JwtKey.hs256("k1", Backend.SECRET))
                .store(store)
                .build();
    }

    /** Runs a fault again and again on its own thread until closed. */
    private static final class Disturbance implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger count = new AtomicInteger();
        private final Thread thread;

        private Disturbance(Runnable fault, long everyMillis) {
            thread = new Thread(() -> {
                while (running.get()) {
                    RedisServer.sleep(everyMillis);
                    fault.run();
                    count.incrementAndGet();
                }
            });
        }

        static Disturbance start(Runnable fault, long everyMillis) {
            Disturbance disturbance = new Disturbance(fault, everyMillis);
            disturbance.thread.start();
            return disturbance;
        }

        int count() {
            return count.get();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
