package dev.rotor.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.store.redis.RedisSessionStore;
import dev.rotor.testing.redis.RedisServer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * A full refresh on Redis, against a redis-server the benchmark starts itself on loopback, at 1, 2 and 8
 * threads. Rotor: one {@code EVALSHA} per refresh. Baseline: the original Go service's flow (README, "The original Go service") as
 * separate commands, {@code GET} the token's state, {@code SET} it used, {@code SET} the new token, with java-jwt for the tokens.
 * Floor: one {@code EVALSHA} round trip of a script that does nothing, with one key and ten arguments of the
 * sizes Rotor's rotation sends. All three share one client and its pool of 8 connections.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class RefreshRedisBench {

    private static final SetParams SEVEN_DAYS =
            SetParams.setParams().ex(Duration.ofDays(7).toSeconds());
    private static final String DO_NOTHING = "return 0";
    private static final int POOL_SIZE = 8;

    /** The Redis server and the one client every flow uses. */
    @State(Scope.Benchmark)
    public static class Redis {
        RedisServer server;
        RedisClient client;
        RedisSessionStore store;
        TokenService tokens;
        JWTVerifier verifier;
        String doNothing;

        /** Starts redis-server and connects. */
        @Setup(Level.Trial)
        public void start() {
            server = RedisServer.start();
            ConnectionPoolConfig pool = new ConnectionPoolConfig();
            pool.setMaxTotal(POOL_SIZE);
            pool.setMaxIdle(POOL_SIZE);
            pool.setMaxWait(Duration.ofMillis(500));
            client = RedisClient.builder()
                    .hostAndPort(server.hostAndPort())
                    .clientConfig(DefaultJedisClientConfig.builder()
                            .timeoutMillis(500)
                            .build())
                    .poolConfig(pool)
                    .build();
            store = RedisSessionStore.builder().client(client).build();
            tokens = Fixtures.tokenService(store);
            verifier = JWT.require(Fixtures.HS256).withIssuer(Fixtures.ISSUER).build();
            doNothing = client.scriptLoad(DO_NOTHING);
        }

        /** Disconnects and stops redis-server. */
        @TearDown(Level.Trial)
        public void stop() {
            store.close();
            client.close();
            server.close();
        }
    }

    /** One session per thread, continued by every refresh. */
    @State(Scope.Thread)
    public static class Chain {
        String rotorToken;
        String baselineToken;
        List<String> floorKeys;
        List<String> floorArgs;

        /**
         * Opens this thread's sessions.
         *
         * @param redis the server and clients
         */
        @Setup
        public void login(Redis redis) {
            String subject = "user-" + UUID.randomUUID();
            rotorToken = redis.tokens.issue(subject, null, Fixtures.CLAIMS).refreshToken();
            String jti = UUID.randomUUID().toString();
            baselineToken = Fixtures.javaJwtToken(subject, "s-" + subject, "rt+jwt", Duration.ofDays(7), false, jti);
            redis.client.set("rt:" + jti, "valid", SEVEN_DAYS);
            floorKeys = List.of("rotor:{" + "k".repeat(43) + "}");
            long now = System.currentTimeMillis();
            floorArgs = List.of(
                    "s".repeat(22),
                    "1000",
                    "r".repeat(16),
                    Long.toString(now),
                    Long.toString(Duration.ofDays(7).toMillis()),
                    "0",
                    "0",
                    "A",
                    "1001",
                    Long.toString(now + Duration.ofDays(7).toMillis()));
        }
    }

    /**
     * Rotor, one thread.
     *
     * @param redis the server and client
     * @param chain this thread's session
     * @return the new pair
     */
    @Benchmark
    @Threads(1)
    public TokenPair rotor(Redis redis, Chain chain) {
        return rotate(redis, chain);
    }

    /**
     * The original Go service's flow, one thread.
     *
     * @param redis the server and client
     * @param chain this thread's session
     * @return the new access token
     */
    @Benchmark
    @Threads(1)
    public String baseline(Redis redis, Chain chain) {
        return originalFlow(redis, chain);
    }

    /**
     * The floor, one thread.
     *
     * @param redis the server and client
     * @param chain this thread's key and arguments
     * @return the script's reply
     */
    @Benchmark
    @Threads(1)
    public Object floor(Redis redis, Chain chain) {
        return redis.client.evalsha(redis.doNothing, chain.floorKeys, chain.floorArgs);
    }

    /**
     * Rotor, two threads.
     *
     * @param redis the server and client
     * @param chain this thread's session
     * @return the new pair
     */
    @Benchmark
    @Threads(2)
    public TokenPair rotorTwoThreads(Redis redis, Chain chain) {
        return rotate(redis, chain);
    }

    /**
     * The original Go service's flow, two threads.
     *
     * @param redis the server and client
     * @param chain this thread's session
     * @return the new access token
     */
    @Benchmark
    @Threads(2)
    public String baselineTwoThreads(Redis redis, Chain chain) {
        return originalFlow(redis, chain);
    }

    /**
     * The floor, two threads.
     *
     * @param redis the server and client
     * @param chain this thread's key and arguments
     * @return the script's reply
     */
    @Benchmark
    @Threads(2)
    public Object floorTwoThreads(Redis redis, Chain chain) {
        return redis.client.evalsha(redis.doNothing, chain.floorKeys, chain.floorArgs);
    }

    /**
     * Rotor, eight threads.
     *
     * @param redis the server and client
     * @param chain this thread's session
     * @return the new pair
     */
    @Benchmark
    @Threads(8)
    public TokenPair rotorEightThreads(Redis redis, Chain chain) {
        return rotate(redis, chain);
    }

    /**
     * The original Go service's flow, eight threads.
     *
     * @param redis the server and client
     * @param chain this thread's session
     * @return the new access token
     */
    @Benchmark
    @Threads(8)
    public String baselineEightThreads(Redis redis, Chain chain) {
        return originalFlow(redis, chain);
    }

    /**
     * The floor, eight threads.
     *
     * @param redis the server and client
     * @param chain this thread's key and arguments
     * @return the script's reply
     */
    @Benchmark
    @Threads(8)
    public Object floorEightThreads(Redis redis, Chain chain) {
        return redis.client.evalsha(redis.doNothing, chain.floorKeys, chain.floorArgs);
    }

    private static TokenPair rotate(Redis redis, Chain chain) {
        TokenPair pair = redis.tokens.refresh(chain.rotorToken);
        chain.rotorToken = pair.refreshToken();
        return pair;
    }

    private static String originalFlow(Redis redis, Chain chain) {
        DecodedJWT jwt = redis.verifier.verify(chain.baselineToken);
        String key = "rt:" + jwt.getId();
        if (!"valid".equals(redis.client.get(key))) {
            throw new IllegalStateException("refresh token reused");
        }
        redis.client.set(key, "used", SEVEN_DAYS);
        String sessionId = jwt.getClaim("sid").asString();
        String access = Fixtures.javaJwtToken(
                jwt.getSubject(),
                sessionId,
                "at+jwt",
                Duration.ofMinutes(15),
                true,
                UUID.randomUUID().toString());
        String nextJti = UUID.randomUUID().toString();
        chain.baselineToken =
                Fixtures.javaJwtToken(jwt.getSubject(), sessionId, "rt+jwt", Duration.ofDays(7), false, nextJti);
        redis.client.set("rt:" + nextJti, "valid", SEVEN_DAYS);
        return access;
    }
}
