package dev.rotor.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.rotor.JwtKey;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.store.memory.CaffeineSessionStore;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The example server's tokens through real resource-server libraries, which fetch its JWK Set over HTTP:
 * Spring Security 7's {@code NimbusJwtDecoder} with the RFC 9068 validator, and Nimbus JOSE+JWT's {@code
 * DefaultJWTProcessor}. Access tokens pass with issuer, audience and client id checked; no refresh token
 * passes, even for a verifier that does not check {@code typ} or accepts HS256 as well: the refresh key is in no
 * JWK Set (the example's own key, and the library's derived default alike), and the refresh tokens' audience is
 * the refresh endpoint, which a check of the API's audience refuses alone; after a logout with the live-session check on,
 * the example server itself refuses the access token, which offline verifiers cannot know about.
 */
class ResourceServerInteropTest {

    /** Nimbus's default 500 ms JWK Set timeouts are too short for a loaded shared CI machine. */
    private static final DefaultResourceRetriever SLOW_MACHINE_RETRIEVER = new DefaultResourceRetriever(10_000, 10_000);

    private static final String ISSUER = "https://auth.example.com";
    private static final String AUDIENCE = "https://api.example.com";
    private static final String CLIENT_ID = "example-web";
    /** What Nimbus (and Spring, which wraps it) says when no published key fits the token's header. */
    private static final String NO_KEY = "Another algorithm expected, or no matching key(s) found";

    @TempDir
    Path dir;

