package dev.rotor.security;

import static dev.rotor.security.Case08ConcurrentRefreshTest.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.RotorException.Reason;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/** Case 11: the grace period, on every store. */
class Case11GraceTest {

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void case11_thePredecessorGetsTheByteIdenticalSuccessorAtMostTheBound(Backend backend) {
        Instant start = Instant.now();
        TokenService atStart = grace(backend, start);
        TokenService tenSecondsOn = grace(backend, start.plusSeconds(10));
        TokenPair first = atStart.issue("erin", "tab-1", Map.of("role", "reader"));
        TokenPair successor = atStart.refresh(first.refreshToken());

        TokenPair replay1 = tenSecondsOn.refresh(first.refreshToken());
        TokenPair replay2 = tenSecondsOn.refresh(first.refreshToken());

        assertThat(replay1.refreshToken()).isEqualTo(successor.refreshToken());
        assertThat(replay2.refreshToken()).isEqualTo(successor.refreshToken());
        assertThat(replay1.accessToken()).isEqualTo(successor.accessToken());
        assertThat(refusal(() -> tenSecondsOn.refresh(first.refreshToken()))).isEqualTo(Reason.TOKEN_REUSED);
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void case11_theGrandPredecessorIsReuseEvenInsideTheWindow(Backend backend) {
        Instant start = Instant.now();
        TokenService tokens = grace(backend, start);
        TokenPair first = tokens.issue("frank");
        TokenPair second = tokens.refresh(first.refreshToken());
        tokens.refresh(second.refreshToken());

        assertThat(refusal(() -> tokens.refresh(first.refreshToken()))).isEqualTo(Reason.TOKEN_REUSED);
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void case11_afterTheWindowThePredecessorIsReuse(Backend backend) {
        Instant start = Instant.now();
        TokenPair first = grace(backend, start).issue("grace");
        grace(backend, start).refresh(first.refreshToken());

        assertThat(refusal(() -> grace(backend, start.plusSeconds(31)).refresh(first.refreshToken())))
                .isEqualTo(Reason.TOKEN_REUSED);
    }

    private static TokenService grace(Backend backend, Instant at) {
        return backend.tokens(
                b -> b.reuseGracePeriod(Duration.ofSeconds(30), 2).clock(Clock.fixed(at, ZoneOffset.UTC)));
    }
}
