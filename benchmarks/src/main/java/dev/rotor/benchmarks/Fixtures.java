package dev.rotor.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.rotor.InternalCodec;
import dev.rotor.JwtKey;
import dev.rotor.TokenService;
import dev.rotor.spi.SessionStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Shared keys and settings, so every contender signs the same claims with the same secret. */
final class Fixtures {

    static final byte[] SECRET =
            "benchmark secret: 32 bytes or more, as RFC 7518 asks".getBytes(StandardCharsets.UTF_8);
    static final String ISSUER = "https://auth.example.com";
    static final String KEY_ID = "bench";
    static final Map<String, Object> CLAIMS = Map.of("role", "admin", "tenant", 42);
    static final Algorithm HS256 = Algorithm.HMAC256(SECRET);
    static final SecretKey JCA_KEY = new SecretKeySpec(SECRET, "HmacSHA256");
    static final String SUBJECT = "alice";
    static final String SESSION_ID = "q0Zt3mD9bW1xYk2LrVfUoA";

    private Fixtures() {}

    static JwtKey key() {
        return JwtKey.hs256(KEY_ID, SECRET);
    }

    /** Rotor's codec alone, minting tokens with {@link #CLAIMS}. */
    static InternalCodec codec() {
        return InternalCodec.of(key(), ISSUER, CLAIMS);
    }

    /** A Rotor access token for {@link #SUBJECT} that is valid for a day: what every verifier reads. */
    static String rotorAccessToken() {
        long now = Instant.now().getEpochSecond();
        return codec().mintAccess(
                        SUBJECT, SESSION_ID, 0, now, now + Duration.ofDays(1).toSeconds());
    }

    /** A token service whose access tokens last a day, so a long benchmark never sees one expire. */
    static TokenService tokenService(SessionStore store) {
        return TokenService.builder()
                .signingKey(key())
                .issuer(ISSUER)
                .accessTokenTtl(Duration.ofDays(1))
                .store(store)
                .build();
    }

    /** The original Go service's token minting, plainly with java-jwt. */
    static String javaJwtToken(
            String subject, String sessionId, String type, Duration ttl, boolean withClaims, String jti) {
        Instant now = Instant.now();
        com.auth0.jwt.JWTCreator.Builder token = JWT.create()
                .withKeyId(KEY_ID)
                .withHeader(Map.of("typ", type))
                .withIssuer(ISSUER)
                .withSubject(subject)
                .withClaim("sid", sessionId)
                .withJWTId(jti)
                .withIssuedAt(now)
                .withExpiresAt(now.plus(ttl));
        if (withClaims) {
            token.withClaim("role", "admin").withClaim("tenant", 42);
        }
        return token.sign(HS256);
    }
}
