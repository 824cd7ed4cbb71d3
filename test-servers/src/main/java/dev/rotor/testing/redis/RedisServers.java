package dev.rotor.testing.redis;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that hands tests a shared standalone {@link RedisServer} or 3-master {@link
 * LocalRedisCluster}, started on first use and stopped by their own handles when the whole test run ends.
 * Tests that kill or pause Redis start their own servers instead.
 *
 * <pre>{@code
 * @ExtendWith(RedisServers.class)
 * class MyTest {
 *     MyTest(RedisServer redis, LocalRedisCluster cluster) { ... }
 * }
 * }</pre>
 */
public final class RedisServers implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RedisServers.class);

    /** Creates the extension; JUnit does. */
    public RedisServers() {}

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RedisServer.class || type == LocalRedisCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        // JUnit closes AutoCloseable values of the root store when the whole run ends.
        if (parameter.getParameter().getType() == RedisServer.class) {
            return store.getOrComputeIfAbsent("standalone", key -> RedisServer.start(), RedisServer.class);
        }
        return store.getOrComputeIfAbsent("cluster", key -> LocalRedisCluster.start(3), LocalRedisCluster.class);
    }
}
