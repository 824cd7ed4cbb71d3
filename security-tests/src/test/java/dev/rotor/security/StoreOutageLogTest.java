package dev.rotor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rotor.RotorException;
import dev.rotor.RotorException.Reason;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult;
import dev.rotor.spi.StoreUnavailableException;
import dev.rotor.store.memory.CaffeineSessionStore;
import dev.rotor.store.redis.RedisSessionStore;
import dev.rotor.testing.redis.RedisServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * A store outage is quiet: one WARN when the store goes down, naming the failure and its cause, a WARN with the
 * count of failed calls once a minute while it stays down, one INFO when it is back, and each call's stack
 * trace only at DEBUG: an outage must not fill the log with a line, let alone a stack trace, per refresh.
 */
class StoreOutageLogTest {

    private static final String SERVICE_LOGGER = " " + TokenService.class.getName() + " - ";

    @Test
    void aStoppedRedisServerIsOneWarnAPeriodicCountAndOneInfoWhenItIsBack() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T08:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        try (RedisServer redis = RedisServer.start();
                RedisSessionStore store = RedisSessionStore.builder()
                        .standalone(redis.hostAndPort())
                        .timeout(Duration.ofMillis(200))
                        .attempts(1)
                        .build()) {
            TokenService tokens = Backend.tokensOn(store, b -> b.clock(clock));
            TokenPair pair = tokens.issue("outage-user");
            int before = CapturedLogs.lines().size();
            redis.kill();

            for (int i = 0; i < 20; i++) {
                assertRefusal(() -> tokens.refresh(pair.refreshToken()));
                now.set(now.get().plusSeconds(1));
            }
            now.set(now.get().plusSeconds(60));
            assertRefusal(() -> tokens.issue("outage-user"));
            assertRefusal(() -> tokens.sessions("outage-user"));
            redis.restart();
            tokens.issue("outage-user");
            tokens.issue("outage-user");

            List<String> lines = CapturedLogs.lines()
                    .subList(before, CapturedLogs.lines().size())
                    .stream()
                    .filter(line -> line.contains(SERVICE_LOGGER) && !line.startsWith("DEBUG"))
                    .toList();
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).startsWith("WARN").contains("Session store unavailable");
            assertThat(lines.get(1))
                    .startsWith("WARN")
                    .contains("still unavailable after PT1M20S: 20 more call(s) failed");
            assertThat(lines.get(2)).startsWith("INFO").contains("after PT1M20S down; 22 call(s) failed");
            assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
        }
    }

    private static void assertRefusal(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RotorException.class, e -> assertThat(e.reason())
                .isEqualTo(Reason.STORE_UNAVAILABLE));
    }

    @Test
    void aFailedStoreCallIsOneWarnLineWithoutAStackTrace() {
        String outage = "outage-" + UUID.randomUUID();
        String driver = "driver-" + UUID.randomUUID();
        TokenService tokens = Backend.tokensOn(
                new ForwardingStore(CaffeineSessionStore.create()) {
                    @Override
                    public RotationResult rotate(RotationRequest request) {
                        throw new StoreUnavailableException(outage, new IllegalStateException(driver));
                    }
                },
                b -> b);
        TokenPair pair = tokens.issue("outage-user");

        assertThatThrownBy(() -> tokens.refresh(pair.refreshToken()))
                .isInstanceOfSatisfying(
                        RotorException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STORE_UNAVAILABLE));

        List<String> lines = CapturedLogs.lines().stream()
                .filter(line -> line.contains(outage))
                .toList();
        assertThat(lines)
                .filteredOn(line -> line.startsWith("WARN"))
                .singleElement()
                .satisfies(warn -> assertThat(warn)
                        .contains(outage)
                        .contains(driver)
                        .doesNotContain("{}")
                        .doesNotContain("\n"));
        assertThat(lines)
                .filteredOn(line -> line.startsWith("DEBUG"))
                .singleElement()
                .satisfies(debug -> assertThat(debug).contains("\tat "));
    }
}
