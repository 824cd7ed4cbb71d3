package dev.rotor;

import static dev.rotor.Fixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.RotorException.Reason;
import dev.rotor.TokenEvent.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventsTest {

    private final List<TokenEvent> events = new ArrayList<>();

    @Test
    void everyStepOfASessionIsReportedWithItsContext() {
        Fixture f = new Fixture(b -> b.eventListener(events::add).reuseGracePeriod(Duration.ofSeconds(5), 1));
        TokenPair first = f.tokens.issue("alice", "phone", Map.of());
        f.tokens.issue("alice", "laptop", Map.of());
        f.clock.advance(Duration.ofSeconds(2));
        f.tokens.refresh(first.refreshToken());
        f.clock.advance(Duration.ofSeconds(1));
        f.tokens.refresh(first.refreshToken());
        f.clock.advance(Duration.ofSeconds(1));
        assertRefused(() -> f.tokens.refresh(first.refreshToken()), Reason.TOKEN_REUSED);
        f.tokens.logoutAll("alice");

        assertThat(events)
                .extracting(TokenEvent::type)
                .containsExactly(
                        Type.ISSUED, Type.ISSUED, Type.REFRESHED, Type.GRACE_REPLAY, Type.REUSE_DETECTED, Type.REVOKED);
        TokenEvent reuse = events.get(4);
        assertThat(reuse.subject()).isEqualTo("alice");
        assertThat(reuse.sessionId()).isEqualTo(first.sessionId());
        assertThat(reuse.deviceId()).isEqualTo("phone");
        assertThat(reuse.presentedGeneration()).isZero();
        assertThat(reuse.currentGeneration()).isEqualTo(1);
        assertThat(reuse.sinceRotation()).isEqualTo(Duration.ofSeconds(2));
        assertThat(reuse.revokedSessions()).isEqualTo(2);
        assertThat(events.get(3).sinceRotation()).isEqualTo(Duration.ofSeconds(1));
        assertThat(events.get(5).revokedSessions()).isZero();
    }

    @Test
    void aLogoutReportsTheDeviceAndGenerationOfTheTokenItWasGiven() {
        Fixture f = new Fixture(b -> b.eventListener(events::add));
        TokenPair login = f.tokens.issue("alice", "phone", Map.of());
        TokenPair next = f.tokens.refresh(login.refreshToken());

        f.tokens.logout(next.refreshToken());

        TokenEvent logout = events.get(events.size() - 1);
        assertThat(logout.type()).isEqualTo(Type.REVOKED);
        assertThat(logout.sessionId()).isEqualTo(login.sessionId());
        assertThat(logout.deviceId()).isEqualTo("phone");
        assertThat(logout.presentedGeneration()).isEqualTo(1);
        assertThat(logout.revokedSessions()).isEqualTo(1);
    }

    @Test
    void aLoginBeyondTheLimitEvictsTheOldestSessionAndReportsIt() {
        Fixture f = new Fixture(b -> b.eventListener(events::add).maxSessionsPerUser(2));
        TokenPair oldest = f.tokens.issue("alice", "phone", Map.of());
        f.clock.advance(Duration.ofSeconds(1));
        TokenPair middle = f.tokens.issue("alice", "laptop", Map.of());
        f.clock.advance(Duration.ofSeconds(1));
        f.tokens.refresh(oldest.refreshToken()); // a refresh is no login: the oldest stays the oldest

        TokenPair newest = f.tokens.issue("alice", "tablet", Map.of());

        assertThat(events)
                .extracting(TokenEvent::type)
                .containsExactly(Type.ISSUED, Type.ISSUED, Type.REFRESHED, Type.SESSION_EVICTED, Type.ISSUED);
        TokenEvent eviction = events.get(3);
        assertThat(eviction.sessionId()).isEqualTo(oldest.sessionId());
        assertThat(eviction.deviceId()).isEqualTo("phone");
        assertThat(eviction.currentGeneration()).isEqualTo(1);
        assertThat(eviction.revokedSessions()).isEqualTo(1);
        assertThat(f.tokens.sessions("alice"))
                .extracting(SessionInfo::sessionId)
                .containsExactly(middle.sessionId(), newest.sessionId());
    }

    @Test
    void byDefaultAUserKeepsAHundredSessions() {
        Fixture f = new Fixture(b -> b.eventListener(events::add));
        TokenPair first = f.tokens.issue("alice");
        for (int i = 1; i < TokenServiceBuilder.DEFAULT_MAX_SESSIONS_PER_USER; i++) {
            f.clock.advance(Duration.ofMillis(1));
            f.tokens.issue("alice");
        }
        assertThat(events).extracting(TokenEvent::type).doesNotContain(Type.SESSION_EVICTED);

        f.tokens.issue("alice");

        assertThat(f.tokens.sessions("alice")).hasSize(100);
        assertThat(events)
                .filteredOn(e -> e.type() == Type.SESSION_EVICTED)
                .singleElement()
                .satisfies(e -> assertThat(e.sessionId()).isEqualTo(first.sessionId()));
    }

    @Test
    void aFailingListenerCannotFailTheOperation() {
        Fixture f = new Fixture(b -> b.eventListener(e -> {
                    throw new IllegalStateException("listener bug");
                })
                .eventListener(events::add));

        TokenPair pair = f.tokens.issue("alice");

        assertThat(f.tokens.refresh(pair.refreshToken())).isNotNull();
        assertThat(events).extracting(TokenEvent::type).containsExactly(Type.ISSUED, Type.REFRESHED);
    }
}
