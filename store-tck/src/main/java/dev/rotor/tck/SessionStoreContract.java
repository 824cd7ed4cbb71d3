package dev.rotor.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rotor.RotorException;
import dev.rotor.RotorException.Reason;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole contract a {@link dev.rotor.spi.SessionStore} must meet, run through a real {@link
 * TokenService} where tokens are involved. Extend this class in a store's tests and implement {@link
 * #store()}, {@link #holdsAnything(String)} and {@link #storedContent()}.
 */
public abstract class SessionStoreContract extends RaceContract {

    /** Rounds of the concurrent-refresh race. */
    protected static final int RACE_ROUNDS = 1_000;

    /** Threads presenting the same refresh token in each round. */
    protected static final int RACE_THREADS = 32;

    /** Creates the contract. */
    protected SessionStoreContract() {}

    @Test
    void theOriginalSequenceIssueRefreshReplayRevokesEverySessionOfTheUser() {
        TokenService tokens = tokenService(b -> b);
        String subject = newSubject();
        TokenPair laptop = tokens.issue(subject, "laptop", Map.of());
        TokenPair phone = tokens.issue(subject, "phone", Map.of());

        TokenPair rotated = tokens.refresh(laptop.refreshToken());
        assertThat(rotated.refreshToken()).isNotEqualTo(laptop.refreshToken());
        assertThat(tokens.sessions(subject)).hasSize(2);

        assertRefusal(() -> tokens.refresh(laptop.refreshToken()), Reason.TOKEN_REUSED);
        assertRefusal(() -> tokens.refresh(rotated.refreshToken()), Reason.TOKEN_REVOKED);
        assertRefusal(() -> tokens.refresh(phone.refreshToken()), Reason.TOKEN_REVOKED);
        assertThat(tokens.sessions(subject)).isEmpty();
    }

    @Test
    void aReplayInsideTheGracePeriodReturnsTheByteIdenticalSuccessor() {
        TokenService tokens = tokenService(b -> b.reuseGracePeriod(Duration.ofMinutes(1), 1));
        TokenPair first = tokens.issue(newSubject(), "tab", Map.of("role", "admin"));
        TokenPair successor = tokens.refresh(first.refreshToken());

        TokenPair replayed = tokens.refresh(first.refreshToken());

        assertThat(replayed.refreshToken()).isEqualTo(successor.refreshToken());
        assertThat(replayed.accessToken()).isEqualTo(successor.accessToken());
        assertRefusal(() -> tokens.refresh(first.refreshToken()), Reason.TOKEN_REUSED);
    }

    @Test
    void logoutAndLogoutAllRevokeThroughTheStore() {
        TokenService tokens = tokenService(b -> b);
        String subject = newSubject();
        TokenPair one = tokens.issue(subject);
        TokenPair two = tokens.issue(subject);
        TokenPair three = tokens.issue(subject);

        assertThat(tokens.logout(one.refreshToken())).isTrue();
        assertThat(tokens.logout(one.refreshToken())).isFalse();
        assertThat(tokens.logoutSession(subject, two.sessionId())).isTrue();
        assertThat(tokens.sessions(subject)).singleElement().satisfies(s -> assertThat(s.sessionId())
                .isEqualTo(three.sessionId()));
        assertThat(tokens.logoutAll(subject)).isEqualTo(1);
        assertRefusal(() -> tokens.refresh(three.refreshToken()), Reason.TOKEN_REVOKED);
    }

    @Test
    void nothingTokenDerivedIsKeptAtRest() {
        TokenService tokens = tokenService(b -> b.reuseGracePeriod(Duration.ofSeconds(30), 2));
        List<String> minted = new ArrayList<>();
        String subject = newSubject();
        TokenPair pair = tokens.issue(subject, "device-1", Map.of("role", "reader"));
        minted.add(pair.accessToken());
        minted.add(pair.refreshToken());
        for (int i = 0; i < 3; i++) {
            String previous = pair.refreshToken();
            pair = tokens.refresh(previous);
            minted.add(pair.accessToken());
            minted.add(pair.refreshToken());
            minted.add(tokens.refresh(previous).refreshToken());
        }
        tokens.issue(subject, "device-2", Map.of());

        String stored = storedContent();

        assertThat(stored).contains(pair.sessionId());
        for (String token : minted) {
            String[] segments = token.split("\\.");
            assertThat(stored).doesNotContain(token).doesNotContain(segments[1]).doesNotContain(segments[2]);
        }
    }

    @Test
    void exactlyOneOfManyConcurrentRefreshesWinsEveryRound() throws Exception {
        TokenService tokens = tokenService(b -> b);
        try (ConcurrentRefresher refresher = new ConcurrentRefresher(RACE_THREADS)) {
            for (int round = 0; round < RACE_ROUNDS; round++) {
                TokenPair pair = tokens.issue(newSubject());

                List<Object> outcomes = refresher.refreshAtOnce(tokens, pair.refreshToken());

                List<TokenPair> winners = outcomes.stream()
                        .filter(TokenPair.class::isInstance)
                        .map(TokenPair.class::cast)
                        .toList();
                assertThat(winners).as("winners in round %d", round).hasSize(1);
                assertThat(outcomes)
                        .as("losers in round %d", round)
                        .filteredOn(o -> !(o instanceof TokenPair))
                        .hasSize(RACE_THREADS - 1)
                        .containsOnly(Reason.TOKEN_REUSED);
                assertRefusal(() -> tokens.refresh(winners.get(0).refreshToken()), Reason.TOKEN_REVOKED);
            }
        }
    }

    /**
     * Asserts that a call fails with a {@link RotorException} of the given reason.
     *
     * @param call the call
     * @param reason the expected reason
     */
    public static void assertRefusal(Runnable call, Reason reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RotorException.class, e -> assertThat(e.reason())
                .isEqualTo(reason));
    }
}
