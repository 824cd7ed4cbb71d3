package dev.rotor;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Rotor's fast path against plain java-jwt on a large generated corpus: valid, tampered, spliced, truncated,
 * expired, wrongly typed, foreign and malformed tokens, with hostile strings in every claim. Both must accept
 * and refuse the same tokens, for the same reason, and read the same claims, except in the one documented
 * way Rotor is stricter: it refuses a signature segment that is not the canonical base64url of the MAC.
 */
class DifferentialTest {

    private static final long SEED = Long.getLong("rotor.differential.seed", 20261127L);
    private static final int BASE_TOKENS = 1500;
    private static final String ISSUER = "https://issuer.example/\"quoted\"";
    private static final Instant MINTED = Instant.parse("2026-11-27T12:00:00Z");

    private final Random random = new Random(SEED);
    private final MutableClock clock = new MutableClock(MINTED);
    private final TokenService rotor = service(Keys.SECRET, ISSUER);
    private final TokenCodec codec = TestCodec.of(ISSUER, 8192);
    private final Algorithm accessAlgorithm = Algorithm.HMAC256(Keys.SECRET);
    private final Algorithm refreshAlgorithm = Algorithm.HMAC256(Keys.derivedRefreshSecret(Keys.SECRET));

    private int compared;
    private int accepted;
    private int nonCanonical;

    @Test
    void theFastPathAndJavaJwtAgreeOnEveryTokenOfTheCorpus() {
        TokenService foreignKey = service(Keys.random(32), ISSUER);
        TokenService foreignIssuer = service(Keys.SECRET, "https://elsewhere.example");
        List<String> previous = new ArrayList<>();
        for (int i = 0; i < BASE_TOKENS; i++) {
            TokenPair pair =
                    rotor.issue(randomText(1, 40), random.nextBoolean() ? randomText(1, 20) : null, randomClaims());
            for (String token : List.of(pair.accessToken(), pair.refreshToken())) {
                TokenType type = token.equals(pair.accessToken()) ? TokenType.ACCESS : TokenType.REFRESH;
                TokenType other = type == TokenType.ACCESS ? TokenType.REFRESH : TokenType.ACCESS;
                compare(token, type, MINTED);
                compare(token, other, MINTED);
                compare(token, type, MINTED.plus(Duration.ofDays(8)));
                compare(flipBit(token), type, MINTED);
                compare(flipBit(flipBit(token)), type, MINTED);
                compare(token.substring(0, random.nextInt(token.length())), type, MINTED);
                if (!previous.isEmpty()) {
                    compare(splice(token, previous.get(random.nextInt(previous.size()))), type, MINTED);
                }
                previous.add(token);
            }
            compare(foreignKey.issue("alice").accessToken(), TokenType.ACCESS, MINTED);
            compare(foreignIssuer.issue("alice").refreshToken(), TokenType.REFRESH, MINTED);
            compare(malformed(previous.get(random.nextInt(previous.size()))), TokenType.ACCESS, MINTED);
        }

        assertThat(compared).isGreaterThan(20_000);
        assertThat(accepted).isGreaterThan(2 * BASE_TOKENS);
        System.out.printf(
                "differential corpus (seed %d): %d tokens compared, %d accepted by both, %d non-canonical"
                        + " signatures refused by Rotor only%n",
                SEED, compared, accepted, nonCanonical);
    }

    private void compare(String token, TokenType type, Instant at) {
        compared++;
        Object ours = rotorDecision(token, type, at);
        Object reference = javaJwtDecision(token, type, at);
        if ("INVALID".equals(ours) && reference instanceof Map && !isCanonicalSignature(token)) {
            nonCanonical++;
            return;
        }
        assertThat(ours)
                .as("seed %d, %s token at %s: %s", SEED, type, at, token)
                .isEqualTo(reference);
        if (ours instanceof Map) {
            accepted++;
        }
    }

    /** Rotor's decision: the claims it read, normalised, or INVALID or EXPIRED. */
    private Object rotorDecision(String token, TokenType type, Instant at) {
        try {
            VerifiedToken verified = codec.verify(token, type, at.toEpochMilli(), true);
            if (verified == null) {
                return "INVALID";
            }
            Map<String, Object> claims = new TreeMap<>();
            claims.put("sub", verified.subject());
            claims.put("sid", verified.sessionId());
            claims.put("jti", verified.tokenId());
            claims.put("did", verified.deviceId());
            claims.put("iat", BigDecimal.valueOf(verified.issuedAt()));
            claims.put("exp", BigDecimal.valueOf(verified.expiresAt()));
            claims.put("gen", verified.generation() < 0 ? null : BigDecimal.valueOf(verified.generation()));
            Object clm =
                    type == TokenType.REFRESH && !verified.sessionClaimsJson().equals("{}")
                            ? codec.parseClaims(verified.sessionClaimsJson())
                            : null;
            claims.put("clm", normalise(clm));
            verified.customClaims().forEach((name, value) -> claims.put(name, normalise(value)));
            return claims;
        } catch (TokenRejection rejection) {
            return rejection.reason == RotorException.Reason.TOKEN_EXPIRED ? "EXPIRED" : "INVALID";
        }
    }

