package dev.rotor.readme;

import dev.rotor.JwtKey;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.store.redis.RedisSessionStore;
import java.time.Duration;
import redis.clients.jedis.HostAndPort;

/**
 * A main that uses a Redis store as README.md's Redis section shows, then returns; run in a JVM of its own by
 * {@link RedisLifecycleTest}. Arguments: the Redis port, then {@code close} (the README's way) or {@code leave}
 * (the store left open).
 */
public final class RedisMainReturns {

    private RedisMainReturns() {}

    /**
     * Logs in and refreshes once, then returns.
     *
     * @param args the port and {@code close} or {@code leave}
     */
    public static void main(String[] args) {
        HostAndPort redis = new HostAndPort("127.0.0.1", Integer.parseInt(args[0]));
        if (args[1].equals("close")) {
            try (RedisSessionStore store = RedisSessionStore.builder()
                    .standalone(redis)
                    .timeout(Duration.ofMillis(500))
                    .build()) {
                use(store);
            }
        } else {
            use(RedisSessionStore.builder().standalone(redis).build());
        }
        System.out.println("main returns");
    }

    private static void use(RedisSessionStore store) {
        TokenService tokens = TokenService.builder()
                .signingKey(JwtKey.hs256("k", "a secret of at least thirty-two bytes!!"))
                .store(store)
                .build();
        TokenPair login = tokens.issue("alice");
        tokens.refresh(login.refreshToken());
    }
}
