package dev.rotor.store.redis;

import static dev.rotor.tck.SessionStoreContract.assertRefusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.JwtKey;
import dev.rotor.RotorException.Reason;
import dev.rotor.TokenEvent;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.testing.redis.RedisServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.args.ClientPauseMode;
import redis.clients.jedis.providers.ConnectionProvider;

/** Faults on a redis-server of the test's own: kills, restarts, flushed scripts, paused clients. */
class StandaloneFaultTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final RedisServer redis = RedisServer.start();
    private final RedisSessionStore store = RedisSessionStore.builder()
            .standalone(redis.hostAndPort())
            .timeout(TIMEOUT)
            .attempts(3)
            .build();
    private final List<TokenEvent> events = new CopyOnWriteArrayList<>();
    private final TokenService tokens = TokenService.builder()
            .signingKey(JwtKey.hs256("k", "a secret of at least thirty-two bytes!!"))
            .store(store)
            .eventListener(events::add)
            .build();

    @AfterEach
    void stop() {
        store.close();
        redis.close();
    }

    @Test
    void case12_redisDownFailsClosedWithinTheTimeoutAndTheSameStoreRecoversWhenItIsBack() {
        TokenPair beforeCrash = tokens.issue("alice");
        redis.kill();

        long start = System.nanoTime();
        assertRefusal(() -> tokens.refresh(beforeCrash.refreshToken()), Reason.STORE_UNAVAILABLE);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertRefusal(() -> tokens.issue("bob"), Reason.STORE_UNAVAILABLE);
        assertRefusal(() -> tokens.sessions("alice"), Reason.STORE_UNAVAILABLE);
        assertThat(waited).isLessThan(TIMEOUT.multipliedBy(3).plusSeconds(2));

        redis.restart();

        assertRefusal(() -> tokens.refresh(beforeCrash.refreshToken()), Reason.TOKEN_REVOKED);
        TokenPair afterRestart = tokens.issue("alice");
        assertThat(tokens.refresh(afterRestart.refreshToken()).sessionId()).isEqualTo(afterRestart.sessionId());
    }

    @Test
    void case12_aHungRedisFailsClosedAfterItsAttemptsTimeOutAndWorksOnceItAnswersAgain() {
        tokens.issue("alice");
        long pausedAt = System.nanoTime();
        try (Jedis admin = redis.connect()) {
            admin.clientPause(3_000, ClientPauseMode.ALL);
        }

        assertRefusal(() -> tokens.issue("bob"), Reason.STORE_UNAVAILABLE);
        Duration waited = Duration.ofNanos(System.nanoTime() - pausedAt);

        assertThat(waited)
                .as("three attempts, each timing out, well before the pause ends")
                .isGreaterThanOrEqualTo(TIMEOUT.multipliedBy(3))
                .isLessThan(Duration.ofMillis(2_500));
        RedisServer.sleep(3_100 - waited.toMillis());
        TokenPair afterwards = tokens.issue("carol");
        assertThat(tokens.refresh(afterwards.refreshToken()).sessionId()).isEqualTo(afterwards.sessionId());
    }

    @Test
    void afterARestartTheStaleConnectionsOfAFullPoolFailNoCall() throws Exception {
        int threads = 8;
        List<String> subjects = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            subjects.add("warm-" + thread);
        }
        PoolFiller.fill(tokens, subjects, redis, 4); // more closed connections than the 3 attempts

        redis.restart();

        for (int call = 0; call < threads; call++) {
            TokenPair pair = tokens.issue("after-restart-" + call);
            assertThat(tokens.refresh(pair.refreshToken()).sessionId()).isEqualTo(pair.sessionId());
        }
    }

    @Test
    void aCallersClientOnItsOwnConnectionProviderStillWorksAfterARestart() {
        HostAndPort server = redis.hostAndPort();
        ConnectionProvider oneConnectionPerCommand = new ConnectionProvider() {
            @Override
            public Connection getConnection() {
                return new Connection(server);
            }

            @Override
            public Connection getConnection(CommandArguments args) {
                return getConnection();
            }

            @Override
            public void close() {}
        };
        try (RedisClient client = RedisClient.builder()
                        .connectionProvider(oneConnectionPerCommand)
                        .build();
                RedisSessionStore ownClientStore =
                        RedisSessionStore.builder().client(client).build()) {
            TokenService onOwnClient = TokenService.builder()
                    .signingKey(JwtKey.hs256("k", "a secret of at least thirty-two bytes!!"))
                    .store(ownClientStore)
                    .build();
            onOwnClient.issue("alice");

            redis.restart();

            TokenPair pair = onOwnClient.issue("bob");
            assertThat(onOwnClient.refresh(pair.refreshToken()).sessionId()).isEqualTo(pair.sessionId());
        }
    }

    @Test
    void case14_aRestartWithoutPersistenceRefusesEveryOldRefreshTokenNeverAcceptsOne() {
        List<String> old = new ArrayList<>();
        for (int user = 0; user < 5; user++) {
            TokenPair pair = tokens.issue("user-" + user);
            old.add(pair.refreshToken());
            for (int i = 0; i < user; i++) {
                pair = tokens.refresh(pair.refreshToken());
                old.add(pair.refreshToken());
            }
        }

        redis.restart();

        for (String refreshToken : old) {
            assertRefusal(() -> tokens.refresh(refreshToken), Reason.TOKEN_REVOKED);
        }
        assertThat(tokens.sessions("user-4")).isEmpty();
    }

    @Test
    void case13_afterScriptFlushTheNextRotationRunsExactlyOnce() {
        TokenPair first = tokens.issue("alice");
        try (Jedis admin = redis.connect()) {
            admin.scriptFlush();
            admin.configResetStat();

            TokenPair second = tokens.refresh(first.refreshToken());

            Map<String, Long> calls = RoundTripTest.commandCalls(admin.info("commandstats"));
            assertThat(calls).containsEntry("eval", 1L).doesNotContainKey("script|load");
            assertThat(store.find("alice", first.sessionId(), Instant.now()))
                    .hasValueSatisfying(
                            session -> assertThat(session.generation()).isEqualTo(1));
            assertThat(tokens.refresh(second.refreshToken()).sessionId()).isEqualTo(first.sessionId());
        }
    }

    @Test
    void case10_aRotationWhoseReplyIsLostIsAnsweredByTheRetryAndNeverTakenForReuse() {
        TokenPair first = tokens.issue("alice");
        try (Jedis admin = redis.connect()) {
            admin.clientPause(TIMEOUT.toMillis() + 250, ClientPauseMode.ALL);
        }

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
}
