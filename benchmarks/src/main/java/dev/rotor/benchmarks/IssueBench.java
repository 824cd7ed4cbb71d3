package dev.rotor.benchmarks;

import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.store.memory.CaffeineSessionStore;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A login: open a session on the in-memory store and mint its first pair. Baseline: the original Go service's
 * {@code generateTokens}, two java-jwt tokens and the refresh token's id stored in a {@code
 * ConcurrentHashMap}. Refresh tokens live a second on both sides, so neither store grows without bound.
 * (The original Go service is described in the README section "The original Go service".)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class IssueBench {

    private final TokenService tokens = TokenService.builder()
            .signingKey(Fixtures.key())
            .issuer(Fixtures.ISSUER)
            .refreshTokenTtl(Duration.ofSeconds(1))
            .store(CaffeineSessionStore.create())
            .build();
    private final ConcurrentHashMap<String, Boolean> issued = new ConcurrentHashMap<>();
    private final AtomicLong users = new AtomicLong();

    /**
     * Rotor.
     *
     * @return the pair
     */
    @Benchmark
    public TokenPair rotor() {
        return tokens.issue("user-" + users.incrementAndGet() % 100_000, "device", Fixtures.CLAIMS);
    }

    /**
     * The original Go service's token generation.
     *
     * @return the refresh token
     */
    @Benchmark
    public String baseline() {
        String subject = "user-" + users.incrementAndGet() % 100_000;
        String sessionId = UUID.randomUUID().toString();
        Fixtures.javaJwtToken(
                subject,
                sessionId,
                "at+jwt",
                Duration.ofMinutes(15),
                true,
                UUID.randomUUID().toString());
        String jti = UUID.randomUUID().toString();
        String refresh = Fixtures.javaJwtToken(subject, sessionId, "rt+jwt", Duration.ofSeconds(1), false, jti);
        if (issued.size() > 100_000) {
            issued.clear(); // stands in for the expiry a real store would apply
        }
        issued.put(jti, Boolean.FALSE);
        return refresh;
    }
}