    /**
     * java-jwt's decision under the same contract: the {@code typ} of the expected kind, the configured
     * issuer, HS256 with the kind's key, the kind's audience rule, and Rotor's required claims, checked at the
     * same instant.
     */
    private Object javaJwtDecision(String token, TokenType type, Instant at) {
        try {
            if (!type.typ.equals(JWT.decode(token).getType())) {
                return "INVALID";
            }
            Algorithm algorithm = type == TokenType.ACCESS ? accessAlgorithm : refreshAlgorithm;
            com.auth0.jwt.interfaces.Verification expected =
                    JWT.require(algorithm).withIssuer(ISSUER);
            if (type == TokenType.REFRESH) {
                expected = expected.withAudience(ISSUER + "/refresh");
            }
            JWTVerifier verifier = ((JWTVerifier.BaseVerification) expected).build(Clock.fixed(at, ZoneOffset.UTC));
            DecodedJWT jwt = verifier.verify(token);
            if (type == TokenType.ACCESS && jwt.getClaims().containsKey("aud")) {
                return "INVALID"; // no audience configured: any aud names someone else
            }
            Map<String, Object> claims = new TreeMap<>();
            Map<String, Claim> all = jwt.getClaims();
            for (String required : List.of("sub", "sid", "jti")) {
                if (all.get(required) == null || all.get(required).asString() == null) {
                    return "INVALID";
                }
            }
            if (jwt.getIssuedAt() == null || jwt.getExpiresAt() == null) {
                return "INVALID";
            }
            Claim gen = all.get("gen");
            if ((type == TokenType.REFRESH) != (gen != null)) {
                return "INVALID";
            }
            claims.put("sub", jwt.getSubject());
            claims.put("sid", all.get("sid").asString());
            claims.put("jti", jwt.getId());
            claims.put("did", all.containsKey("did") ? all.get("did").asString() : null);
            claims.put("iat", BigDecimal.valueOf(jwt.getIssuedAtAsInstant().getEpochSecond()));
            claims.put("exp", BigDecimal.valueOf(jwt.getExpiresAtAsInstant().getEpochSecond()));
            claims.put("gen", gen == null ? null : BigDecimal.valueOf(gen.asLong()));
            claims.put("clm", all.containsKey("clm") ? normalise(all.get("clm").asMap()) : null);
            if (type == TokenType.ACCESS) {
                all.forEach((name, claim) -> {
                    if (!CustomClaims.RESERVED.contains(name)) {
                        claims.put(name, normalise(claim.as(Object.class)));
                    }
                });
            }
            return claims;
        } catch (TokenExpiredException e) {
            return "EXPIRED";
        } catch (RuntimeException e) {
            return "INVALID";
        }
    }

    /** Numbers as BigDecimal, objects as sorted maps, so Integer 1 and Long 1 compare equal. */
    private static Object normalise(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put((String) k, normalise(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DifferentialTest::normalise).toList();
        }
        return value;
    }

    private static boolean isCanonicalSignature(String token) {
        String signature = token.substring(token.lastIndexOf('.') + 1);
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(signature);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(signature);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private String flipBit(String token) {
        byte[] bytes = token.getBytes(StandardCharsets.ISO_8859_1);
        int position = random.nextInt(bytes.length);
        bytes[position] ^= (byte) (1 << random.nextInt(7));
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** One token's segments with some taken from another. */
    private String splice(String token, String donor) {
        String[] ours = token.split("\\.", -1);
        String[] theirs = donor.split("\\.", -1);
        int from = random.nextInt(3);
        ours[from] = theirs[from];
        return String.join(".", ours);
    }

    private String malformed(String token) {
        String[] parts = token.split("\\.", -1);
        String noneHeader = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        "{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8));
        return switch (random.nextInt(8)) {
            case 0 -> parts[0] + "." + parts[1];
            case 1 -> token + ".extra";
            case 2 -> noneHeader + "." + parts[1] + ".";
            case 3 -> parts[0] + ".!!!." + parts[2];
            case 4 -> parts[0] + "." + parts[1] + "." + parts[2] + "=";
            case 5 -> "..";
            case 6 -> randomText(0, 200);
            default -> parts[0] + "." + parts[1] + "." + parts[2].substring(1);
        };
    }

    private Map<String, Object> randomClaims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            String name = "c" + i + randomText(0, 6);
            claims.put(name, randomValue(3));
        }
        return claims;
    }

    private Object randomValue(int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        return switch (kind) {
            case 0 -> randomText(0, 30);
            case 1 -> random.nextInt();
            case 2 -> random.nextLong();
            case 3 -> random.nextDouble() * 1e6;
            case 4 -> random.nextBoolean();
            case 5 -> null;
            case 6 -> "\"\\/\b\f\n\r\t\u0000\u001f\u2028😀";
            case 7 -> Arrays.asList(randomValue(depth - 1), randomValue(depth - 1));
            default -> {
                Map<String, Object> nested = new LinkedHashMap<>();
                nested.put(randomText(1, 8), randomValue(depth - 1));
                yield nested;
            }
        };
    }

    /** Text from every corner: ASCII, quotes, backslashes, control characters, CJK, emoji (non-BMP). */
    private String randomText(int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append("\"\\'{}|.".charAt(random.nextInt(7)));
                case 2 -> text.append((char) (0x4E00 + random.nextInt(0x5000)));
                case 3 -> text.appendCodePoint(0x1F600 + random.nextInt(0x50));
                default -> text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    private TokenService service(byte[] secret, String issuer) {
        return TokenService.builder()
                .signingKey(JwtKey.hs256("k1", secret))
                .issuer(issuer)
                .store(new MapSessionStore())
                .clock(clock)
                .build();
    }
}
