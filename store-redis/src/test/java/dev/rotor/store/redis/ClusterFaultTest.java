package dev.rotor.store.redis;

import static dev.rotor.tck.SessionStoreContract.assertRefusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.JwtKey;
import dev.rotor.RotorException.Reason;
import dev.rotor.TokenEvent;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.testing.redis.LocalRedisCluster;
import dev.rotor.testing.redis.RedisKeys;
import dev.rotor.testing.redis.RedisServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ClientPauseMode;
import redis.clients.jedis.exceptions.JedisMovedDataException;

/** Faults on a 3-master cluster of the test's own: paused nodes and a restarted master. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterFaultTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final LocalRedisCluster cluster = LocalRedisCluster.start(3);
    private final RedisSessionStore store = RedisSessionStore.builder()
            .cluster(cluster.seeds())
            .timeout(TIMEOUT)
            .attempts(3)
            .build();
    private final List<TokenEvent> events = new CopyOnWriteArrayList<>();
    private final TokenService tokens = TokenService.builder()
            .signingKey(JwtKey.hs256("k", "a secret of at least thirty-two bytes!!"))
            .store(store)
            .eventListener(events::add)
            .build();

    @AfterAll
    void stop() {
        store.close();
        cluster.close();
    }

    @Test
    void case10_theClusterClientsRetryOfACommittedRotationIsAnsweredAsTheSameRotation() {
        TokenPair first = tokens.issue("alice");
        pauseEveryNode(TIMEOUT.toMillis() + 250);

        long start = System.nanoTime();
        TokenPair second = tokens.refresh(first.refreshToken());

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("the first reply was lost")
                .isGreaterThan(TIMEOUT);
        assertThat(events).extracting(TokenEvent::type).doesNotContain(TokenEvent.Type.REUSE_DETECTED);
        assertThat(store.find("alice", first.sessionId(), Instant.now()))
                .hasValueSatisfying(session -> assertThat(session.generation()).isEqualTo(1));
        assertThat(tokens.refresh(second.refreshToken()).sessionId()).isEqualTo(first.sessionId());
    }

    @Test
    void case12and14_aRestartedMasterLosesExactlyItsOwnSessionsAndTheStoreCarriesOn() {
        RedisServer victim = cluster.nodes().get(1);
        RecordCodec keys = new RecordCodec("rotor:");
        List<TokenPair> onVictim = new ArrayList<>();
        List<TokenPair> elsewhere = new ArrayList<>();
        for (int user = 0; user < 30; user++) {
            String subject = "restart-user-" + user;
            TokenPair pair = tokens.issue(subject);
            boolean stored = RedisKeys.exists(List.of(victim), keys.key(subject));
            (stored ? onVictim : elsewhere).add(pair);
        }
        assertThat(onVictim).isNotEmpty();
        assertThat(elsewhere).isNotEmpty();

        victim.restart();
        cluster.awaitHealthy();

        for (TokenPair pair : onVictim) {
            assertRefusal(() -> tokens.refresh(pair.refreshToken()), Reason.TOKEN_REVOKED);
        }
        for (TokenPair pair : elsewhere) {
            assertThat(tokens.refresh(pair.refreshToken()).sessionId()).isEqualTo(pair.sessionId());
        }
        TokenPair fresh = tokens.issue("after-restart");
        assertThat(tokens.refresh(fresh.refreshToken()).sessionId()).isEqualTo(fresh.sessionId());
        assertRefusal(() -> tokens.refresh(fresh.refreshToken()), Reason.TOKEN_REUSED);
    }

    @Test
    void case12_aHungClusterFailsClosedWithinItsRetryBudgetAndWorksOnceItAnswersAgain() {
        long pausedAt = System.nanoTime();
        pauseEveryNode(4_000);

        assertRefusal(() -> tokens.issue("bob"), Reason.STORE_UNAVAILABLE);
        Duration waited = Duration.ofNanos(System.nanoTime() - pausedAt);

        assertThat(waited)
                .as("the cluster client's retry budget, timeout x (attempts + 1), well before the pause ends")
                .isGreaterThanOrEqualTo(TIMEOUT)
                .isLessThan(Duration.ofMillis(3_300));
        RedisServer.sleep(4_100 - waited.toMillis());
        TokenPair afterwards = tokens.issue("carol");
        assertThat(tokens.refresh(afterwards.refreshToken()).sessionId()).isEqualTo(afterwards.sessionId());
    }

    @Test
    void case13_afterScriptFlushOnEveryNodeTheNextRotationRunsExactlyOnce() {
        TokenPair first = tokens.issue("dave");
        for (RedisServer node : cluster.nodes()) {
            try (Jedis admin = node.connect()) {
                admin.scriptFlush();
                admin.configResetStat();
            }
        }

        TokenPair second = tokens.refresh(first.refreshToken());

        long evals = 0;
        for (RedisServer node : cluster.nodes()) {
            try (Jedis admin = node.connect()) {
                Map<String, Long> calls = RoundTripTest.commandCalls(admin.info("commandstats"));
                assertThat(calls).doesNotContainKey("script|load");
                evals += calls.getOrDefault("eval", 0L);
            }
        }
        assertThat(evals).as("EVAL calls on all nodes").isEqualTo(1);
        assertThat(store.find("dave", first.sessionId(), Instant.now()))
                .hasValueSatisfying(session -> assertThat(session.generation()).isEqualTo(1));
        assertThat(tokens.refresh(second.refreshToken()).sessionId()).isEqualTo(first.sessionId());
    }

    @Test
    void afterAMasterRestartsTheStaleConnectionsOfItsFullPoolFailNoCall() throws Exception {
        RedisServer victim = cluster.nodes().get(2);
        RecordCodec keys = new RecordCodec("rotor:");
        List<String> onVictim = new ArrayList<>();
        for (int user = 0; onVictim.size() < 8; user++) {
            String subject = "pooled-" + user;
            if (ownedBy(victim, keys.key(subject))) {
                onVictim.add(subject);
            }
        }
        PoolFiller.fill(tokens, onVictim, victim, 4); // more closed connections than the 3 attempts

        victim.restart();
        cluster.awaitHealthy();

        for (String subject : onVictim) {
            TokenPair pair = tokens.issue(subject);
            assertThat(tokens.refresh(pair.refreshToken()).sessionId()).isEqualTo(pair.sessionId());
        }
    }

    private static boolean ownedBy(RedisServer node, String key) {
        try (Jedis admin = node.connect()) {
            admin.exists(key);
            return true;
        } catch (JedisMovedDataException servedElsewhere) {
            return false;
        }
    }

    private void pauseEveryNode(long millis) {
        for (RedisServer node : cluster.nodes()) {
            try (Jedis admin = node.connect()) {
                admin.clientPause(millis, ClientPauseMode.ALL);
            }
        }
    }
}
