package dev.rotor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.rotor.RotorException;
import dev.rotor.RotorException.Reason;
import java.time.Duration;

/** Asserts how a hostile call is refused: the reason, fast, nothing changed in the store, the JVM fine. */
final class Refusals {

    static final Duration FAST = Duration.ofMillis(100);

    private Refusals() {}

    /** The call fails with {@code reason} in under 100 ms and leaves the store's contents as they were. */
    static void refusedQuietly(Backend backend, Reason reason, String what, Runnable call) {
        String before = backend.contents();
        refusedFast(reason, what, call);
        assertThat(backend.contents())
                .as("store changed by %s on %s", what, backend)
                .isEqualTo(before);
    }

    /** The call fails with {@code reason} in under 100 ms: no other exception, no error, no hang. */
    static void refusedFast(Reason reason, String what, Runnable call) {
        long start = System.nanoTime();
        try {
            call.run();
            fail("%s was accepted", what);
        } catch (RotorException e) {
            assertThat(e.reason()).as(what).isEqualTo(reason);
        } catch (Throwable e) {
            throw new AssertionError(what + " failed with " + e + " instead of " + reason, e);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("time to refuse %s", what)
                .isLessThan(FAST);
    }
}