    private final Map<Path, KeyPair> keys = new HashMap<>();

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"})
    void springAndNimbusAcceptAccessTokensAndRefuseEveryRefreshToken(String algorithm) throws Exception {
        try (RunningServer server = new RunningServer(provider(algorithm, keyFile(algorithm)))) {
            String jwks = server.uri("/.well-known/jwks.json").toString();
            NimbusJwtDecoder spring = springDecoder(jwks, algorithm);
            DefaultJWTProcessor<SecurityContext> nimbus = nimbusProcessor(jwks, algorithm, true);
            DefaultJWTProcessor<SecurityContext> nimbusWithoutTyp = nimbusProcessor(jwks, algorithm, false);

            JsonNode login = server.login("laptop");
            JsonNode refreshed = RunningServer.json(
                    server.refresh(login.path("refresh_token").asText()));
            for (JsonNode pair : List.of(login, refreshed)) {
                String access = pair.path("access_token").asText();
                Jwt jwt = spring.decode(access);
                assertThat(jwt.getSubject()).isEqualTo("alice");
                assertThat(jwt.getAudience()).containsExactly(AUDIENCE);
                assertThat(jwt.getClaimAsString("client_id")).isEqualTo(CLIENT_ID);
                assertThat(nimbus.process(access, null).getSubject()).isEqualTo("alice");
                assertThat(nimbusWithoutTyp.process(access, null).getIssuer()).isEqualTo(ISSUER);

                String refresh = pair.path("refresh_token").asText();
                assertThatThrownBy(() -> spring.decode(refresh))
                        .isInstanceOf(JwtException.class)
                        .hasMessageContaining(NO_KEY);
                assertThatThrownBy(() -> nimbus.process(refresh, null))
                        .isInstanceOf(BadJOSEException.class)
                        .hasMessageContaining("typ")
                        .hasMessageContaining("rt+jwt");
                assertThatThrownBy(() -> nimbusWithoutTyp.process(refresh, null))
                        .as("no typ check: refused for want of a key, as HS256 is not pinned and none is published")
                        .isInstanceOf(BadJOSEException.class)
                        .hasMessageContaining(NO_KEY);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"})
    void theRefreshKeyIsInNoJwkSetAndTheRefreshAudienceIsNoApis(String algorithm) throws Exception {
        try (RunningServer server = new RunningServer(provider(algorithm, keyFile(algorithm)))) {
            URL jwks = server.uri("/.well-known/jwks.json").toURL();
            JsonNode login = server.login("laptop");
            SignedJWT access = SignedJWT.parse(login.path("access_token").asText());
            SignedJWT refresh = SignedJWT.parse(login.path("refresh_token").asText());

            assertThat(refresh.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
            assertRefreshKeyUnpublished(JWKSet.load(jwks), access, refresh);
            assertRefreshAudienceRefused(access, refresh, ISSUER + IdentitySettings.REFRESH_PATH);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"})
    void theLibrarysDerivedDefaultRefreshKeyIsInNoJwkSetEither(String algorithm) throws Exception {
        KeyPair pair = keys.get(keyFile(algorithm));
        TokenService tokens = TokenService.builder()
                .signingKey(
                        algorithm.equals("RS256")
                                ? JwtKey.rs256("k1", (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate())
                                : JwtKey.es256("k1", (ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate()))
                .store(CaffeineSessionStore.create())
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .clientId(CLIENT_ID)
                .build();
        TokenPair login = tokens.issue("alice");
        SignedJWT refresh = SignedJWT.parse(login.refreshToken());

        assertThat(refresh.getHeader().getKeyID()).isEqualTo("rt-k1");
        assertRefreshKeyUnpublished(JWKSet.parse(tokens.jwkSet()), SignedJWT.parse(login.accessToken()), refresh);
        assertRefreshAudienceRefused(SignedJWT.parse(login.accessToken()), refresh, ISSUER + "/refresh");
    }

    /**
     * A verifier that takes HS256, RS256 and ES256 keys from the JWK Set finds the access token's key and none
     * for the refresh token: no algorithm pin refuses it, the key is simply not published.
     */
    private static void assertRefreshKeyUnpublished(JWKSet published, SignedJWT access, SignedJWT refresh)
            throws Exception {
        JWSVerificationKeySelector<SecurityContext> anyAlgorithm = new JWSVerificationKeySelector<>(
                Set.of(JWSAlgorithm.HS256, JWSAlgorithm.RS256, JWSAlgorithm.ES256), new ImmutableJWKSet<>(published));

        assertThat(published.getKeys()).noneMatch(key -> key.getKeyType().equals(KeyType.OCT));
        assertThat(published.getKeyByKeyId(refresh.getHeader().getKeyID())).isNull();
        assertThat(anyAlgorithm.selectJWSKeys(access.getHeader(), null)).hasSize(1);
        assertThat(anyAlgorithm.selectJWSKeys(refresh.getHeader(), null)).isEmpty();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(anyAlgorithm);
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
                JOSEObjectType.JWT, null, new JOSEObjectType("at+jwt"), new JOSEObjectType("rt+jwt")));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(null, null));
        assertThat(processor.process(access, null).getSubject()).isEqualTo("alice");
        assertThatThrownBy(() -> processor.process(refresh, null))
                .isInstanceOf(BadJOSEException.class)
                .hasMessageContaining(NO_KEY);
    }

    /** A claims check of the API's audience alone, signature aside, accepts the access token and refuses the other. */
    private static void assertRefreshAudienceRefused(SignedJWT access, SignedJWT refresh, String refreshEndpoint)
            throws Exception {
        DefaultJWTClaimsVerifier<SecurityContext> audienceOnly = new DefaultJWTClaimsVerifier<>(AUDIENCE, null, null);

        assertThat(refresh.getJWTClaimsSet().getAudience()).containsExactly(refreshEndpoint);
        audienceOnly.verify(access.getJWTClaimsSet(), null);
        assertThatThrownBy(() -> audienceOnly.verify(refresh.getJWTClaimsSet(), null))
                .isInstanceOf(BadJWTException.class)
                .hasMessageContaining("audience");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"})
    void afterALogoutOnlyTheServersLiveCheckRefusesTheAccessToken(String algorithm) throws Exception {
        Map<String, String> env = new HashMap<>(provider(algorithm, keyFile(algorithm)));
        env.put("LIVE_SESSION_CHECK_SECONDS", "0");
        try (RunningServer server = new RunningServer(env)) {
            NimbusJwtDecoder spring =
                    springDecoder(server.uri("/.well-known/jwks.json").toString(), algorithm);
            JsonNode login = server.login("laptop");
            String access = login.path("access_token").asText();

            server.postJson(
                    "/api/v1/auth/logout",
                    Map.of("refresh_token", login.path("refresh_token").asText()));

            assertThat(RunningServer.reason(server.get("/api/v1/me", access))).isEqualTo("TOKEN_REVOKED");
            assertThat(RunningServer.reason(
                            server.refresh(login.path("refresh_token").asText())))
                    .isEqualTo("TOKEN_REVOKED");
            assertThat(spring.decode(access).getSubject())
                    .as("an offline verifier accepts it until it expires: keep access tokens short")
                    .isEqualTo("alice");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"})
    void theServerRefusesItsOwnTokenOnceAnotherLibraryReSerialisedIt(String algorithm) throws Exception {
        Path keyFile = keyFile(algorithm);
        try (RunningServer server = new RunningServer(provider(algorithm, keyFile))) {
            String access = server.login("laptop").path("access_token").asText();
            SignedJWT original = SignedJWT.parse(access);
            SignedJWT copy = new SignedJWT(
                    new JWSHeader.Builder(original.getHeader().getAlgorithm())
                            .type(original.getHeader().getType())
                            .keyID(original.getHeader().getKeyID())
                            .build(),
                    JWTClaimsSet.parse(original.getJWTClaimsSet().toJSONObject()));
            copy.sign(signer(algorithm, keyFile));
            String reSerialised = copy.serialize();

            assertThat(reSerialised).isNotEqualTo(access);
            assertThat(nimbusProcessor(server.uri("/.well-known/jwks.json").toString(), algorithm, true)
                            .process(reSerialised, null)
                            .getSubject())
                    .as("the same claims, validly signed with the same key")
                    .isEqualTo("alice");
            assertThat(server.get("/api/v1/me", access).statusCode()).isEqualTo(200);
            assertThat(RunningServer.reason(server.get("/api/v1/me", reSerialised)))
                    .isEqualTo("TOKEN_INVALID");
        }
    }

    private static Map<String, String> provider(String algorithm, Path keyFile) {
        return Map.of(
                "JWT_ALG", algorithm,
                "JWT_PRIVATE_KEY_FILE", keyFile.toString(),
                "ISSUER", ISSUER,
                "AUDIENCE", AUDIENCE,
                "CLIENT_ID", CLIENT_ID);
    }

    /** Spring Security's resource-server decoder, as an application would configure it for RFC 9068. */
    private static NimbusJwtDecoder springDecoder(String jwks, String algorithm) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwks)
                .jwsAlgorithm(SignatureAlgorithm.from(algorithm))
                .build();
        decoder.setJwtValidator(JwtValidators.createAtJwtValidator()
                .audience(AUDIENCE)
                .issuer(ISSUER)
                .clientId(CLIENT_ID)
                .build());
        return decoder;
    }

    /** Nimbus with a remote JWK source; {@code checkTyp} false accepts any {@code typ}, as lax verifiers do. */
    private static DefaultJWTProcessor<SecurityContext> nimbusProcessor(String jwks, String algorithm, boolean checkTyp)
            throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                JWSAlgorithm.parse(algorithm),
                JWKSourceBuilder.create(new URL(jwks), SLOW_MACHINE_RETRIEVER).build()));
        processor.setJWSTypeVerifier(
                checkTyp
                        ? new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"))
                        : new DefaultJOSEObjectTypeVerifier<>(
                                JOSEObjectType.JWT, null, new JOSEObjectType("at+jwt"), new JOSEObjectType("rt+jwt")));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                AUDIENCE, new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("sub", "iat", "exp", "jti")));
        return processor;
    }

    private Path keyFile(String algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.equals("RS256") ? "RSA" : "EC");
        if (algorithm.equals("RS256")) {
            generator.initialize(2048);
        } else {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        }
        KeyPair pair = generator.generateKeyPair();
        Path file = dir.resolve(algorithm + ".pem");
        Files.writeString(file, IdentityProviderTest.pem(pair));
        keys.put(file, pair);
        return file;
    }

    private com.nimbusds.jose.JWSSigner signer(String algorithm, Path keyFile) throws Exception {
        KeyPair pair = keys.get(keyFile);
        return algorithm.equals("RS256")
                ? new RSASSASigner(pair.getPrivate())
                : new ECDSASigner((ECPrivateKey) pair.getPrivate());
    }
}
