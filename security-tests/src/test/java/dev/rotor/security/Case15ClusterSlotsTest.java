package dev.rotor.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.spi.RotationResult.Outcome;
import dev.rotor.spi.SessionRecord;
import dev.rotor.testing.redis.LocalRedisCluster;
import dev.rotor.testing.redis.RedisKeys;
import dev.rotor.testing.redis.RedisServer;
import dev.rotor.testing.redis.RedisServers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Case 15: on a 3-master cluster, every key of one user lives in one slot whatever the user id, no command
 * ever spans slots, and revoke-all reaches every session at once.
 */
@ExtendWith(RedisServers.class)
class Case15ClusterSlotsTest {

    private static final String LONG_UNICODE = "ü😀用户".repeat(150);

    @ParameterizedTest
    @ValueSource(strings = {"{", "}", "}{", "{}", "{alice}", "a{b}c", "", " ", "\n", "ü😀用户", "x"})
    void case15_oneUsersSessionsShareOneKeyInOneSlotAndRevokeAllIsOneStep(String awkward, LocalRedisCluster redis) {
        for (String subject : List.of(awkward, awkward + LONG_UNICODE)) {
            try (Backend cluster = Backends.cluster(redis)) {
                List<String> sessions = new ArrayList<>();
                Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                for (int i = 0; i < 5; i++) {
                    SessionRecord session =
                            SessionRecord.open("s" + i, subject, "d" + i, now, Duration.ofDays(1), null);
                    cluster.store.create(new dev.rotor.spi.LoginRequest(session, 100, false));
                    sessions.add(session.sessionId());
                    assertThat(cluster.store.rotate(rotation(session, now)).outcome())
                            .isEqualTo(Outcome.ROTATED);
                }

                List<String> keys = keysOnEveryNode(cluster);
                assertThat(keys).as("keys of %s", subject).hasSize(1);
                String key = keys.get(0);
                String tag = key.substring(key.indexOf('{') + 1, key.indexOf('}'));
                assertThat(JedisClusterCRC16.getSlot(key)).isEqualTo(JedisClusterCRC16.getSlot(tag));
                assertThat(tag).doesNotContain("{", "}").hasSize(43);

                assertThat(cluster.store.revokeAll(subject, now)).isEqualTo(5);
                assertThat(cluster.store.list(subject, now)).isEmpty();
            }
        }
    }

    @Test
    void case15_theTokenServiceWorksForAwkwardUsersOnTheCluster(LocalRedisCluster redis) {
        try (Backend cluster = Backends.cluster(redis)) {
            TokenService tokens = cluster.tokens();
            for (String subject : List.of("{", "}", "}{", LONG_UNICODE)) {
                TokenPair laptop = tokens.issue(subject, "laptop", Map.of());
                TokenPair phone = tokens.issue(subject, "phone", Map.of());
                tokens.refresh(laptop.refreshToken());
                assertThat(tokens.sessions(subject)).hasSize(2);
                assertThat(tokens.logoutAll(subject)).isEqualTo(2);
                assertThat(tokens.sessions(subject)).isEmpty();
                assertThat(tokens.logout(phone.refreshToken())).isFalse();
            }
        }
    }

    private static dev.rotor.spi.RotationRequest rotation(SessionRecord session, Instant now) {
        return new dev.rotor.spi.RotationRequest(
                session.subject(),
                session.sessionId(),
                0,
                "r-" + session.sessionId(),
                now,
                Duration.ofDays(1),
                Duration.ZERO,
                0,
                true);
    }

    private static List<String> keysOnEveryNode(Backend cluster) {
        List<String> keys = new ArrayList<>();
        for (RedisServer node : cluster.nodes) {
            try (Jedis jedis = node.connect()) {
                keys.addAll(RedisKeys.keys(jedis, "sec-*"));
            }
        }
        String contents = cluster.contents();
        return keys.stream().filter(contents::contains).toList();
    }
}
