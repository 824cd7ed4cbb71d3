package dev.rotor.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rotor.AccessClaims;
import dev.rotor.JwtKey;
import dev.rotor.RotorException;
import dev.rotor.TokenEvent;
import dev.rotor.TokenEventListener;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.spi.SessionStore;
import dev.rotor.store.jdbc.JdbcSessionStore;
import dev.rotor.store.memory.CaffeineSessionStore;
import dev.rotor.store.redis.RedisSessionStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RotorAutoConfigurationTest {

    static final String SECRET = "a-test-secret-of-well-over-thirty-two-bytes-0123456789";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RotorAutoConfiguration.class))
            .withPropertyValues("rotor.signing-key.secret=" + SECRET, "rotor.store.type=memory");

    @Test
    void buildsATokenServiceFromProperties() {
        runner.withPropertyValues(
                        "rotor.issuer=https://auth.example.com",
                        "rotor.access-token-ttl=2m",
                        "rotor.signing-key.key-id=2026-01")
                .run(context -> {
                    assertThat(context).hasSingleBean(TokenService.class).hasSingleBean(SessionStore.class);
                    assertThat(context.getBean(SessionStore.class)).isInstanceOf(CaffeineSessionStore.class);
                    TokenService tokens = context.getBean(TokenService.class);
                    TokenPair pair = tokens.issue("alice");
                    assertThat(pair.expiresIn()).isEqualTo(120);
                    AccessClaims claims = tokens.verifyAccessToken(pair.accessToken());
                    assertThat(claims.subject()).isEqualTo("alice");
                    // the same secret with another issuer refuses the token: the issuer was bound
                    TokenService other = TokenService.builder()
                            .signingKey(JwtKey.hs256("2026-01", SECRET))
                            .store(CaffeineSessionStore.create())
                            .build();
                    assertThatThrownBy(() -> other.verifyAccessToken(pair.accessToken()))
                            .isInstanceOf(RotorException.class);
                    TokenService sameIssuer = TokenService.builder()
                            .signingKey(JwtKey.hs256("2026-01", SECRET))
                            .issuer("https://auth.example.com")
                            .store(CaffeineSessionStore.create())
                            .build();
                    assertThat(sameIssuer.verifyAccessToken(pair.accessToken()).subject())
                            .isEqualTo("alice");
                });
    }

    @Test
    void randomKeyPairsWhenAskedForAndNoneIsSet() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RotorAutoConfiguration.class))
                .withPropertyValues(
                        "rotor.store.type=memory",
                        "rotor.signing-key.algorithm=es256",
                        "rotor.signing-key.private-key=file:",
                        "rotor.signing-key.random-if-unset=true")
                .run(context -> {
                    TokenService tokens = context.getBean(TokenService.class);
                    assertThat(context.getBean(RotorKeys.class).signingKey().algorithm())
                            .isEqualTo("ES256");
                    assertThat(tokens.verifyAccessToken(tokens.issue("alice").accessToken())
                                    .subject())
                            .isEqualTo("alice");
                    assertThat(tokens.jwkSet()).contains("\"crv\":\"P-256\"");
                });
    }

    @Test
    void theStoreIsPostgresWhenItsModuleAndADataSourceArePresent() {
        DataSource unused = (DataSource) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    throw new java.sql.SQLException("not connected in this test");
                });
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RotorAutoConfiguration.class))
                .withPropertyValues("rotor.signing-key.secret=" + SECRET)
                .withBean(DataSource.class, () -> unused)
                .run(context -> assertThat(context.getBean(SessionStore.class)).isInstanceOf(JdbcSessionStore.class));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RotorAutoConfiguration.class))
                .withPropertyValues("rotor.signing-key.secret=" + SECRET)
                .withClassLoader(new FilteredClassLoader(JdbcSessionStore.class))
                .withBean(DataSource.class, () -> unused)
                .run(context ->
                        assertThat(context.getBean(SessionStore.class)).isInstanceOf(CaffeineSessionStore.class));
    }

    @Test
    void theSessionCapIsBound() {
        runner.withPropertyValues("rotor.max-sessions-per-user=1", "rotor.session-limit-policy=reject-new")
                .run(context -> {
                    TokenService tokens = context.getBean(TokenService.class);
                    tokens.issue("alice");
                    assertThatThrownBy(() -> tokens.issue("alice"))
                            .isInstanceOf(RotorException.class)
                            .extracting(e -> ((RotorException) e).reason())
                            .isEqualTo(RotorException.Reason.SESSION_LIMIT_REACHED);
                });
    }

    @Test
    void retiredVerificationKeysStillVerify() {
        String retired = "the-retired-secret-also-over-thirty-two-bytes-long";
        TokenService old = TokenService.builder()
                .signingKey(JwtKey.hs256("2025-12", retired))
                .store(CaffeineSessionStore.create())
                .build();
        String token = old.issue("alice").accessToken();
        runner.withPropertyValues(
                        "rotor.verification-keys[0].key-id=2025-12", "rotor.verification-keys[0].secret=" + retired)
                .run(context -> assertThat(context.getBean(TokenService.class)
                                .verifyAccessToken(token)
                                .subject())
                        .isEqualTo("alice"));
    }

    @Test
    void theApplicationsBeansWin() {
        TokenService own = TokenService.builder()
                .signingKey(JwtKey.hs256("own", SECRET))
                .store(CaffeineSessionStore.create())
                .build();
        runner.withBean(TokenService.class, () -> own).run(context -> {
            assertThat(context.getBean(TokenService.class)).isSameAs(own);
        });
        SessionStore store = CaffeineSessionStore.create();
        runner.withBean(SessionStore.class, () -> store)
                .run(context -> assertThat(context.getBean(SessionStore.class)).isSameAs(store));
        RotorKeys keys = new RotorKeys(JwtKey.hs256("vault", SECRET), List.of());
        runner.withBean(RotorKeys.class, () -> keys)
                .run(context -> assertThat(context.getBean(RotorKeys.class)).isSameAs(keys));
    }

    @Test
    void anApplicationWithItsOwnTokenServiceNeedsNoKeySettings() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RotorAutoConfiguration.class))
                .withPropertyValues("rotor.store.type=memory")
                .withBean(TokenService.class, () -> TokenService.builder()
                        .signingKey(JwtKey.hs256("own", SECRET))
                        .store(CaffeineSessionStore.create())
                        .build())
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void takesTheApplicationsListenersLookupAndClock() {
        List<TokenEvent> events = new CopyOnWriteArrayList<>();
        Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        runner.withBean(TokenEventListener.class, () -> events::add)
                .withBean(dev.rotor.UserLookup.class, () -> (subject, claims) -> Optional.empty())
                .withBean(Clock.class, () -> fixed)
                .run(context -> {
                    TokenService tokens = context.getBean(TokenService.class);
                    TokenPair pair = tokens.issue("alice", null, Map.of());
                    assertThat(events).extracting(TokenEvent::type).containsExactly(TokenEvent.Type.ISSUED);
                    assertThat(events.get(0).time()).isEqualTo(fixed.instant());
                    assertThatThrownBy(() -> tokens.refresh(pair.refreshToken()))
                            .isInstanceOf(RotorException.class)
                            .extracting(e -> ((RotorException) e).reason())
                            .isEqualTo(RotorException.Reason.USER_NOT_FOUND);
                });
    }

    @Test
    void theStoreIsRedisWhenItsModuleIsPresentAndMemoryOtherwise() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RotorAutoConfiguration.class))
                .withPropertyValues("rotor.signing-key.secret=" + SECRET, "spring.data.redis.port=1")
                .run(context -> assertThat(context.getBean(SessionStore.class)).isInstanceOf(RedisSessionStore.class));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RotorAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(RedisSessionStore.class))
                .withPropertyValues("rotor.signing-key.secret=" + SECRET)
                .run(context ->
                        assertThat(context.getBean(SessionStore.class)).isInstanceOf(CaffeineSessionStore.class));
    }
}
