package dev.rotor;

import static dev.rotor.Fixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rotor.RotorException.Reason;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SessionLimitTest {

    @Test
    void withRejectNewALoginAtTheLimitIsRefusedUntilTheUserLogsOutElsewhere() {
        Fixture f = new Fixture(b -> b.maxSessionsPerUser(2, SessionLimitPolicy.REJECT_NEW));
        TokenPair first = f.tokens.issue("alice");
        f.clock.advance(Duration.ofSeconds(1));
        TokenPair second = f.tokens.issue("alice");

        assertRefused(() -> f.tokens.issue("alice"), Reason.SESSION_LIMIT_REACHED);

        assertThat(f.tokens.sessions("alice"))
                .extracting(SessionInfo::sessionId)
                .containsExactly(first.sessionId(), second.sessionId());
        assertThat(f.tokens.refresh(first.refreshToken())).isNotNull();
        assertThat(f.tokens.logout(second.refreshToken())).isTrue();
        TokenPair third = f.tokens.issue("alice");
        assertThat(f.tokens.sessions("alice"))
                .extracting(SessionInfo::sessionId)
                .containsExactly(first.sessionId(), third.sessionId());
        assertThat(f.tokens.issue("bob"))
                .as("another user's limit is their own")
                .isNotNull();
    }

    @Test
    void theRefusalSaysWhatToDoInBothLanguagesAndNamesNoToken() {
        Fixture f = new Fixture(b -> b.maxSessionsPerUser(1, SessionLimitPolicy.REJECT_NEW));
        f.tokens.issue("alice");

        assertThatThrownBy(() -> f.tokens.issue("alice")).isInstanceOfSatisfying(RotorException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(403);
            assertThat(e.reason().grpcStatus()).isEqualTo("PERMISSION_DENIED");
            assertThat(e.getMessage()).isEqualTo("Too many sessions; log out on another device first");
            assertThat(e.message(Locale.CHINESE)).isEqualTo("登录会话过多，请先在其他设备上退出登录");
        });
    }

    @Test
    void evictOldestIsTheDefaultPolicy() {
        Fixture f = new Fixture(b -> b.maxSessionsPerUser(1));
        TokenPair first = f.tokens.issue("alice");
        f.clock.advance(Duration.ofSeconds(1));

        TokenPair second = f.tokens.issue("alice");

        assertRefused(() -> f.tokens.refresh(first.refreshToken()), Reason.TOKEN_REVOKED);
        assertThat(f.tokens.refresh(second.refreshToken())).isNotNull();
    }
}
