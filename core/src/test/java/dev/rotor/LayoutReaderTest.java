package dev.rotor;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass reader of Rotor's own payload layout against Jackson on the same bytes: payloads minted with
 * random contents (escapes, control characters, non-ASCII, surrogates, big and negative numbers, floats,
 * nesting, {@code null}), and the same payloads mutated byte by byte. Whenever the reader answers, Jackson must
 * accept the payload and read exactly the same claims; and the reader must answer for plain payloads.
 */
class LayoutReaderTest {

    private static final long SEED = 20261201L;
    private static final String[] TEXTS = {
        "alice",
        "q0Zt3mD9bW1xYk2LrVfUoA",
        "",
        "a\"b",
        "back\\slash",
        "tab\there",
        "nul\u0000",
        "ü",
        "日本",
        "\uD83D\uDE00",
        "\uD800",
        "x",
        "0",
        "true",
        "sub",
        "a b",
        "~!@#$%^&*()",
        "\u007F",
        "line\nbreak"
    };
    private static final byte[] NOISE = "{}[]\",:\\09-.eE aAtn\u0000".getBytes(StandardCharsets.ISO_8859_1);

    private final TokenCodec codec = TestCodec.of("https://issuer.example", 65_536);
    private final PayloadParser parser = codec.parser();
    private final Random random = new Random(SEED);

    @Test
    void whereverTheReaderAnswersJacksonReadsTheSameAndPlainPayloadsAreReadInOnePass() {
        int plain = 0;
        int answeredPlain = 0;
        int answered = 0;
        int compared = 0;
        for (int i = 0; i < 4_000; i++) {
            TokenType type = random.nextBoolean() ? TokenType.ACCESS : TokenType.REFRESH;
            boolean simple = random.nextInt(3) == 0;
            byte[] json = mint(type, simple);
            if (json == null) {
                continue;
            }
            if (simple) {
                plain++;
                answeredPlain += parser.parseByLayout(json, json.length, type) != null ? 1 : 0;
            }
            answered += compare(json, type, i) ? 1 : 0;
            compared++;
            for (int m = 0; m < 6; m++) {
                answered += compare(mutate(json), type, i) ? 1 : 0;
                compared++;
            }
        }
        assertThat(answeredPlain).as("plain payloads read in one pass").isEqualTo(plain);
        assertThat(plain).isGreaterThan(1_000);
        assertThat(answered).as("of %d", compared).isGreaterThan(compared / 10);
    }

    @Test
    void aPayloadReadFromAReusedLongerBufferIsReadAsItsOwnBytes() {
        byte[] json = mint(TokenType.ACCESS, true);
        byte[] longer = Arrays.copyOf(json, json.length + 7);
        longer[json.length] = ',';
        assertThat(describe(parser.parseByLayout(longer, json.length, TokenType.ACCESS)))
                .isEqualTo(describe(parser.parseWithJackson(json, json.length, TokenType.ACCESS)));
    }

    /** Whether the reader answered; fails if its answer is not Jackson's. */
    private boolean compare(byte[] json, TokenType type, int round) {
        PayloadParser.Claims fast = parser.parseByLayout(json, json.length, type);
        if (fast == null) {
            return false;
        }
        PayloadParser.Claims reference;
        try {
            reference = parser.parseWithJackson(json, json.length, type);
        } catch (TokenRejection rejection) {
            reference = null;
        }
        assertThat(reference)
                .as("seed %d round %d: Jackson refuses what the reader read: %s", SEED, round, text(json))
                .isNotNull();
        assertThat(describe(fast))
                .as("seed %d round %d: %s", SEED, round, text(json))
                .isEqualTo(describe(reference));
        return true;
    }

    private byte[] mint(TokenType type, boolean simple) {
        String subject = simple ? plainText() : text();
        String sessionId = simple ? plainText() : text();
        String device = random.nextBoolean() ? null : simple ? plainText() : text();
        String client = random.nextBoolean() ? null : simple ? plainText() : text();
        long generation = random.nextInt(4) == 0 ? random.nextLong() & Long.MAX_VALUE : random.nextInt(1_000);
        long iat = random.nextInt(4) == 0 ? PayloadParser.MAX_EPOCH_SECOND : random.nextInt(2_000_000_000);
        long exp = random.nextInt(9) == 0 ? 0 : iat;
        String claims = CustomClaims.toJson(claims(simple));
        if (subject.isEmpty() || sessionId.isEmpty()) {
            return null;
        }
        String token = type == TokenType.ACCESS
                ? codec.mintAccess(subject, sessionId, generation, device, client, iat, exp, claims)
                : codec.mintRefresh(subject, sessionId, generation, device, client, iat, exp, claims);
        String payload = token.substring(token.indexOf('.') + 1, token.lastIndexOf('.'));
        return Base64.getUrlDecoder().decode(payload);
    }

