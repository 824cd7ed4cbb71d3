package dev.rotor.benchmarks;

import com.auth0.jwt.JWT;
import dev.rotor.CodecBridge;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * Minting an access token with {@code iss sub sid jti iat exp} and two custom claims, HS256. Baseline: java-jwt's
 * {@code JWT.create()...sign(Algorithm.HMAC256(key))} with the {@code Algorithm} built once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class SignBench {

    private final CodecBridge codec = new CodecBridge(Fixtures.key(), Fixtures.ISSUER, Fixtures.CLAIMS);
    private long generation;

    /**
     * Rotor's fast path.
     *
     * @return the token
     */
    @Benchmark
    public String rotor() {
        long now = Instant.now().getEpochSecond();
        return codec.mintAccess("alice", "q0Zt3mD9bW1xYk2LrVfUoA", generation++, now, now + 900);
    }

    /**
     * Plain java-jwt.
     *
     * @return the token
     */
    @Benchmark
    public String baseline() {
        Instant now = Instant.now();
        return JWT.create()
                .withKeyId(Fixtures.KEY_ID)
                .withHeader(Map.of("typ", "at+jwt"))
                .withIssuer(Fixtures.ISSUER)
                .withSubject("alice")
                .withClaim("sid", "q0Zt3mD9bW1xYk2LrVfUoA")
                .withJWTId("q0Zt3mD9bW1xYk2LrVfUoA." + generation++ + ".a")
                .withIssuedAt(now)
                .withExpiresAt(now.plusSeconds(900))
                .withClaim("role", "admin")
                .withClaim("tenant", 42)
                .sign(Fixtures.HS256);
    }
}
