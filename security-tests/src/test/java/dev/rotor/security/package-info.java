/**
 * The hostile-input suite: one test class per numbered case of {@code hostile-inputs.md} (cases 12 to 14 and
 * the Redis variants of case 10 live in the store-redis fault tests), each run against the in-memory store,
 * standalone Redis and a Redis Cluster ({@link dev.rotor.security.Backends}). Stores are wrapped to count
 * calls ({@link dev.rotor.security.CountingStore}) so a refused token can be shown to reach no store, and
 * every log line is captured ({@link dev.rotor.security.CapturedLogs}) so none can be shown to hold a token.
 */
package dev.rotor.security;
