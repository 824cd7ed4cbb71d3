/**
 * The session store SPI: how Rotor keeps one small record per session and rotates it atomically. It has two
 * tiers; a store implements one of them.
 *
 * <p>Users of other libraries may know this SPI as a "RefreshTokenStore". It is named {@link dev.rotor.spi.SessionStore}
 * because it stores sessions (token families), never refresh tokens: every refresh token of a session is its
 * session id and a generation, signed, so the store holds one record per session with its current generation.
 * One atomic update of that record rotates the session, tells a reuse from a retry and revokes the family;
 * a per-token store would need a write per token and could not revoke a family in one step, and whoever read
 * it would hold token material.
 *
 * <p><b>The native tier, {@link dev.rotor.spi.SessionStore}</b>, is for a store that runs the whole decision
 * itself in one atomic step of its own: a Lua script in Redis, one round trip per rotation. It must reach
 * exactly the outcome of {@link dev.rotor.spi.RotationRules}, apply the reuse scope, count grace replays and
 * enforce the session limit of {@link dev.rotor.spi.LoginRequest}, all in that step.
 *
 * <p><b>The compare-and-set tier, {@link dev.rotor.spi.VersionedSessionStore}</b>, is for everything else
 * (a JVM map, a SQL database): the store reads a subject's sessions together with the subject's version, and
 * writes a change back only if that version is unchanged. Rotor supplies the rest in {@link
 * dev.rotor.spi.CompareAndSetSessionStore}: it decides with {@code RotationRules}, builds the change (the
 * rotated record, the revocations of a reuse, the evictions of a login at the limit), writes it, and when a
 * concurrent call on the same subject won, reads again and decides again, up to {@link
 * dev.rotor.spi.CompareAndSetSessionStore#MAX_ATTEMPTS} times with random growing pauses. A lost race is
 * thereby never an error: the loser decides on the winner's state (a retry, a grace replay or a reuse). Only
 * a subject written by that many other calls during one call exhausts the attempts; the call then changes
 * nothing and fails closed as {@link dev.rotor.spi.StoreUnavailableException}. The store supplies only the
 * atomicity of one read and one conditional write, like a lock provider over a storage accessor, or a
 * compare-and-swap under a proxy that owns the logic. For a SQL store a change is two round trips: a {@code
 * SELECT} of the session joined with its subject's version, and one statement that moves the version {@code
 * WHERE version = ?} and updates the row; no lock is held between them, so parallel refreshes of one user
 * never deadlock or fail on serialization. The common rotation can be one: the optional {@link
 * dev.rotor.spi.VersionedSessionStore#rotateIfCurrent} compares and sets the session's own fields, every value
 * given by Rotor, which checks the record it returns against the rules.
 *
 * <p>Either way the outcome is a {@link dev.rotor.spi.RotationResult} or {@link dev.rotor.spi.LoginResult}
 * value, never an exception; the only exception a store throws is {@link
 * dev.rotor.spi.StoreUnavailableException}, for infrastructure failure. The {@code rotor-store-tck} module
 * holds the contract tests a store of either tier extends to prove it conforms.
 *
 * <p>A store that wraps another one extends {@link dev.rotor.spi.ForwardingSessionStore}, which passes every
 * call on, and overrides only the calls it changes.
 *
 * <p>A {@link dev.rotor.spi.SessionRecord} holds generations, times and ids, never a token, a token
 * segment or a signature: whoever reads the store cannot present a token without the signing key. This
 * package depends on nothing else of Rotor's.
 */
package dev.rotor.spi;
