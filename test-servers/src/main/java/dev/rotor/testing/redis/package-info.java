/**
 * Real Redis for tests and benchmarks, without Docker or a system install: {@link
 * dev.rotor.testing.redis.RedisBinary} finds a {@code redis-server} 7.0 or newer on the {@code PATH} or
 * extracts the static 7.0.15 binary of {@code org.signal:embedded-redis}; {@link dev.rotor.testing.redis.RedisServer} starts,
 * kills and restarts one server (or starts a Sentinel); {@link dev.rotor.testing.redis.LocalRedisCluster}
 * forms a three-master cluster; {@link dev.rotor.testing.redis.RedisServers} hands shared ones to JUnit 5
 * tests; {@link dev.rotor.testing.redis.RedisKeys} dumps every key and value for at-rest checks.
 *
 * <p>Main code of the unpublished {@code rotor-test-servers} module, so that store-redis's tests, the security
 * tests, the examples' tests and the benchmarks share it without a test jar.
 */
package dev.rotor.testing.redis;
