package dev.rotor.security;

import dev.rotor.JwtKey;
import dev.rotor.TokenService;
import dev.rotor.TokenServiceBuilder;
import dev.rotor.spi.SessionStore;
import dev.rotor.store.jdbc.JdbcSessionStore;
import dev.rotor.store.redis.RedisSessionStore;
import dev.rotor.testing.redis.RedisServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One store under test: the in-memory store, a real redis-server, a 3-master Redis Cluster, each with a key
 * prefix of its own, or a real PostgreSQL in a database of its own; and a way to read everything it holds.
 * JUnit closes it after the test.
 */
final class Backend implements AutoCloseable {

    static final byte[] SECRET = "the security tests' secret, 32 bytes or more".getBytes(StandardCharsets.UTF_8);

    /**
     * The HS256 key Rotor derives from {@link #SECRET} for refresh tokens when no refreshTokenKey is set, so
     * that forged refresh tokens get past the signature check and reach what they attack.
     */
    static final byte[] REFRESH_SECRET = Forge.hmac(SECRET, "rotor refresh-token key, v1");

    final String name;
    final SessionStore store;
    final List<RedisServer> nodes;
    private final Supplier<String> contents;
    private final Runnable closeResources;

    Backend(String name, SessionStore store, List<RedisServer> nodes, Supplier<String> contents) {
        this(name, store, nodes, contents, () -> {});
    }

    /** A backend that also runs {@code closeResources} (closing a pool, say) after closing its store. */
    Backend(
            String name,
            SessionStore store,
            List<RedisServer> nodes,
            Supplier<String> contents,
            Runnable closeResources) {
        this.name = name;
        this.store = store;
        this.nodes = nodes;
        this.contents = contents;
        this.closeResources = closeResources;
    }

    /** Everything the store holds for this backend: keys, values, entries, as text. */
    String contents() {
        return contents.get();
    }

    /** A token service on this store with the tests' HS256 key. */
    TokenService tokens(UnaryOperator<TokenServiceBuilder> settings) {
        return settings.apply(builder().signingKey(JwtKey.hs256("k1", SECRET))).build();
    }

    /** A token service with the tests' HS256 key on a store standing in front of this one. */
    static TokenService tokensOn(SessionStore front, UnaryOperator<TokenServiceBuilder> settings) {
        return settings.apply(TokenService.builder().store(front).signingKey(JwtKey.hs256("k1", SECRET)))
                .build();
    }

    /** A builder on this store, without a key. */
    TokenServiceBuilder builder() {
        return TokenService.builder().store(store);
    }

    TokenService tokens() {
        return tokens(b -> b);
    }

    @Override
    public void close() {
        if (store instanceof RedisSessionStore redis) {
            redis.close();
        }
        if (store instanceof JdbcSessionStore jdbc) {
            jdbc.close();
        }
        closeResources.run();
    }

    @Override
    public String toString() {
        return name;
    }
}
