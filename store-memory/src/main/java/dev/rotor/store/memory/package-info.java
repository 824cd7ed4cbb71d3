/**
 * A session store for one JVM, on Caffeine: {@link dev.rotor.store.memory.CaffeineSessionStore}.
 *
 * <p>A compare-and-set store of the SPI's second tier: all sessions of a subject live in one cache entry with
 * a version, and a write swaps the entry for a changed copy inside {@code asMap().compute} only if the version
 * is unchanged. Rotor's {@code CompareAndSetSessionStore} runs every rule on top, so a rotation, a reuse
 * revocation, a revoke-all and a login at the session limit are each one atomic step. Entries expire with
 * their longest-lived session, so expired sessions leave nothing behind. It is the zero-configuration default
 * of the examples; use the Redis store when several JVMs share sessions.
 */
package dev.rotor.store.memory;
