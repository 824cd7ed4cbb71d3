package dev.rotor;

import static dev.rotor.Fixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rotor.RotorException.Reason;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeysAndConfigTest {

    private static final RSAPublicKey RSA_PUBLIC = (RSAPublicKey) Keys.RSA.getPublic();
    private static final RSAPrivateKey RSA_PRIVATE = (RSAPrivateKey) Keys.RSA.getPrivate();

    @Test
    void hs256KeysShorterThan256BitsAreRefused() {
        assertThatThrownBy(() -> JwtKey.hs256("k", new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256 bits");
        assertThatThrownBy(() -> JwtKey.hs256("k", "too short a secret")).isInstanceOf(IllegalArgumentException.class);
        assertThat(JwtKey.hs256("k", new byte[32]).algorithm()).isEqualTo("HS256");
    }

    @Test
    void weakOrWrongCurveAsymmetricKeysAreRefused() {
        var rsa1024 = Keys.generate("RSA", 1024);
        var p384 = Keys.generateEc("secp384r1");

        assertThatThrownBy(() -> JwtKey.rs256("k", (RSAPublicKey) rsa1024.getPublic()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JwtKey.es256("k", (ECPublicKey) p384.getPublic()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyPairWhoseHalvesDoNotMatchIsRefusedAtOnce() {
        var otherRsa = Keys.generate("RSA", 2048);
        var otherEc = Keys.generateEc("secp256r1");

        assertThatThrownBy(() -> JwtKey.rs256("k", RSA_PUBLIC, (RSAPrivateKey) otherRsa.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the public key's");
        assertThatThrownBy(
                        () -> JwtKey.es256("k", (ECPublicKey) Keys.EC.getPublic(), (ECPrivateKey) otherEc.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the public key's");
        assertThat(JwtKey.rs256("k", RSA_PUBLIC, RSA_PRIVATE).canSign()).isTrue();
        assertThat(JwtKey.es256("k", (ECPublicKey) Keys.EC.getPublic(), (ECPrivateKey) Keys.EC.getPrivate())
                        .canSign())
                .isTrue();
    }

    @Test
    void keyIdsAreRestrictedToASafeAlphabet() {
        for (String bad : new String[] {"", "../x", "a'b", "{", "k".repeat(65), "a b"}) {
            assertThatThrownBy(() -> JwtKey.hs256(bad, Keys.SECRET)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(JwtKey.hs256("2026-11_k.1~", Keys.SECRET).keyId()).isEqualTo("2026-11_k.1~");
    }

    @Test
    void aKeyNeverShowsItsMaterial() {
        JwtKey key = JwtKey.hs256("k1", Keys.SECRET);

        assertThat(key).hasToString("JwtKey[kid=k1, alg=HS256]");
        assertThat(JwtKey.rs256("r", RSA_PUBLIC)).hasToString("JwtKey[kid=r, alg=RS256, verify-only]");
    }

    @Test
    void theBuilderNeedsASigningKeyThatCanSignAndAStore() {
        assertThatThrownBy(() ->
                        TokenService.builder().store(new MapSessionStore()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("signingKey");
        assertThatThrownBy(() -> TokenService.builder()
                        .signingKey(JwtKey.hs256("k", Keys.SECRET))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("store");
        assertThatThrownBy(() -> TokenService.builder().signingKey(JwtKey.rs256("r", RSA_PUBLIC)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBuilderRefusesBadValuesAtOnceAndSettingsTwice() {
        TokenServiceBuilder builder = TokenService.builder();

        assertThatThrownBy(() -> builder.accessTokenTtl(Duration.ofMillis(999)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.refreshTokenTtl(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.leeway(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.leeway(Duration.ofMillis(1500))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.leeway(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leeway must be 0 to 600 whole seconds");
        assertThatThrownBy(() -> builder.refreshTokenTtl(Duration.ofDays(36_501)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.accessTokenTtl(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.absoluteSessionLifetime(Duration.ofDays(36_501)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.reuseGracePeriod(Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.accessTokenTtl(Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("accessTokenTtl must be whole seconds");
        assertThatThrownBy(() -> builder.reuseGracePeriod(Duration.ofSeconds(Long.MAX_VALUE), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.liveSessionCheck(Duration.ofSeconds(Long.MAX_VALUE), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.reuseGracePeriod(Duration.ofSeconds(5), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.reuseGracePeriod(Duration.ofSeconds(5), 101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxReplays must be 1 to 100");
        assertThatThrownBy(() -> builder.maxTokenLength(100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.issuer(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.liveSessionCheck(Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.store(null)).isInstanceOf(NullPointerException.class);

        builder.issuer("a");
        assertThatThrownBy(() -> builder.issuer("b"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already set");
        builder.maxTokenLength(1024);
        assertThatThrownBy(() -> builder.maxTokenLength(2048)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void twoKeysWithOneKeyIdAreRefused() {
        TokenServiceBuilder builder = TokenService.builder()
                .signingKey(JwtKey.hs256("same", Keys.SECRET))
                .verificationKey(JwtKey.rs256("same", RSA_PUBLIC))
                .store(new MapSessionStore());

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRotatedSigningKeyKeepsOldTokensValidAndSignsNewOnesWithTheNewKey() {
        MapSessionStore store = new MapSessionStore();
        JwtKey old = JwtKey.hs256("2026-10", Keys.SECRET);
        JwtKey current = JwtKey.rs256("2026-11", RSA_PUBLIC, RSA_PRIVATE);
        TokenService before =
                TokenService.builder().signingKey(old).store(store).build();
        TokenService after = TokenService.builder()
                .signingKey(current)
                .verificationKey(old)
                .store(store)
                .build();
        TokenService forgetful =
                TokenService.builder().signingKey(current).store(store).build();
        TokenPair pair = before.issue("alice");

        assertThat(after.verifyAccessToken(pair.accessToken()).subject()).isEqualTo("alice");
        TokenPair next = after.refresh(pair.refreshToken());

        assertThat(com.auth0.jwt.JWT.decode(next.refreshToken()).getKeyId()).isEqualTo("rt-2026-11");
        assertRefused(() -> before.verifyAccessToken(next.accessToken()), Reason.TOKEN_INVALID);
        assertRefused(() -> forgetful.verifyAccessToken(pair.accessToken()), Reason.TOKEN_INVALID);
    }

    @Test
    void rs256GraceReplaysAreByteIdenticalToo() {
        Fixture f = new Fixture();
        TokenService tokens = TokenService.builder()
                .signingKey(JwtKey.rs256("r", RSA_PUBLIC, RSA_PRIVATE))
                .store(f.store)
                .clock(f.clock)
                .reuseGracePeriod(Duration.ofSeconds(10), 1)
                .build();
        TokenPair first = tokens.issue("alice", "d", Map.of("x", 1));
        TokenPair successor = tokens.refresh(first.refreshToken());

        assertThat(tokens.refresh(first.refreshToken()).refreshToken()).isEqualTo(successor.refreshToken());
    }

    @Test
    void subjectsDevicesAndClaimsAreCheckedAtLogin() {
        Fixture f = new Fixture();

        assertThatThrownBy(() -> f.tokens.issue("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.tokens.issue("x".repeat(1025))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.tokens.issue((String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> f.tokens.issue("a", "", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.tokens.issue("lone \uD800 surrogate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("surrogate");
        assertThatThrownBy(() -> f.tokens.issue("a", "\uDC00", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(f.tokens.issue("paired 😀 is fine").sessionId()).isNotBlank();
        f.store.sessions.clear();
        for (String reserved : CustomClaims.RESERVED) {
            assertThatThrownBy(() -> f.tokens.issue("a", null, Map.of(reserved, "x")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("reserved");
        }
        assertThatThrownBy(() -> f.tokens.issue("a", null, Map.of("when", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.tokens.issue("a", null, Map.of("nan", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.tokens.issue("a", null, Map.of("huge", new java.math.BigInteger("9".repeat(41)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("40 characters");
        assertThatThrownBy(() -> f.tokens.logoutAll("lone \uD800")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.tokens.sessions("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.tokens.issue("a", null, Map.of("big", "x".repeat(9000))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maximum");
        assertThat(f.store.sessions).isEmpty();
    }

    @Test
    void claimsNestedUpToTheLimitRoundTripAndDeeperAreRefused() {
        Fixture f = new Fixture();
        Object deepest = "leaf";
        for (int i = 0; i < PayloadParser.MAX_DEPTH - 2; i++) {
            deepest = Map.of("n", deepest);
        }
        Object tooDeep = Map.of("n", deepest);

        TokenPair pair = f.tokens.issue("a", null, Map.of("deep", deepest));
        assertThat(f.tokens
                        .verifyAccessToken(f.tokens.refresh(pair.refreshToken()).accessToken())
                        .claims())
                .containsEntry("deep", deepest);
        assertThatThrownBy(() -> f.tokens.issue("a", null, Map.of("deep", tooDeep)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPairNeverShowsItsTokens() {
        TokenPair pair = new Fixture().tokens.issue("alice");

        assertThat(pair.toString())
                .doesNotContain(pair.accessToken())
                .doesNotContain(pair.refreshToken())
                .contains(pair.sessionId());
    }

    @Test
    void theSessionLimitIsOneToAHundredThousandAndSetOnce() {
        TokenServiceBuilder builder = TokenService.builder();
        for (int wrong : new int[] {0, -1, 100_001}) {
            assertThatThrownBy(() -> builder.maxSessionsPerUser(wrong))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("maxSessionsPerUser must be 1 to 100,000");
        }
        builder.maxSessionsPerUser(1);
        assertThatThrownBy(() -> builder.maxSessionsPerUser(5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maxSessionsPerUser");
    }
}
