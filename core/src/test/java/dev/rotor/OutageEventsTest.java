package dev.rotor;

import static dev.rotor.Fixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rotor.RotorException.Reason;
import dev.rotor.TokenRefusal.Operation;
import dev.rotor.spi.LoginRequest;
import dev.rotor.spi.LoginResult;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Refusals and store outages reach the listener: every refusal, but an outage once, when it starts and ends. */
class OutageEventsTest {

    private final List<String> heard = new ArrayList<>();
    private final List<TokenRefusal> refusals = new ArrayList<>();
    private final TokenEventListener listener = new TokenEventListener() {
        @Override
        public void onEvent(TokenEvent event) {
            heard.add(event.type().name());
        }

        @Override
        public void onRefusal(TokenRefusal refusal) {
            refusals.add(refusal);
        }

        @Override
        public void onStoreDown(Instant since) {
            heard.add("down at " + since);
        }

        @Override
        public void onStoreBack(Instant at, long failedCalls, Duration downFor) {
            heard.add("back at " + at + " after " + failedCalls + " failed calls, " + downFor);
        }
    };

    private final SwitchableStore store = new SwitchableStore();
    private final Fixture f = new Fixture();
    private final TokenService tokens = f.builder(store).eventListener(listener).build();

    @Test
    void anOutageIsReportedWhenItStartsAndWhenItEndsWithHowManyCallsFailed() {
        TokenPair pair = tokens.issue("alice");
        store.down = true;
        Instant downAt = f.clock.instant();
        assertRefused(() -> tokens.refresh(pair.refreshToken()), Reason.STORE_UNAVAILABLE);
        f.clock.advance(Duration.ofSeconds(30));
        assertRefused(() -> tokens.issue("bob"), Reason.STORE_UNAVAILABLE);
        assertRefused(() -> tokens.sessions("alice"), Reason.STORE_UNAVAILABLE);
        f.clock.advance(Duration.ofSeconds(90));
        store.down = false;

        tokens.refresh(pair.refreshToken());
        tokens.issue("bob");

        assertThat(heard)
                .containsExactly(
                        "ISSUED",
                        "down at " + downAt,
                        "back at " + downAt.plusSeconds(120) + " after 3 failed calls, PT2M",
                        "REFRESHED",
                        "ISSUED");
    }

    @Test
    void aSecondOutageIsReportedAgain() {
        store.down = true;
        assertRefused(() -> tokens.issue("alice"), Reason.STORE_UNAVAILABLE);
        store.down = false;
        tokens.issue("alice");
        store.down = true;
        assertRefused(() -> tokens.issue("alice"), Reason.STORE_UNAVAILABLE);

        assertThat(heard).filteredOn(h -> h.startsWith("down")).hasSize(2);
        assertThat(heard).filteredOn(h -> h.startsWith("back")).hasSize(1);
    }

    @Test
    void everyRefusalOfAnAccessTokenIsReportedOnceWithItsReason() {
        TokenService checking = f.builder(store)
                .eventListener(listener)
                .liveSessionCheck(Duration.ZERO, 16)
                .build();
        TokenPair pair = checking.issue("alice");
        TokenPair other = checking.issue("alice");

        assertRefused(() -> checking.verifyAccessToken(null), Reason.TOKEN_INVALID);
        assertRefused(() -> checking.verifyAccessToken(" "), Reason.TOKEN_INVALID);
        store.down = true;
        assertRefused(() -> checking.verifyAccessToken(pair.accessToken()), Reason.STORE_UNAVAILABLE);
        store.down = false;
        checking.logout(other.refreshToken());
        assertRefused(() -> checking.verifyAccessToken(other.accessToken()), Reason.TOKEN_REVOKED);

        assertThat(refusals)
                .extracting(TokenRefusal::operation, TokenRefusal::reason)
                .containsExactly(
                        tuple(Operation.VERIFY_ACCESS_TOKEN, Reason.TOKEN_INVALID),
                        tuple(Operation.VERIFY_ACCESS_TOKEN, Reason.TOKEN_INVALID),
                        tuple(Operation.VERIFY_ACCESS_TOKEN, Reason.STORE_UNAVAILABLE),
                        tuple(Operation.VERIFY_ACCESS_TOKEN, Reason.TOKEN_REVOKED));
    }

    @Test
    void everyRefusedTokenIsReportedWithItsOperationAndReason() {
        TokenPair pair = tokens.issue("alice");
        TokenPair next = tokens.refresh(pair.refreshToken());

        assertRefused(() -> tokens.refresh("not.a.token"), Reason.TOKEN_INVALID);
        assertRefused(() -> tokens.refresh(null), Reason.REFRESH_TOKEN_REQUIRED);
        assertRefused(() -> tokens.refresh(pair.refreshToken()), Reason.TOKEN_REUSED);
        assertRefused(() -> tokens.verifyAccessToken(pair.refreshToken()), Reason.TOKEN_INVALID);
        f.clock.advance(Duration.ofHours(1));
        assertRefused(() -> tokens.verifyAccessToken(next.accessToken()), Reason.TOKEN_EXPIRED);
        assertRefused(() -> tokens.logout(next.accessToken()), Reason.TOKEN_INVALID);
        store.down = true;
        assertRefused(() -> tokens.logout(next.refreshToken()), Reason.STORE_UNAVAILABLE);

        assertThat(refusals)
                .extracting(TokenRefusal::operation, TokenRefusal::reason)
                .containsExactly(
                        tuple(Operation.REFRESH, Reason.TOKEN_INVALID),
                        tuple(Operation.REFRESH, Reason.REFRESH_TOKEN_REQUIRED),
                        tuple(Operation.REFRESH, Reason.TOKEN_REUSED),
                        tuple(Operation.VERIFY_ACCESS_TOKEN, Reason.TOKEN_INVALID),
                        tuple(Operation.VERIFY_ACCESS_TOKEN, Reason.TOKEN_EXPIRED),
                        tuple(Operation.LOGOUT, Reason.TOKEN_INVALID),
                        tuple(Operation.LOGOUT, Reason.STORE_UNAVAILABLE));
        assertThat(refusals.get(refusals.size() - 1).time()).isEqualTo(f.clock.instant());
    }

    @Test
    void aLambdaIsStillAListener() {
        List<TokenEvent> events = new ArrayList<>();
        TokenService lambdaTokens = f.builder(store).eventListener(events::add).build();
        store.down = true;
        assertRefused(() -> lambdaTokens.issue("alice"), Reason.STORE_UNAVAILABLE);
        store.down = false;

        lambdaTokens.issue("alice", "phone", Map.of());

        assertThat(events).extracting(TokenEvent::deviceId).containsExactly("phone");
    }

    /** A store that fails every call while {@link #down}. */
    private static final class SwitchableStore extends MapSessionStore {

        volatile boolean down;

        private void check() {
            if (down) {
                throw new StoreUnavailableException("switched off", null);
            }
        }

        @Override
        public synchronized LoginResult create(LoginRequest request) {
            check();
            return super.create(request);
        }

        @Override
        public synchronized RotationResult rotate(RotationRequest request) {
            check();
            return super.rotate(request);
        }

        @Override
        public synchronized Optional<SessionRecord> find(String subject, String sessionId, Instant now) {
            check();
            return super.find(subject, sessionId, now);
        }

        @Override
        public synchronized List<SessionRecord> list(String subject, Instant now) {
            check();
            return super.list(subject, now);
        }

        @Override
        public synchronized boolean revoke(String subject, String sessionId, Instant now) {
            check();
            return super.revoke(subject, sessionId, now);
        }
    }
}
