package dev.rotor.security;

import static dev.rotor.security.Refusals.refusedFast;
import static dev.rotor.security.Refusals.refusedQuietly;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.rotor.JwtKey;
import dev.rotor.RotorException.Reason;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Cases 1 to 7 of the hostile-input list: bad tokens. Each is refused with the documented reason, in under
 * 100 ms, with nothing changed in the store, on every store.
 */
class Case01To07BadTokensTest {

    private static final String HEADER_REFRESH = "{\"alg\":\"HS256\",\"typ\":\"rt+jwt\",\"kid\":\"rt-k1\"}";
    private static final String HEADER_ACCESS = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"k1\"}";

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void case01_algNoneInAnySpellingAndEmptySignaturesAreRefused(Backend backend) {
        TokenService tokens = backend.tokens();
        TokenPair pair = tokens.issue("alice");
        String[] refresh = Forge.segments(pair.refreshToken());
        String[] access = Forge.segments(pair.accessToken());
        for (String alg : List.of("none", "None", "nOnE", "NONE", "")) {
            String header = "{\"alg\":\"" + alg + "\",\"typ\":\"rt+jwt\",\"kid\":\"rt-k1\"}";
            refusedQuietly(
                    backend,
                    Reason.TOKEN_INVALID,
                    "alg " + alg,
                    () -> tokens.refresh(Forge.b64(header) + "." + refresh[1] + "."));
            String accessHeader = "{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\"}";
            refusedQuietly(
                    backend,
                    Reason.TOKEN_INVALID,
                    "access alg " + alg,
                    () -> tokens.verifyAccessToken(Forge.b64(accessHeader) + "." + access[1] + "."));
        }
        refusedQuietly(
                backend,
                Reason.TOKEN_INVALID,
                "empty signature",
                () -> tokens.refresh(refresh[0] + "." + refresh[1] + "."));
        refusedQuietly(
                backend, Reason.TOKEN_INVALID, "no signature", () -> tokens.refresh(refresh[0] + "." + refresh[1]));
        assertThat(tokens.refresh(pair.refreshToken()).sessionId()).isEqualTo(pair.sessionId());
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void case02_hs256SignedWithTheConfiguredPublicKeyIsRefused(Backend backend) throws Exception {
        KeyPair rsa = generate("RSA", 2048);
        KeyPair ec = ec();
        TokenService rs256 = backend.builder()
                .signingKey(JwtKey.rs256("rs", (RSAPublicKey) rsa.getPublic(), (RSAPrivateKey) rsa.getPrivate()))
                .build();
        TokenService es256 = backend.builder()
                .signingKey(JwtKey.es256("es", (ECPublicKey) ec.getPublic(), (ECPrivateKey) ec.getPrivate()))
                .build();
        for (Object[] setup : List.of(new Object[] {rs256, rsa, "rs"}, new Object[] {es256, ec, "es"})) {
            TokenService tokens = (TokenService) setup[0];
            KeyPair keys = (KeyPair) setup[1];
            String kid = (String) setup[2];
            String payload = Forge.json(Forge.segments(tokens.issue("alice").refreshToken())[1]);
            String header = "{\"alg\":\"HS256\",\"typ\":\"rt+jwt\",\"kid\":\"" + kid + "\"}";
            byte[] der = keys.getPublic().getEncoded();
            byte[] pem = ("-----BEGIN PUBLIC KEY-----\n"
                            + Base64.getMimeEncoder().encodeToString(der) + "\n-----END PUBLIC KEY-----\n")
                    .getBytes(StandardCharsets.US_ASCII);
            for (byte[] publicKeyBytes : List.of(der, pem)) {
                String confused = Forge.hs256(header, payload, publicKeyBytes);
                refusedQuietly(
                        backend,
                        Reason.TOKEN_INVALID,
                        "HS256 with the " + kid + " public key",
                        () -> tokens.refresh(confused));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void case03_ecdsaPsychicSignaturesAreRefused(Backend backend) throws Exception {
        KeyPair ec = ec();
        TokenService tokens = backend.builder()
                .signingKey(JwtKey.es256("es", (ECPublicKey) ec.getPublic(), (ECPrivateKey) ec.getPrivate()))
                .build();
        String[] genuine = Forge.segments(tokens.issue("alice").refreshToken());
        String signed = genuine[0] + "." + genuine[1] + ".";
        for (String psychic : List.of(Forge.b64(new byte[64]), "MAYCAQACAQA", Forge.b64(new byte[0]))) {
            refusedQuietly(
                    backend,
                    Reason.TOKEN_INVALID,
                    "r=s=0 signature " + psychic,
                    () -> tokens.refresh(signed + psychic));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void case04_unknownHugeOrInjectedKeyIdsAndKeyUrlsAreRefusedWithoutAStoreLookup(Backend backend) {
        CountingStore counting = new CountingStore(backend.store);
        TokenService tokens = Backend.tokensOn(counting.store, b -> b);
        String payload = Forge.json(Forge.segments(tokens.issue("alice").refreshToken())[1]);
        int callsBefore = counting.calls.get();
        List<String> headers = List.of(
                "{\"alg\":\"HS256\",\"typ\":\"rt+jwt\",\"kid\":\"unknown\"}",
                "{\"alg\":\"HS256\",\"typ\":\"rt+jwt\",\"kid\":\"" + "k".repeat(10_240) + "\"}",
                "{\"alg\":\"HS256\",\"typ\":\"rt+jwt\",\"kid\":\"../x\"}",
                "{\"alg\":\"HS256\",\"typ\":\"rt+jwt\",\"kid\":\"'\"}",
                "{\"alg\":\"HS256\",\"typ\":\"rt+jwt\",\"kid\":\"{\"}",
                "{\"alg\":\"HS256\",\"typ\":\"rt+jwt\",\"kid\":\"rt-k1\",\"jku\":\"http://127.0.0.1:1/jwks\"}",
                "{\"alg\":\"HS256\",\"typ\":\"rt+jwt\",\"kid\":\"rt-k1\",\"x5u\":\"http://127.0.0.1:1/cert\"}",
                "{\"alg\":\"HS256\",\"typ\":\"rt+jwt\",\"kid\":\"rt-k1\",\"jwk\":{\"kty\":\"oct\",\"k\":\"AAAA\"}}");
        for (String header : headers) {
            String token = Forge.hs256(header, payload, Backend.REFRESH_SECRET);
            refusedQuietly(
                    backend,
                    Reason.TOKEN_INVALID,
                    "header " + header.substring(0, Math.min(60, header.length())),
                    () -> tokens.refresh(token));
        }
        assertThat(counting.calls.get()).as("store calls for refused headers").isEqualTo(callsBefore);
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void case04_aKeyTheTokenNamesOrCarriesIsNeverFetchedNorTrusted(Backend backend) throws Exception {
        byte[] attackerKey = "an attacker's own HMAC key, 32 B".getBytes(StandardCharsets.UTF_8);
        String attackerJwk = "{\"kty\":\"oct\",\"kid\":\"k1\",\"k\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(attackerKey) + "\"}";
        AtomicInteger fetches = new AtomicInteger();
        HttpServer keyServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        keyServer.createContext("/", exchange -> {
            fetches.incrementAndGet();
            byte[] body = ("{\"keys\":[" + attackerJwk + "]}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keyServer.start();
        try {
            TokenService tokens = backend.tokens();
            TokenPair pair = tokens.issue("alice");
            String refreshPayload = Forge.json(Forge.segments(pair.refreshToken())[1]);
            String accessPayload = Forge.json(Forge.segments(pair.accessToken())[1]);
            String keyUrl = "http://127.0.0.1:" + keyServer.getAddress().getPort() + "/jwks";
            for (String keyHeader :
                    List.of("\"jku\":\"" + keyUrl + "\"", "\"x5u\":\"" + keyUrl + "\"", "\"jwk\":" + attackerJwk)) {
                String refresh = Forge.hs256(
                        "{\"alg\":\"HS256\",\"typ\":\"rt+jwt\",\"kid\":\"rt-k1\"," + keyHeader + "}",
                        refreshPayload,
                        attackerKey);
                String access = Forge.hs256(
                        "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"k1\"," + keyHeader + "}",
                        accessPayload,
                        attackerKey);
                refusedQuietly(
                        backend,
                        Reason.TOKEN_INVALID,
                        "refresh token signed with " + keyHeader,
                        () -> tokens.refresh(refresh));
                refusedQuietly(
                        backend,
                        Reason.TOKEN_INVALID,
                        "access token signed with " + keyHeader,
                        () -> tokens.verifyAccessToken(access));
            }
            assertThat(fetches.get())
                    .as("requests to the key URL the tokens named")
                    .isZero();
            assertThat(tokens.refresh(pair.refreshToken()).sessionId()).isEqualTo(pair.sessionId());
        } finally {
            keyServer.stop(0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void case05_accessAndRefreshTokensCannotStandInForEachOther(Backend backend) {
        TokenService tokens = backend.tokens();
        TokenPair pair = tokens.issue("alice");

        refusedQuietly(
                backend,
                Reason.TOKEN_INVALID,
                "access token as refresh token",
                () -> tokens.refresh(pair.accessToken()));
        refusedQuietly(
                backend,
                Reason.TOKEN_INVALID,
                "refresh token as access token",
                () -> tokens.verifyAccessToken(pair.refreshToken()));
        refusedQuietly(
                backend, Reason.TOKEN_INVALID, "access token to logout", () -> tokens.logout(pair.accessToken()));
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void case06_hugeDeepMalformedAndOddlyTypedTokensAreRefusedFast(Backend backend) {
        TokenService tokens = backend.tokens(b -> b.maxTokenLength(1 << 20));
        String genuine = tokens.issue("alice").refreshToken();
        String[] parts = Forge.segments(genuine);
        long now = Instant.now().getEpochSecond();
        String claims =
                "\"iss\":\"rotor\",\"aud\":\"rotor/refresh\",\"sub\":\"alice\",\"sid\":\"s\",\"jti\":\"s.0\",\"gen\":0,\"iat\":"
                        + now;
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        Map<String, String> hostile = new java.util.LinkedHashMap<>();
        hostile.put("1 MB token", "a".repeat(1 << 20));
        hostile.put("1 MB payload", parts[0] + "." + "A".repeat((1 << 20) - 100) + "." + parts[2]);
        hostile.put(
                "nested 10,000 deep",
                Forge.hs256(HEADER_REFRESH, "{" + claims + ",\"x\":" + deep + "}", Backend.REFRESH_SECRET));
        hostile.put("invalid base64url", parts[0] + ".*+/=." + parts[2]);
        hostile.put("two segments", parts[0] + "." + parts[1]);
        hostile.put("four segments", genuine + "." + parts[2]);
        hostile.put("empty", "..");
        hostile.put("non-JSON payload", Forge.hs256(HEADER_REFRESH, "not json at all", Backend.REFRESH_SECRET));
        hostile.put("JSON array payload", Forge.hs256(HEADER_REFRESH, "[1,2,3]", Backend.REFRESH_SECRET));
        hostile.put(
                "duplicate claims",
                Forge.hs256(
                        HEADER_REFRESH,
                        "{" + claims + ",\"exp\":" + (now + 60) + ",\"exp\":" + (now + 999_999) + "}",
                        Backend.REFRESH_SECRET));
        hostile.put(
                "duplicate sub",
                Forge.hs256(
                        HEADER_REFRESH,
                        "{" + claims + ",\"exp\":" + (now + 60) + ",\"sub\":\"mallory\"}",
                        Backend.REFRESH_SECRET));
        hostile.put(
                "exp as string",
                Forge.hs256(HEADER_REFRESH, "{" + claims + ",\"exp\":\"" + (now + 60) + "\"}", Backend.REFRESH_SECRET));
        hostile.put("exp 1e309", Forge.hs256(HEADER_REFRESH, "{" + claims + ",\"exp\":1e309}", Backend.REFRESH_SECRET));
        hostile.put(
                "exp huge integer",
                Forge.hs256(
                        HEADER_REFRESH, "{" + claims + ",\"exp\":" + "9".repeat(400) + "}", Backend.REFRESH_SECRET));
        hostile.put(
                "trailing garbage",
                Forge.hs256(HEADER_REFRESH, "{" + claims + ",\"exp\":" + (now + 60) + "} {}", Backend.REFRESH_SECRET));
        StringBuilder many = new StringBuilder("{" + claims + ",\"exp\":" + (now + 60));
        for (int i = 0; i < 100; i++) {
            many.append(",\"c").append(i).append("\":1");
        }
        hostile.put("100 claims", Forge.hs256(HEADER_REFRESH, many.append('}').toString(), Backend.REFRESH_SECRET));
        for (Map.Entry<String, String> token : hostile.entrySet()) {
            refusedQuietly(backend, Reason.TOKEN_INVALID, token.getKey(), () -> tokens.refresh(token.getValue()));
        }
        refusedFast(
                Reason.TOKEN_INVALID,
                "access token nested 10,000 deep",
                () -> tokens.verifyAccessToken(Forge.hs256(
                        HEADER_ACCESS,
                        "{" + claims.replace(",\"gen\":0", "") + ",\"x\":" + deep + "}",
                        Backend.SECRET)));
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void case07_tamperedForeignAndExpiredTokensAreRefused(Backend backend) {
        Instant start = Instant.now();
        TokenService tokens = backend.tokens(b -> b.audience("api").leeway(Duration.ofSeconds(5)));
        TokenPair pair = tokens.issue("alice");
        for (String token : List.of(pair.refreshToken(), pair.accessToken())) {
            byte[] bytes = token.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            for (int position = 0; position < bytes.length; position++) {
                for (int bit = 0; bit < 8; bit++) {
                    bytes[position] ^= (byte) (1 << bit);
                    String tampered = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
                    bytes[position] ^= (byte) (1 << bit);
                    refusedFast(Reason.TOKEN_INVALID, "bit " + bit + " of character " + position, () -> {
                        if (token.equals(pair.accessToken())) {
                            tokens.verifyAccessToken(tampered);
                        } else {
                            tokens.refresh(tampered);
                        }
                    });
                }
            }
        }
        TokenService otherKey = backend.builder()
                .signingKey(JwtKey.hs256("k1", "another secret that is long enough!!"))
                .audience("api")
                .build();
        TokenService otherIssuer =
                backend.tokens(b -> b.issuer("https://evil.example").audience("api"));
        // A refresh token's audience is the refresh endpoint, not the API: another service is another endpoint.
        TokenService otherAudience =
                backend.tokens(b -> b.audience("admin").refreshTokenAudience("https://admin.example/refresh"));
        for (TokenService foreign : List.of(otherKey, otherIssuer, otherAudience)) {
            TokenPair theirs = foreign.issue("alice");
            refusedQuietly(
                    backend,
                    Reason.TOKEN_INVALID,
                    "foreign refresh token",
                    () -> tokens.refresh(theirs.refreshToken()));
            refusedQuietly(
                    backend,
                    Reason.TOKEN_INVALID,
                    "foreign access token",
                    () -> tokens.verifyAccessToken(theirs.accessToken()));
        }
        Clock later = Clock.fixed(start.plus(Duration.ofMinutes(15)).plusSeconds(6), ZoneOffset.UTC);
        TokenService atExpiryPlusLeewayPlusOne = backend.tokens(
                b -> b.audience("api").leeway(Duration.ofSeconds(5)).clock(later));
        refusedQuietly(
                backend,
                Reason.TOKEN_EXPIRED,
                "access token expired 1 s beyond the leeway",
                () -> atExpiryPlusLeewayPlusOne.verifyAccessToken(pair.accessToken()));
        Clock afterRefreshExpiry = Clock.fixed(start.plus(Duration.ofDays(7)).plusSeconds(6), ZoneOffset.UTC);
        TokenService muchLater = backend.tokens(
                b -> b.audience("api").leeway(Duration.ofSeconds(5)).clock(afterRefreshExpiry));
        refusedQuietly(
                backend,
                Reason.TOKEN_EXPIRED,
                "refresh token expired 1 s beyond the leeway",
                () -> muchLater.refresh(pair.refreshToken()));
        assertThat(tokens.verifyAccessToken(pair.accessToken()).subject()).isEqualTo("alice");
    }

    private static KeyPair generate(String algorithm, int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
