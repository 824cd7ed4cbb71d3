package dev.rotor.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.rotor.InternalCodec;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.store.memory.CaffeineSessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full refresh on the in-memory store: verify the refresh token, rotate atomically, mint the new pair.
 * Baseline: the original Go service's flow written plainly with java-jwt and a {@code ConcurrentHashMap} (get,
 * then mark used, then issue and store the new token's id), which is also what lets two concurrent refreshes
 * both win there. Floor: the parts a refresh cannot avoid, with Rotor's own codec ({@link InternalCodec}) and
 * a Caffeine cache configured as the store's (bounded, each entry with its own expiry): verify the refresh
 * token, one {@code compute} that moves its generation on, and sign the two new tokens. Each thread refreshes its own session's chain, so a refresh always presents the token the
 * previous one minted: no setup is measured.
 * (The original Go service is described in the README section "The original Go service".)
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class RefreshMemoryBench {

    private static final long SEVEN_DAYS = Duration.ofDays(7).toSeconds();

    /** What both sides share: the services and the baseline's token table. */
    @State(Scope.Benchmark)
    public static class Stores {
        final TokenService tokens = Fixtures.tokenService(CaffeineSessionStore.create());
        final JWTVerifier verifier =
                JWT.require(Fixtures.HS256).withIssuer(Fixtures.ISSUER).build();
        final ConcurrentHashMap<String, Boolean> used = new ConcurrentHashMap<>();
        final InternalCodec codec = Fixtures.codec();
        final Cache<String, Long> generations = Caffeine.newBuilder()
                .maximumSize(CaffeineSessionStore.DEFAULT_MAXIMUM_SUBJECTS)
                .executor(Runnable::run)
                .expireAfter(Expiry.writing((String subject, Long generation) -> Duration.ofDays(7)))
                .build();
    }

    /** One session per thread, continued by every refresh. */
    @State(Scope.Thread)
    public static class Chain {
        String rotorToken;
        String baselineToken;
        String previousJti = "";
        String floorSubject;
        String floorToken;

        /**
         * Opens this thread's sessions.
         *
         * @param stores the shared services
         */
        @Setup
        public void login(Stores stores) {
            String subject = "user-" + UUID.randomUUID();
            rotorToken = stores.tokens.issue(subject, null, Fixtures.CLAIMS).refreshToken();
            String jti = UUID.randomUUID().toString();
            baselineToken = Fixtures.javaJwtToken(subject, "s-" + subject, "rt+jwt", Duration.ofDays(7), false, jti);
            stores.used.put(jti, Boolean.FALSE);
            floorSubject = subject;
            long now = Instant.now().getEpochSecond();
            floorToken = stores.codec.mintRefresh(subject, Fixtures.SESSION_ID, 0, now, now + SEVEN_DAYS);
            stores.generations.put(subject, 0L);
        }
    }

    /**
     * Rotor, one thread.
     *
     * @param stores the services
     * @param chain this thread's session
     * @return the new pair
     */
    @Benchmark
    @Threads(1)
    public TokenPair rotor(Stores stores, Chain chain) {
        return rotate(stores, chain);
    }

    /**
     * The original Go service's flow, one thread.
     *
     * @param stores the services
     * @param chain this thread's session
     * @return the new access token
     */
    @Benchmark
    @Threads(1)
    public String baseline(Stores stores, Chain chain) {
        return originalFlow(stores, chain);
    }

    /**
     * Rotor, two threads.
     *
     * @param stores the services
     * @param chain this thread's session
     * @return the new pair
     */
    @Benchmark
    @Threads(2)
    public TokenPair rotorTwoThreads(Stores stores, Chain chain) {
        return rotate(stores, chain);
    }

    /**
     * The original Go service's flow, two threads.
     *
     * @param stores the services
     * @param chain this thread's session
     * @return the new access token
     */
    @Benchmark
    @Threads(2)
    public String baselineTwoThreads(Stores stores, Chain chain) {
        return originalFlow(stores, chain);
    }

    /**
     * The floor, one thread.
     *
     * @param stores the services
     * @param chain this thread's session
     * @return the new access token
     */
    @Benchmark
    @Threads(1)
    public String floor(Stores stores, Chain chain) {
        return unavoidable(stores, chain);
    }

    /**
     * The floor, two threads.
     *
     * @param stores the services
     * @param chain this thread's session
     * @return the new access token
     */
    @Benchmark
    @Threads(2)
    public String floorTwoThreads(Stores stores, Chain chain) {
        return unavoidable(stores, chain);
    }

    private static TokenPair rotate(Stores stores, Chain chain) {
        TokenPair pair = stores.tokens.refresh(chain.rotorToken);
        chain.rotorToken = pair.refreshToken();
        return pair;
    }

    private static String unavoidable(Stores stores, Chain chain) {
        long nowMillis = System.currentTimeMillis();
        long presented = stores.codec.verifyRefresh(chain.floorToken, nowMillis);
        long next = stores.generations.asMap().compute(chain.floorSubject, (subject, current) -> {
            if (current == null || current != presented) {
                throw new IllegalStateException("refresh token reused");
            }
            return presented + 1;
        });
        long now = nowMillis / 1000;
        chain.floorToken =
                stores.codec.mintRefresh(chain.floorSubject, Fixtures.SESSION_ID, next, now, now + SEVEN_DAYS);
        return stores.codec.mintAccess(chain.floorSubject, Fixtures.SESSION_ID, next, now, now + 900);
    }

    private static String originalFlow(Stores stores, Chain chain) {
        DecodedJWT jwt = stores.verifier.verify(chain.baselineToken);
        String jti = jwt.getId();
        Boolean used = stores.used.get(jti);
        if (used == null || used) {
            throw new IllegalStateException("refresh token reused");
        }
        stores.used.put(jti, Boolean.TRUE);
        String access = Fixtures.javaJwtToken(
                jwt.getSubject(),
                jwt.getClaim("sid").asString(),
                "at+jwt",
                Duration.ofMinutes(15),
                true,
                UUID.randomUUID().toString());
        String nextJti = UUID.randomUUID().toString();
        chain.baselineToken = Fixtures.javaJwtToken(
                jwt.getSubject(), jwt.getClaim("sid").asString(), "rt+jwt", Duration.ofDays(7), false, nextJti);
        stores.used.put(nextJti, Boolean.FALSE);
        stores.used.remove(chain.previousJti); // stands in for the expiry a real store would apply
        chain.previousJti = jti;
        return access;
    }
}
