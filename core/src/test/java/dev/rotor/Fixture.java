package dev.rotor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rotor.RotorException.Reason;
import dev.rotor.spi.SessionStore;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** A token service on a {@link MapSessionStore} and a {@link MutableClock}, for core's tests. */
final class Fixture {

    static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final MapSessionStore store = new MapSessionStore();
    final TokenService tokens;

    Fixture() {
        this(b -> b);
    }

    Fixture(UnaryOperator<TokenServiceBuilder> settings) {
        this.tokens = settings.apply(builder()).build();
    }

    TokenServiceBuilder builder() {
        return builder(store);
    }

    /** The same settings on another store, to share keys and clock with {@link #tokens}. */
    TokenServiceBuilder builder(SessionStore otherStore) {
        return TokenService.builder()
                .signingKey(JwtKey.hs256("k1", Keys.SECRET))
                .store(otherStore)
                .clock(clock)
                .issuer("https://auth.example");
    }

    static void assertRefused(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RotorException.class, e -> assertThat(e.reason())
                .isEqualTo(reason));
    }
}
