package dev.rotor.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.rotor.AccessClaims;
import dev.rotor.RotorException;
import dev.rotor.TokenService;
import dev.rotor.store.memory.CaffeineSessionStore;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
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

/**
 * Refusing hostile access tokens, whose rate an attacker chooses: a forged token of valid shape (Rotor's
 * header and payload, the signature of another key), an {@code alg: none} token with an empty signature, and an
 * oversized one (64 KiB, forged signature). Rotor's {@code verifyAccessToken} against java-jwt's {@code
 * JWTVerifier} ({@code baseline}) and Nimbus JOSE+JWT's {@code SignedJWT.parse} and {@code MACVerifier}
 * (which returns {@code false} instead of throwing). {@code rotorValid} verifies the valid token in the same
 * run, for the ratio of refusing to accepting.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class RefuseBench {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private TokenService tokens;
    private JWTVerifier javaJwt;
    private MACVerifier nimbus;
    private String valid;
    private String forged;
    private String algNone;
    private String oversized;

    /**
     * Mints the valid token and forges the others from it.
     *
     * @throws JOSEException never, with this key
     */
    @Setup
    public void forge() throws JOSEException {
        tokens = Fixtures.tokenService(CaffeineSessionStore.create());
        javaJwt = JWT.require(Fixtures.HS256).withIssuer(Fixtures.ISSUER).build();
        nimbus = new MACVerifier(Fixtures.SECRET);
        valid = Fixtures.rotorAccessToken();
        String header = valid.substring(0, valid.indexOf('.'));
        String payload = valid.substring(header.length() + 1, valid.lastIndexOf('.'));
        forged = header + "." + payload + "." + otherKeysSignature(header + "." + payload);
        String none = "{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + Fixtures.KEY_ID + "\"}";
        algNone = BASE64URL.encodeToString(none.getBytes(StandardCharsets.UTF_8)) + "." + payload + ".";
        String big = "{\"iss\":\"" + Fixtures.ISSUER + "\",\"sub\":\"" + "x".repeat(48 * 1024) + "\"}";
        String bigSigned = header + "." + BASE64URL.encodeToString(big.getBytes(StandardCharsets.UTF_8));
        oversized = bigSigned + "." + otherKeysSignature(bigSigned);
    }

    private static String otherKeysSignature(String signingInput) {
        Algorithm otherKey = Algorithm.HMAC256("another key of 32 bytes or more, not ours");
        return BASE64URL.encodeToString(otherKey.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Rotor accepting the valid token, for reference.
     *
     * @return the claims
     */
    @Benchmark
    public AccessClaims rotorValid() {
        return tokens.verifyAccessToken(valid);
    }

    /**
     * Rotor, forged signature.
     *
     * @return the refusal
     */
    @Benchmark
    public Object rotorForged() {
        return rotor(forged);
    }

    /**
     * Rotor, {@code alg: none}.
     *
     * @return the refusal
     */
    @Benchmark
    public Object rotorAlgNone() {
        return rotor(algNone);
    }

    /**
     * Rotor, 64 KiB.
     *
     * @return the refusal
     */
    @Benchmark
    public Object rotorOversized() {
        return rotor(oversized);
    }

    /**
     * java-jwt, forged signature.
     *
     * @return the refusal
     */
    @Benchmark
    public Object baselineForged() {
        return javaJwt(forged);
    }

    /**
     * java-jwt, {@code alg: none}.
     *
     * @return the refusal
     */
    @Benchmark
    public Object baselineAlgNone() {
        return javaJwt(algNone);
    }

    /**
     * java-jwt, 64 KiB.
     *
     * @return the refusal
     */
    @Benchmark
    public Object baselineOversized() {
        return javaJwt(oversized);
    }

    /**
     * Nimbus, forged signature.
     *
     * @return the refusal
     */
    @Benchmark
    public Object nimbusForged() {
        return nimbus(forged);
    }

    /**
     * Nimbus, {@code alg: none}.
     *
     * @return the refusal
     */
    @Benchmark
    public Object nimbusAlgNone() {
        return nimbus(algNone);
    }

    /**
     * Nimbus, 64 KiB.
     *
     * @return the refusal
     */
    @Benchmark
    public Object nimbusOversized() {
        return nimbus(oversized);
    }

    private Object rotor(String token) {
        try {
            tokens.verifyAccessToken(token);
        } catch (RotorException refused) {
            return refused;
        }
        throw new IllegalStateException("accepted a hostile token");
    }

    private Object javaJwt(String token) {
        try {
            javaJwt.verify(token);
        } catch (JWTVerificationException refused) {
            return refused;
        }
        throw new IllegalStateException("accepted a hostile token");
    }

    private Object nimbus(String token) {
        try {
            if (!SignedJWT.parse(token).verify(nimbus)) {
                return Boolean.FALSE;
            }
        } catch (ParseException | JOSEException refused) {
            return refused;
        }
        throw new IllegalStateException("accepted a hostile token");
    }
}
