package dev.rotor.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rotor.RotorException;
import dev.rotor.RotorException.Reason;
import dev.rotor.SessionInfo;
import dev.rotor.TokenEvent;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The whole contract a {@link dev.rotor.spi.SessionStore} must meet, run through a real {@link
 * TokenService} where tokens are involved. Extend this class in a store's tests and implement {@link
 * #store()}, {@link #holdsAnything(String)} and {@link #storedContent()}; a compare-and-set store extends
 * {@link VersionedStoreContract} instead. The tuning hooks are described on {@link StoreFixture}.
 */
public abstract class SessionStoreContract extends SessionLimitContract {

    /** Creates the contract. */
    protected SessionStoreContract() {}

    @Test
    void theTuningHooksStayInsideTheirBounds() {
        assertThat(raceRounds()).as("raceRounds()").isGreaterThanOrEqualTo(MIN_RACE_ROUNDS);
        assertThat(raceThreads()).as("raceThreads()").isGreaterThanOrEqualTo(MIN_RACE_THREADS);
        assertThat(rounds()).as("rounds()").isGreaterThanOrEqualTo(MIN_ROUNDS);
        assertThat(expiryDeadline()).as("expiryDeadline()").isPositive().isLessThanOrEqualTo(MAX_EXPIRY_DEADLINE);
    }

    @Test
    void aLoginBeyondTheUsersLimitLogsTheOldestSessionOut() throws InterruptedException {
        List<TokenEvent> events = new CopyOnWriteArrayList<>();
        TokenService tokens = tokenService(b -> b.maxSessionsPerUser(2).eventListener(events::add));
        String subject = newSubject();
        TokenPair first = tokens.issue(subject, "laptop", Map.of());
        Thread.sleep(5); // later by the clock, or the session id would decide which is older
        TokenPair second = tokens.issue(subject, "phone", Map.of());
        tokens.refresh(second.refreshToken());

        TokenPair third = tokens.issue(subject, "tablet", Map.of());

        assertRefusal(() -> tokens.refresh(first.refreshToken()), Reason.TOKEN_REVOKED);
        assertThat(tokens.sessions(subject))
                .extracting(SessionInfo::sessionId)
                .containsExactlyInAnyOrder(second.sessionId(), third.sessionId());
        assertThat(events)
                .filteredOn(e -> e.type() == TokenEvent.Type.SESSION_EVICTED)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.sessionId()).isEqualTo(first.sessionId());
                    assertThat(e.deviceId()).isEqualTo("laptop");
                    assertThat(e.revokedSessions()).isEqualTo(1);
                });
    }

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
        try (ConcurrentRefresher refresher = new ConcurrentRefresher(raceThreads())) {
            for (int round = 0; round < raceRounds(); round++) {
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
                        .hasSize(raceThreads() - 1)
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
