/**
 * A session store in Redis, on Jedis 7.2 or newer: {@link dev.rotor.store.redis.RedisSessionStore},
 * configured with {@link dev.rotor.store.redis.RedisSessionStoreBuilder}. With an older Jedis on the class
 * path (Spring Boot's dependency management picks 6.0 or 7.0; set {@code jedis.version}), {@link
 * dev.rotor.store.redis.RedisSessionStore#builder()} fails at once, naming the version found.
 *
 * <p><b>Layout.</b> All sessions of a subject are fields of one hash, {@code
 * <prefix>{<digest of the subject>}}; the hash tag keeps it in one Redis Cluster slot, so every script names
 * exactly one key and runs atomically on any deployment. A field holds a session's generation, times and
 * request id, never a token. Each key expires with its longest-lived session.
 *
 * <p><b>Round trips.</b> A rotation is one {@code EVALSHA}. A login, a logout and a revoke-all are one
 * script each; finding and listing sessions are one {@code HGET} or {@code HGETALL}.
 *
 * <p><b>Durability.</b> The store is only as durable as Redis. Without AOF ({@code appendonly yes}) a Redis
 * restart loses sessions: their refresh tokens are then refused (missing state is never accepted), so users
 * log in again, and a reuse that happened before the restart can no longer be detected.
 */
package dev.rotor.store.redis;
