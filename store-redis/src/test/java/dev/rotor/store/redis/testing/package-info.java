/**
 * Real Redis for tests and benchmarks, without Docker or a system install: {@link
 * dev.rotor.store.redis.testing.RedisBinary} finds a {@code redis-server} 7.0 or newer on the {@code PATH} or
 * extracts the static 7.0.15 binary of {@code org.signal:embedded-redis}; {@link dev.rotor.store.redis.testing.RedisServer} starts,
 * kills and restarts one server (or starts a Sentinel); {@link dev.rotor.store.redis.testing.LocalRedisCluster}
 * forms a three-master cluster; {@link dev.rotor.store.redis.testing.RedisServers} hands shared ones to JUnit 5
 * tests; {@link dev.rotor.store.redis.testing.RedisKeys} dumps every key and value for at-rest checks.
 *
 * <p>Shipped as the store-redis test jar, used by the examples, security-tests and benchmarks modules.
 */
package dev.rotor.store.redis.testing;
