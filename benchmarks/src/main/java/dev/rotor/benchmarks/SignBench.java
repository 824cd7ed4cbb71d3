package dev.rotor.benchmarks;

import com.auth0.jwt.JWT;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.rotor.InternalCodec;
import io.jsonwebtoken.Jwts;
import java.time.Instant;
import java.util.Date;
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
 * Minting an access token with {@code iss sub sid jti iat exp} and two custom claims, HS256, header {@code
 * alg typ kid}. Rotor's codec ({@link InternalCodec}, no store), java-jwt ({@code baseline}), Nimbus JOSE+JWT
 * and jjwt, each with its signer or key built once; {@code floor} is one HMAC over the same signing input.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class SignBench {

    private final InternalCodec codec = Fixtures.codec();
    private final MACSigner nimbusSigner = nimbusSigner();
    private final JWSHeader nimbusHeader = new JWSHeader.Builder(JWSAlgorithm.HS256)
            .type(new JOSEObjectType("at+jwt"))
            .keyID(Fixtures.KEY_ID)
            .build();
    private final byte[] signingInput = HmacFloor.signingInput(Fixtures.rotorAccessToken());
    private long generation;

    private static MACSigner nimbusSigner() {
        try {
            return new MACSigner(Fixtures.SECRET);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Rotor's codec.
     *
     * @return the token
     */
    @Benchmark
    public String rotor() {
        long now = Instant.now().getEpochSecond();
        return codec.mintAccess(Fixtures.SUBJECT, Fixtures.SESSION_ID, generation++, now, now + 900);
    }

    /**
     * java-jwt, its {@code Algorithm} built once.
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
                .withSubject(Fixtures.SUBJECT)
                .withClaim("sid", Fixtures.SESSION_ID)
                .withJWTId(Fixtures.SESSION_ID + "." + generation++ + ".a")
                .withIssuedAt(now)
                .withExpiresAt(now.plusSeconds(900))
                .withClaim("role", "admin")
                .withClaim("tenant", 42)
                .sign(Fixtures.HS256);
    }

    /**
     * Nimbus JOSE+JWT: {@code SignedJWT} signed by a {@code MACSigner} built once.
     *
     * @return the token
     * @throws JOSEException never, with this key
     */
    @Benchmark
    public String nimbus() throws JOSEException {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                nimbusHeader,
                new JWTClaimsSet.Builder()
                        .issuer(Fixtures.ISSUER)
                        .subject(Fixtures.SUBJECT)
                        .claim("sid", Fixtures.SESSION_ID)
                        .jwtID(Fixtures.SESSION_ID + "." + generation++ + ".a")
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(900)))
                        .claim("role", "admin")
                        .claim("tenant", 42)
                        .build());
        jwt.sign(nimbusSigner);
        return jwt.serialize();
    }

    /**
     * jjwt 0.13.
     *
     * @return the token
     */
    @Benchmark
    public String jjwt() {
        Instant now = Instant.now();
        return Jwts.builder()
                .header()
                .keyId(Fixtures.KEY_ID)
                .type("at+jwt")
                .and()
                .issuer(Fixtures.ISSUER)
                .subject(Fixtures.SUBJECT)
                .claim("sid", Fixtures.SESSION_ID)
                .id(Fixtures.SESSION_ID + "." + generation++ + ".a")
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plusSeconds(900)))
                .claim("role", "admin")
                .claim("tenant", 42)
                .signWith(Fixtures.JCA_KEY, Jwts.SIG.HS256)
                .compact();
    }

    /**
     * The floor: one HMAC-SHA256 over the signing input of a Rotor token with these claims.
     *
     * @param hmac this thread's {@code Mac}
     * @return the MAC
     */
    @Benchmark
    public byte[] floor(HmacFloor hmac) {
        return hmac.mac(signingInput);
    }
}
