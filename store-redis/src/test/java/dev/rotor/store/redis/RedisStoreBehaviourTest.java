package dev.rotor.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rotor.JwtKey;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.spi.SessionRecord;
import dev.rotor.testing.redis.RedisKeys;
import dev.rotor.testing.redis.RedisServer;
import dev.rotor.testing.redis.RedisServers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;

@ExtendWith(RedisServers.class)
class RedisStoreBehaviourTest {

    private final RedisServer redis;

    RedisStoreBehaviourTest(RedisServer redis) {
        this.redis = redis;
    }

    @Test
    void everyKeyHasATimeToLiveAndNothingIsLeftUnderThePrefixOnceSessionsExpire() throws InterruptedException {
        try (RedisSessionStore store = RedisSessionStore.builder()
                        .standalone(redis.hostAndPort())
                        .keyPrefix("expiry:")
                        .build();
                Jedis admin = redis.connect()) {
            TokenService tokens = TokenService.builder()
                    .signingKey(JwtKey.hs256("k", "a secret of at least thirty-two bytes!!"))
                    // 2 s, not 1: a refresh token's exp is its session's end rounded down to the second, so a
                    // 1 s token minted late in a second could expire before the refresh that follows
                    .refreshTokenTtl(Duration.ofSeconds(2))
                    .store(store)
                    .build();
            for (int user = 0; user < 5; user++) {
                TokenPair pair = tokens.issue("expiring-" + user);
                tokens.refresh(tokens.refresh(pair.refreshToken()).refreshToken());
                tokens.logout(tokens.issue("expiring-" + user).refreshToken());
            }
            List<String> keys = RedisKeys.keys(admin, "expiry:*");
            assertThat(keys).hasSize(5);
            assertThat(keys).allSatisfy(key -> assertThat(admin.pttl(key)).isBetween(1L, 2000L));

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!RedisKeys.keys(admin, "expiry:*").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(RedisKeys.keys(admin, "expiry:*")).isEmpty();
        }
    }

    @Test
    void aRecordCreatedAlreadyExpiredLeavesNoKeyBehind() {
        try (RedisSessionStore store = RedisSessionStore.builder()
                        .standalone(redis.hostAndPort())
                        .keyPrefix("born-expired:")
                        .build();
                Jedis admin = redis.connect()) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            SessionRecord expired = new SessionRecord(
                    "s-expired", "born-expired", null, now, 0, now, now.minusSeconds(1), null, null, List.of(), false);

            store.create(new dev.rotor.spi.LoginRequest(expired, 100, false));

            assertThat(RedisKeys.keys(admin, "born-expired:*")).isEmpty();
            assertThat(store.find("born-expired", "s-expired", now)).isEmpty();
        }
    }

    @Test
    void aClientPassedInStaysOpenWhenTheStoreCloses() {
        try (RedisClient client =
                RedisClient.builder().hostAndPort(redis.hostAndPort()).build()) {
            RedisSessionStore.builder().client(client).build().close();

            assertThat(client.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void aCallersClientWithPoolOrTimeoutSettingsIsRefusedRatherThanIgnored() {
        try (RedisClient client =
                RedisClient.builder().hostAndPort(redis.hostAndPort()).build()) {
            assertThatThrownBy(() -> RedisSessionStore.builder()
                            .client(client)
                            .timeout(Duration.ofMillis(100))
                            .build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("only to a client Rotor builds");
            assertThatThrownBy(() -> RedisSessionStore.builder()
                            .poolSize(4)
                            .client(client)
                            .build())
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> RedisSessionStore.builder()
                            .client(client)
                            .poolMaxWait(Duration.ofMillis(100))
                            .build())
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theBuilderRefusesBadSettingsAtOnce() {
        HostAndPort server = redis.hostAndPort();

        assertThatThrownBy(() -> RedisSessionStore.builder().keyPrefix("{tenant}:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("braces");
        assertThatThrownBy(() -> RedisSessionStore.builder().attempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisSessionStore.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisSessionStore.builder().timeout(Duration.ofNanos(500_000)))
                .as("Jedis reads a 0 ms timeout as none at all")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisSessionStore.builder().timeout(Duration.ofDays(25)))
                .as("more than an int of milliseconds")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisSessionStore.builder().poolMaxWait(Duration.ofNanos(1_500_000)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RedisSessionStore.builder().timeout(Duration.ofMillis(1)).poolMaxWait(Duration.ofHours(1)))
                .isNotNull();
        assertThatThrownBy(() -> RedisSessionStore.builder().cluster(Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisSessionStore.builder().standalone(server).cluster(Set.of(server)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already named");
        assertThatThrownBy(() -> RedisSessionStore.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("name a Redis");
    }
}
