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
 * its idempotence, listing, expiry, subjects that could break key schemes, that nothing token-derived is at
 * rest, and the race: 32 threads presenting one refresh token at once, 1,000 rounds, exactly one winner
 * each. Every test uses fresh random subjects, so one store instance (one Redis) can serve all of them.
 */
package dev.rotor.tck;
