package dev.rotor.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.rotor.AccessClaims;
import dev.rotor.TokenService;
import dev.rotor.store.memory.CaffeineSessionStore;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.text.ParseException;
import java.util.Date;
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
 * Verifying an access token (signature, issuer, expiry) and reading its subject, session and two custom
 * claims. Every contender reads the same Rotor-minted token: Rotor's public {@code
 * TokenService.verifyAccessToken}, java-jwt's {@code JWTVerifier} ({@code baseline}), Nimbus JOSE+JWT's {@code
 * SignedJWT} with a {@code MACVerifier} and jjwt's {@code JwtParser}, each built once; {@code floor} is one HMAC
 * over the token's signing input.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class VerifyBench {

    private TokenService tokens;
    private String token;
    private byte[] signingInput;
    private JWTVerifier javaJwt;
    private MACVerifier nimbus;
    private JwtParser jjwt;

    /**
     * Mints the token and builds every verifier.
     *
     * @throws JOSEException never, with this key
     */
    @Setup
    public void mint() throws JOSEException {
        tokens = Fixtures.tokenService(CaffeineSessionStore.create());
        token = Fixtures.rotorAccessToken();
        signingInput = HmacFloor.signingInput(token);
        javaJwt = JWT.require(Fixtures.HS256).withIssuer(Fixtures.ISSUER).build();
        nimbus = new MACVerifier(Fixtures.SECRET);
        jjwt = Jwts.parser()
                .verifyWith(Fixtures.JCA_KEY)
                .requireIssuer(Fixtures.ISSUER)
                .build();
    }

    /**
     * Rotor.
     *
     * @param out sink for the claims read
     */
    @Benchmark
    public void rotor(Blackhole out) {
        AccessClaims claims = tokens.verifyAccessToken(token);
        out.consume(claims.subject());
        out.consume(claims.sessionId());
        out.consume(claims.claims().get("role"));
        out.consume(claims.claims().get("tenant"));
    }

    /**
     * java-jwt.
     *
     * @param out sink for the claims read
     */
    @Benchmark
    public void baseline(Blackhole out) {
        DecodedJWT jwt = javaJwt.verify(token);
        out.consume(jwt.getSubject());
        out.consume(jwt.getClaim("sid").asString());
        out.consume(jwt.getClaim("role").asString());
        out.consume(jwt.getClaim("tenant").asInt());
    }

    /**
     * Nimbus JOSE+JWT: parse, {@code verify}, then check issuer and expiry as the others do.
     *
     * @param out sink for the claims read
     * @throws ParseException never, for this token
     * @throws JOSEException never, for this token
     */
    @Benchmark
    public void nimbus(Blackhole out) throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!jwt.verify(nimbus)) {
            throw new IllegalStateException("bad signature");
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        if (!Fixtures.ISSUER.equals(claims.getIssuer())
                || !claims.getExpirationTime().after(new Date())) {
            throw new IllegalStateException("wrong issuer or expired");
        }
        out.consume(claims.getSubject());
        out.consume(claims.getStringClaim("sid"));
        out.consume(claims.getStringClaim("role"));
        out.consume(claims.getIntegerClaim("tenant"));
    }

    /**
     * jjwt 0.13.
     *
     * @param out sink for the claims read
     */
    @Benchmark
    public void jjwt(Blackhole out) {
        Claims claims = jjwt.parseSignedClaims(token).getPayload();
        out.consume(claims.getSubject());
        out.consume(claims.get("sid", String.class));
        out.consume(claims.get("role", String.class));
        out.consume(claims.get("tenant", Integer.class));
    }

    /**
     * The floor: one HMAC-SHA256 over the token's signing input.
     *
     * @param hmac this thread's {@code Mac}
     * @return the MAC
     */
    @Benchmark
    public byte[] floor(HmacFloor hmac) {
        return hmac.mac(signingInput);
    }
}
