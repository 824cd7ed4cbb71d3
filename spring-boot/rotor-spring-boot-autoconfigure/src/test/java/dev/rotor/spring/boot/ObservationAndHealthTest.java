package dev.rotor.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rotor.RotorException;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.spi.LoginRequest;
import dev.rotor.spi.LoginResult;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.SessionStore;
import dev.rotor.spi.StoreUnavailableException;
import dev.rotor.store.memory.CaffeineSessionStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ObservationAndHealthTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    RotorAutoConfiguration.class,
                    RotorObservationAutoConfiguration.class,
                    RotorHealthAutoConfiguration.class))
            .withPropertyValues("rotor.signing-key.secret=" + RotorAutoConfigurationTest.SECRET);

    @Test
    void refreshOutcomesAreObservedAndReuseIsCounted() {
        TestObservationRegistry observations = TestObservationRegistry.create();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        runner.withBean(ObservationRegistry.class, () -> observations)
                .withBean(MeterRegistry.class, () -> meters)
                .run(context -> {
                    TokenService tokens = context.getBean(TokenService.class);
                    TokenPair first = tokens.issue("alice");
                    tokens.refresh(first.refreshToken());
                    assertThatThrownBy(() -> tokens.refresh(first.refreshToken()))
                            .isInstanceOf(RotorException.class);
                    assertThatThrownBy(() -> tokens.verifyAccessToken("not.a.token"))
                            .isInstanceOf(RotorException.class);

                    TestObservationRegistryAssert.assertThat(observations)
                            .hasNumberOfObservationsWithNameEqualTo("rotor.refresh", 2)
                            .hasAnObservationWithAKeyValue("outcome", "rotated")
                            .hasAnObservationWithAKeyValue("outcome", "reuse_detected")
                            .hasAnObservationWithAKeyValue("outcome", "issued");
                    assertThat(meters.get("rotor.reuse.detected").counter().count())
                            .isEqualTo(1.0);
                    assertThat(meters.get("rotor.verification.failures")
                                    .tag("reason", "token_invalid")
                                    .counter()
                                    .count())
                            .isEqualTo(1.0);
                });
    }

    @Test
    void observationsBecomeTimersTaggedByOutcomeWithoutIds() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        runner.withBean(ObservationRegistry.class, () -> observations)
                .withBean(MeterRegistry.class, () -> meters)
                .run(context -> {
                    TokenService tokens = context.getBean(TokenService.class);
                    TokenPair first = tokens.issue("alice");
                    tokens.refresh(first.refreshToken());
                    assertThatThrownBy(() -> tokens.refresh(first.refreshToken()))
                            .isInstanceOf(RotorException.class);
                    tokens.logoutAll("alice");
                    assertThat(meters.get("rotor.refresh")
                                    .tag("outcome", "rotated")
                                    .timer()
                                    .count())
                            .isEqualTo(1);
                    assertThat(meters.get("rotor.refresh")
                                    .tag("outcome", "reuse_detected")
                                    .timer()
                                    .count())
                            .isEqualTo(1);
                    assertThat(meters.get("rotor.login")
                                    .tag("outcome", "issued")
                                    .timer()
                                    .count())
                            .isEqualTo(1);
                    assertThat(meters.get("rotor.revoke")
                                    .tag("operation", "logout_all")
                                    .timer()
                                    .count())
                            .isEqualTo(1);
                    assertThat(meters.get("rotor.store.calls")
                                    .tag("operation", "rotate")
                                    .tag("outcome", "ok")
                                    .timer()
                                    .count())
                            .isEqualTo(2);
                    meters.getMeters().forEach(meter -> assertThat(meter.getId().getTags())
                            .noneMatch(tag -> tag.getValue().contains("alice")
                                    || tag.getValue().contains(first.sessionId())));
                });
    }

    @Test
    void withoutRegistriesTheServiceStillWorks() {
        runner.run(context -> {
            TokenService tokens = context.getBean(TokenService.class);
            assertThat(tokens.refresh(tokens.issue("bob").refreshToken()).accessToken())
                    .isNotBlank();
        });
    }

    @Test
    void healthFollowsTheStore() {
        AtomicBoolean down = new AtomicBoolean();
        SessionStore flaky = new FlakyStore(CaffeineSessionStore.create(), down);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        runner.withBean(SessionStore.class, () -> flaky)
                .withBean(MeterRegistry.class, () -> meters)
                .run(context -> {
                    HealthIndicator health = context.getBean("rotorHealthIndicator", HealthIndicator.class);
                    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                    TokenService tokens = context.getBean(TokenService.class);
                    down.set(true);
                    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                    assertThatThrownBy(() -> tokens.issue("alice")).isInstanceOf(RotorException.class);
                    assertThat(meters.get("rotor.store.up").gauge().value()).isEqualTo(0.0);
                    assertThat(meters.get("rotor.store.outages").counter().count())
                            .isEqualTo(1.0);
                    assertThat(meters.get("rotor.store.calls")
                                    .tag("operation", "create")
                                    .tag("outcome", "unavailable")
                                    .timer()
                                    .count())
                            .isEqualTo(1);
                    down.set(false);
                    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                    tokens.issue("alice");
                    assertThat(meters.get("rotor.store.up").gauge().value()).isEqualTo(1.0);
                });
        runner.withPropertyValues("management.health.rotor.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("rotorHealthIndicator"));
    }

    /** A store that fails like an unreachable Redis while {@code down} is set. */
    private record FlakyStore(SessionStore store, AtomicBoolean down) implements SessionStore {
        private void check() {
            if (down.get()) {
                throw new StoreUnavailableException("down", null);
            }
        }

        @Override
        public LoginResult create(LoginRequest request) {
            check();
            return store.create(request);
        }

        @Override
        public RotationResult rotate(RotationRequest request) {
            check();
            return store.rotate(request);
        }

        @Override
        public Optional<SessionRecord> find(String subject, String sessionId, Instant now) {
            check();
            return store.find(subject, sessionId, now);
        }

        @Override
        public List<SessionRecord> list(String subject, Instant now) {
            check();
            return store.list(subject, now);
        }

        @Override
        public boolean revoke(String subject, String sessionId, Instant now) {
            check();
            return store.revoke(subject, sessionId, now);
        }

        @Override
        public int revokeAll(String subject, Instant now) {
            check();
            return store.revokeAll(subject, now);
        }
    }
}