    private Map<String, Object> claims(boolean simple) {
        Map<String, Object> claims = new LinkedHashMap<>();
        int count = random.nextInt(simple ? 6 : 20);
        for (int i = 0; i < count; i++) {
            String name = simple ? plainText() + i : text() + i;
            claims.put(name, simple ? simpleValue() : value(2));
        }
        return claims;
    }

    private Object simpleValue() {
        return switch (random.nextInt(5)) {
            case 0 -> plainText();
            case 1 -> random.nextInt();
            case 2 -> random.nextLong() / (1 + random.nextInt(1_000));
            case 3 -> random.nextBoolean();
            default -> random.nextInt(10);
        };
    }

    private Object value(int depth) {
        return switch (random.nextInt(depth > 0 ? 10 : 8)) {
            case 0 -> text();
            case 1 -> random.nextLong();
            case 2 -> BigInteger.valueOf(random.nextLong()).multiply(BigInteger.valueOf(1L << 40));
            case 3 -> random.nextDouble() * 1e6;
            case 4 -> null;
            case 5 -> random.nextBoolean();
            case 6 -> Long.MIN_VALUE;
            case 7 -> -random.nextInt(100);
            case 8 -> Arrays.asList(value(depth - 1), value(depth - 1));
            default -> {
                Map<String, Object> nested = new LinkedHashMap<>();
                nested.put("k", value(depth - 1));
                yield nested;
            }
        };
    }

    private String plainText() {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(24);
        for (int i = 0; i < length; i++) {
            char c = (char) (0x20 + random.nextInt(0x5F));
            text.append(c == '"' || c == '\\' ? 'q' : c);
        }
        return text.toString();
    }

    private String text() {
        return random.nextInt(3) == 0
                ? plainText()
                : TEXTS[random.nextInt(TEXTS.length)] + TEXTS[random.nextInt(TEXTS.length)];
    }

    private byte[] mutate(byte[] json) {
        byte[] out;
        int at = random.nextInt(json.length);
        switch (random.nextInt(4)) {
            case 0 -> {
                out = json.clone();
                out[at] = random.nextInt(5) == 0
                        ? (byte) (0x80 + random.nextInt(0x80))
                        : NOISE[random.nextInt(NOISE.length)];
            }
            case 1 -> {
                out = new byte[json.length - 1];
                System.arraycopy(json, 0, out, 0, at);
                System.arraycopy(json, at + 1, out, at, json.length - at - 1);
            }
            case 2 -> {
                out = new byte[json.length + 1];
                System.arraycopy(json, 0, out, 0, at);
                out[at] = NOISE[random.nextInt(NOISE.length)];
                System.arraycopy(json, at, out, at + 1, json.length - at);
            }
            default -> { // a stretch of the payload written twice, such as a claim repeated
                int end = at + random.nextInt(json.length - at);
                out = new byte[json.length + end - at];
                System.arraycopy(json, 0, out, 0, end);
                System.arraycopy(json, at, out, end, json.length - at);
            }
        }
        return out.length == 0 ? json : out;
    }

    private static String describe(PayloadParser.Claims c) {
        List<Object> fields = new ArrayList<>(List.of(
                c.issuerMatches,
                String.valueOf(c.audience),
                String.valueOf(c.subject),
                String.valueOf(c.sessionId),
                String.valueOf(c.tokenId),
                String.valueOf(c.deviceId),
                String.valueOf(c.clientId),
                c.generation,
                c.issuedAt,
                c.expiresAt,
                c.notBefore,
                c.sessionClaimsJson));
        c.custom.forEach(
                (name, value) -> fields.add(name + "=" + value + ":" + (value == null ? null : value.getClass())));
        return fields.toString();
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.ISO_8859_1);
    }
}
