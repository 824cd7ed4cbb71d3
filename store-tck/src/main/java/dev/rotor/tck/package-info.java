/**
 * The conformance kit for session stores, of either tier of the {@code dev.rotor.spi} SPI.
 *
 * <p>A compare-and-set store ({@link dev.rotor.spi.VersionedSessionStore}) extends {@link
 * dev.rotor.tck.VersionedStoreContract} and supplies {@code versionedStore()}; the kit runs it under Rotor's
 * {@link dev.rotor.spi.CompareAndSetSessionStore} and also tests the primitive (stale writes refused, one
 * winner among writers racing on one version, versions never coming back). A native store ({@link
 * dev.rotor.spi.SessionStore}) extends {@link dev.rotor.tck.SessionStoreContract} and supplies {@code
 * store()}. Both supply {@code holdsAnything} and {@code storedContent}:
 *
 * <pre>{@code
 * class MyStoreTest extends VersionedStoreContract {
 *     private final MyStore store = new MyStore(...);
 *     protected VersionedSessionStore versionedStore() { return store; }
 *     protected boolean holdsAnything(String subject) { return store.hasRowsFor(subject); }
 *     protected String storedContent() { return store.dumpEverything(); }
 * }
 * }</pre>
 *
 * <p>The contract covers every outcome of {@link dev.rotor.spi.SessionStore#rotate rotate}, revocation and
 * its idempotence, that a revoked session is kept so its old tokens are still reuse, that a session is reached
 * only through its own subject, listing, expiry, the per-subject session limit of {@link
 * dev.rotor.spi.LoginRequest}, subjects that could break key schemes, that nothing token-derived is at rest,
 * and races released together on a latch: by default 32 threads presenting one refresh token at once, 1,000
 * rounds, exactly one winner each; concurrent grace replays counted one by one; a rotation against a
 * revocation; a reuse alarm against a sibling session's rotation; logins racing at the limit never leaving
 * more than it.
 *
 * <p>Every class is public, so a store's tests can extend one part. The hooks on {@link
 * dev.rotor.tck.StoreFixture} ({@code raceRounds}, {@code raceThreads}, {@code rounds}, {@code
 * expiryDeadline}) tune effort and patience within bounds the kit checks, never what is asserted. Tests use
 * fresh random subjects and session ids, so one store instance (one Redis, one database) can serve all of
 * them, except {@code anySubjectWorksWithoutCollidingWithOthers}, whose awkward subjects are fixed: run one
 * kit per store at a time.
 */
package dev.rotor.tck;
