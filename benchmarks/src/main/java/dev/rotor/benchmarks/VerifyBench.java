package dev.rotor.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.rotor.AccessClaims;
import dev.rotor.TokenService;
import dev.rotor.store.memory.CaffeineSessionStore;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Verifying an access token and reading its subject, session and two custom claims. Rotor: the public {@code
 * TokenService.verifyAccessToken}. Baseline: java-jwt's {@code JWT.require(...).build()} verifier (built once)
 * on a token with the same claims.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class VerifyBench {

    private TokenService tokens;
    private String rotorToken;
    private JWTVerifier verifier;
    private String baselineToken;

    /** Mints one token for each side. */
    @Setup
    public void mint() {
        tokens = Fixtures.tokenService(CaffeineSessionStore.create());
        rotorToken = tokens.issue("alice", null, Fixtures.CLAIMS).accessToken();
        verifier = JWT.require(Fixtures.HS256).withIssuer(Fixtures.ISSUER).build();
        baselineToken = Fixtures.javaJwtToken(
                "alice", "q0Zt3mD9bW1xYk2LrVfUoA", "at+jwt", Duration.ofDays(1), true, "q0Zt3mD9bW1xYk2LrVfUoA.0.a");
    }

    /**
     * Rotor's fast path.
     *
     * @param out sink for the claims read
     */
    @Benchmark
    public void rotor(Blackhole out) {
        AccessClaims claims = tokens.verifyAccessToken(rotorToken);
        out.consume(claims.subject());
        out.consume(claims.sessionId());
        out.consume(claims.claims().get("role"));
        out.consume(claims.claims().get("tenant"));
    }

    /**
     * Plain java-jwt.
     *
     * @param out sink for the claims read
     */
    @Benchmark
    public void baseline(Blackhole out) {
        DecodedJWT jwt = verifier.verify(baselineToken);
        out.consume(jwt.getSubject());
        out.consume(jwt.getClaim("sid").asString());
        out.consume(jwt.getClaim("role").asString());
        out.consume(jwt.getClaim("tenant").asInt());
    }
}
