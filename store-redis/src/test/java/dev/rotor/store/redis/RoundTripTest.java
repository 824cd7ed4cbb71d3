package dev.rotor.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.JwtKey;
import dev.rotor.TokenService;
import dev.rotor.testing.redis.RedisServer;
import dev.rotor.testing.redis.RedisServers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;

/** A refresh costs exactly one command sent to the server: one EVALSHA. */
@ExtendWith(RedisServers.class)
class RoundTripTest {

    private static final int REFRESHES = 200;

    private final RedisServer redis;

    RoundTripTest(RedisServer redis) {
        this.redis = redis;
    }

    @Test
    void eachRefreshIsExactlyOneScriptCallAndNothingElse() throws Exception {
        try (RedisSessionStore store = RedisSessionStore.builder()
                        .standalone(redis.hostAndPort())
                        .keyPrefix("round-trip:")
                        .build();
                Jedis admin = redis.connect()) {
            TokenService tokens = TokenService.builder()
                    .signingKey(JwtKey.hs256("k", "a secret of at least thirty-two bytes!!"))
                    .store(store)
                    .build();
            List<String> refreshTokens = new ArrayList<>();
            for (int i = 0; i < REFRESHES; i++) {
                refreshTokens.add(tokens.issue("user-" + i).refreshToken());
            }
            tokens.refresh(tokens.issue("warm-up").refreshToken());
            admin.configResetStat();

            List<String> sentByClients = monitor(() -> refreshTokens.forEach(tokens::refresh));

            assertThat(sentByClients).hasSize(REFRESHES).allMatch(command -> command.startsWith("\"evalsha\""));
            assertThat(commandCalls(admin.info("commandstats"))).containsEntry("evalsha", (long) REFRESHES);
        }
    }

    /**
     * Runs {@code work} under {@code MONITOR} and returns the commands clients sent, without the ones scripts
     * ran inside Redis (MONITOR shows those as {@code [0 lua]}).
     */
    private List<String> monitor(Runnable work) throws InterruptedException {
        Queue<String> commands = new ConcurrentLinkedQueue<>();
        Jedis monitorConnection = redis.connect();
        Thread watcher = new Thread(() -> {
            try {
                monitorConnection.monitor(new JedisMonitor() {
                    @Override
                    public void onCommand(String line) {
                        commands.add(line);
                    }
                });
            } catch (RuntimeException closed) {
                // the connection is closed to stop monitoring
            }
        });
        watcher.start();
        try (Jedis probe = redis.connect()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (commands.stream().noneMatch(line -> line.contains("start-of-test"))
                    && System.nanoTime() < deadline) {
                probe.echo("start-of-test");
                Thread.sleep(10);
            }
        }
        commands.clear();
        work.run();
        try (Jedis end = redis.connect()) {
            end.echo("end-of-test");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (commands.stream().noneMatch(line -> line.contains("end-of-test")) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        monitorConnection.disconnect();
        watcher.join(10_000);
        List<String> sent = new ArrayList<>();
        for (String line : commands) {
            String command = line.substring(line.indexOf(']') + 2).toLowerCase(Locale.ROOT);
            if (!line.contains("[0 lua]") && !command.startsWith("\"echo\"")) {
                sent.add(command);
            }
        }
        return sent;
    }

    /** Parses {@code cmdstat_<command>:calls=N,...} lines. */
    static Map<String, Long> commandCalls(String commandStats) {
        Map<String, Long> calls = new LinkedHashMap<>();
        for (String line : commandStats.split("\r?\n")) {
            if (line.startsWith("cmdstat_")) {
                String command = line.substring("cmdstat_".length(), line.indexOf(':'));
                String count = line.substring(line.indexOf("calls=") + 6, line.indexOf(','));
                calls.put(command, Long.parseLong(count));
            }
        }
        return calls;
    }
}
