/**
 * The conformance kit for {@link dev.rotor.spi.SessionStore} implementations.
 *
 * <p>A store proves it conforms by extending {@link dev.rotor.tck.SessionStoreContract} in its own tests
 * and supplying the store under test:
 *
 * <pre>{@code
 * class MyStoreTest extends SessionStoreContract {
 *     private final MyStore store = new MyStore(...);
 *     protected SessionStore store() { return store; }
 *     protected boolean holdsAnything(String subject) { return store.hasKeysFor(subject); }
 *     protected String storedContent() { return store.dumpEverything(); }
 * }
 * }</pre>
 *
 * <p>The contract covers every outcome of {@link dev.rotor.spi.SessionStore#rotate rotate}, revocation and
 * its idempotence, that a revoked session is kept so its old tokens are still reuse, that a session is reached
 * only through its own subject, listing, expiry, subjects that could break key schemes, that nothing
 * token-derived is at rest, and races released together on a latch: 32 threads presenting one refresh token
 * at once, 1,000 rounds, exactly one winner each; concurrent grace replays counted one by one; a rotation
 * against a revocation; a reuse alarm against a sibling session's rotation. Tests use fresh random subjects
 * and session ids, so one store instance (one Redis) can serve all of them, except {@code
 * anySubjectWorksWithoutCollidingWithOthers}, whose awkward subjects are fixed: run one kit per store at a
 * time.
 */
package dev.rotor.tck;
