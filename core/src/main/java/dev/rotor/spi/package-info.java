/**
 * The session store SPI: how Rotor keeps one small record per session and rotates it atomically.
 *
 * <p>This is the SPI a brief may call a "RefreshTokenStore". It is named {@link dev.rotor.spi.SessionStore}
 * because it stores sessions (token families), never refresh tokens: every refresh token of a session is its
 * session id and a generation, signed, so the store holds one record per session with its current generation.
 * One atomic update of that record rotates the session, tells a reuse from a retry and revokes the family;
 * a per-token store would need a write per token and could not revoke a family in one step, and whoever read
 * it would hold token material.
 *
 * <p>A store implements {@link dev.rotor.spi.SessionStore}. Its one interesting method is
 * {@link dev.rotor.spi.SessionStore#rotate rotate}: it reads a session, decides the outcome of a
 * presented refresh token's generation and writes the result, all in one atomic step (a Lua script in
 * Redis, {@code Map.compute} in a JVM map). The outcome is a {@link dev.rotor.spi.RotationResult} value,
 * never an exception; the only exception a store throws is {@link
 * dev.rotor.spi.StoreUnavailableException}, for infrastructure failure.
 *
 * <p>{@link dev.rotor.spi.RotationRules} is the reference decision every store must agree with; a store
 * written in Java can call it inside its atomic section and only supply the atomicity. The
 * {@code rotor-store-tck} module holds the contract tests a store extends to prove it conforms.
 *
 * <p>A {@link dev.rotor.spi.SessionRecord} holds generations, times and ids, never a token, a token
 * segment or a signature: whoever reads the store cannot present a token without the signing key.
 */
package dev.rotor.spi;
