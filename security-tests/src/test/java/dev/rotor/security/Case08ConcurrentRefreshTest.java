package dev.rotor.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.RotorException;
import dev.rotor.RotorException.Reason;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import dev.rotor.tck.ConcurrentRefresher;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/** Case 8: 32 threads present the same refresh token at once, 1,000 rounds, on every store. */
class Case08ConcurrentRefreshTest {

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void case08_exactlyOneWinsEachRoundAndEveryOtherCallerIsTokenReused(Backend backend) throws Exception {
        TokenService tokens = backend.tokens();
        try (ConcurrentRefresher refresher = new ConcurrentRefresher(32)) {
            for (int round = 0; round < 1_000; round++) {
                TokenPair pair = tokens.issue("racer-" + round);

                List<Object> outcomes = refresher.refreshAtOnce(tokens, pair.refreshToken());

                List<TokenPair> winners = winners(outcomes);
                assertThat(winners)
                        .as("winners of round %d on %s", round, backend)
                        .hasSize(1);
                assertThat(outcomes).filteredOn(o -> !(o instanceof TokenPair)).containsOnly(Reason.TOKEN_REUSED);
                assertThat(refusal(() -> tokens.refresh(winners.get(0).refreshToken())))
                        .as("the policy revoked the winner's successor")
                        .isEqualTo(Reason.TOKEN_REVOKED);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void case08_withGraceTheExtraWinnersGetTheSameSuccessorAndNoMoreThanTheBound(Backend backend) throws Exception {
        TokenService tokens = backend.tokens(b -> b.reuseGracePeriod(Duration.ofMinutes(1), 2));
        try (ConcurrentRefresher refresher = new ConcurrentRefresher(32)) {
            for (int round = 0; round < 100; round++) {
                TokenPair pair = tokens.issue("grace-racer-" + round);

                List<Object> outcomes = refresher.refreshAtOnce(tokens, pair.refreshToken());

                List<TokenPair> winners = winners(outcomes);
                assertThat(winners).hasSize(3);
                assertThat(winners)
                        .extracting(TokenPair::refreshToken)
                        .containsOnly(winners.get(0).refreshToken());
                assertThat(outcomes).filteredOn(o -> !(o instanceof TokenPair)).containsOnly(Reason.TOKEN_REUSED);
            }
        }
    }

    private static List<TokenPair> winners(List<Object> outcomes) {
        return outcomes.stream()
                .filter(TokenPair.class::isInstance)
                .map(TokenPair.class::cast)
                .toList();
    }

    static Reason refusal(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RotorException e) {
            return e.reason();
        }
    }
}
