/**
 * A session store for one JVM, on Caffeine: {@link dev.rotor.store.memory.CaffeineSessionStore}.
 *
 * <p>All sessions of a subject live in one cache entry, changed only through {@code asMap().compute} (or
 * {@code computeIfPresent}), so a
 * rotation, a reuse revocation and a revoke-all are each one atomic step. Entries expire with their
 * longest-lived session, so expired sessions leave nothing behind. It is the zero-configuration default of
 * the examples; use the Redis store when several JVMs share sessions.
 */
package dev.rotor.store.memory;
