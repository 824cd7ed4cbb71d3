package dev.rotor.security;

import static dev.rotor.security.Case08ConcurrentRefreshTest.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.ReuseScope;
import dev.rotor.RotorException.Reason;
import dev.rotor.TokenEvent;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/** Case 9: replaying a used refresh token, and replaying an expired one, on every store. */
class Case09ReplayTest {

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void case09_replayingARotatedTokenIsReuseAndKillsEverySessionOfTheUser(Backend backend) {
        TokenService tokens = backend.tokens();
        TokenPair a = tokens.issue("alice", "laptop", Map.of());
        TokenPair phone = tokens.issue("alice", "phone", Map.of());
        TokenPair b = tokens.refresh(a.refreshToken());

        assertThat(refusal(() -> tokens.refresh(a.refreshToken()))).isEqualTo(Reason.TOKEN_REUSED);

        assertThat(refusal(() -> tokens.refresh(b.refreshToken()))).isEqualTo(Reason.TOKEN_REVOKED);
        assertThat(refusal(() -> tokens.refresh(phone.refreshToken()))).isEqualTo(Reason.TOKEN_REVOKED);
        assertThat(tokens.sessions("alice")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void case09_withSessionScopeOnlyThatSessionDies(Backend backend) {
        TokenService tokens = backend.tokens(b -> b.reuseScope(ReuseScope.SESSION));
        TokenPair a = tokens.issue("bob", "laptop", Map.of());
        TokenPair phone = tokens.issue("bob", "phone", Map.of());
        TokenPair b = tokens.refresh(a.refreshToken());

        assertThat(refusal(() -> tokens.refresh(a.refreshToken()))).isEqualTo(Reason.TOKEN_REUSED);

        assertThat(refusal(() -> tokens.refresh(b.refreshToken()))).isEqualTo(Reason.TOKEN_REVOKED);
        assertThat(tokens.refresh(phone.refreshToken()).sessionId()).isEqualTo(phone.sessionId());
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void case09_replayingAnExpiredTokenIsExpiredAndRevokesNothingEvenWithinTheLeeway(Backend backend) {
        Instant start = Instant.now();
        Duration leeway = Duration.ofSeconds(5);
        List<TokenEvent> events = new ArrayList<>();
        TokenService atLogin = backend.tokens(b -> b.leeway(leeway).clock(Clock.fixed(start, ZoneOffset.UTC)));
        TokenService sixDaysOn = backend.tokens(
                b -> b.leeway(leeway).clock(Clock.fixed(start.plus(Duration.ofDays(6)), ZoneOffset.UTC)));
        TokenService sevenDaysOn = backend.tokens(b -> b.leeway(leeway)
                .eventListener(events::add)
                .clock(Clock.fixed(start.plus(Duration.ofDays(7)).plusSeconds(1), ZoneOffset.UTC)));
        TokenPair a = atLogin.issue("carol");
        TokenPair b = sixDaysOn.refresh(a.refreshToken());

        assertThat(refusal(() -> sevenDaysOn.refresh(a.refreshToken()))).isEqualTo(Reason.TOKEN_EXPIRED);

        assertThat(events).isEmpty();
        assertThat(sevenDaysOn.refresh(b.refreshToken()).sessionId()).isEqualTo(a.sessionId());
    }
}
