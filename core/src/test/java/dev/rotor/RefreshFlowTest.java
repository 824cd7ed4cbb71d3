package dev.rotor;

import static dev.rotor.Fixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rotor.RotorException.Reason;
import dev.rotor.spi.LoginRequest;
import dev.rotor.spi.LoginResult;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult;
import dev.rotor.spi.RotationResult.Outcome;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefreshFlowTest {

    @Test
    void theOriginalSequenceEndsWithEverySessionOfTheUserDead() {
        Fixture f = new Fixture();
        TokenPair laptop = f.tokens.issue("alice", "laptop", Map.of());
        TokenPair phone = f.tokens.issue("alice", "phone", Map.of());
        TokenPair bob = f.tokens.issue("bob");

        TokenPair rotated = f.tokens.refresh(laptop.refreshToken());
        assertThat(rotated.expiresIn()).isEqualTo(900);
        assertThat(rotated.sessionId()).isEqualTo(laptop.sessionId());

        assertRefused(() -> f.tokens.refresh(laptop.refreshToken()), Reason.TOKEN_REUSED);
        assertRefused(() -> f.tokens.refresh(rotated.refreshToken()), Reason.TOKEN_REVOKED);
        assertRefused(() -> f.tokens.refresh(phone.refreshToken()), Reason.TOKEN_REVOKED);
        assertThat(f.tokens.sessions("alice")).isEmpty();
        assertThat(f.tokens.refresh(bob.refreshToken()).sessionId()).isEqualTo(bob.sessionId());
    }

    @Test
    void sessionScopeLeavesTheUsersOtherSessionsAlone() {
        Fixture f = new Fixture(b -> b.reuseScope(ReuseScope.SESSION));
        TokenPair laptop = f.tokens.issue("alice", "laptop", Map.of());
        TokenPair phone = f.tokens.issue("alice", "phone", Map.of());
        f.tokens.refresh(laptop.refreshToken());

        assertRefused(() -> f.tokens.refresh(laptop.refreshToken()), Reason.TOKEN_REUSED);

        assertThat(f.tokens.refresh(phone.refreshToken())).isNotNull();
        assertThat(f.tokens.sessions("alice")).extracting(SessionInfo::deviceId).containsExactly("phone");
    }

    @Test
    void eachRotationMintsANewRefreshTokenAndKillsThePrevious() {
        Fixture f = new Fixture();
        TokenPair pair = f.tokens.issue("alice");
        for (int i = 0; i < 5; i++) {
            f.clock.advance(Duration.ofMinutes(10));
            TokenPair next = f.tokens.refresh(pair.refreshToken());
            assertThat(next.refreshToken()).isNotEqualTo(pair.refreshToken());
            assertThat(next.accessToken()).isNotEqualTo(pair.accessToken());
            pair = next;
        }
        assertThat(f.store.sessions.get(pair.sessionId()).generation()).isEqualTo(5);
    }

    @Test
    void anExpiredPredecessorIsExpiredNotReusedAndRevokesNothing() {
        Fixture f = new Fixture(b -> b.refreshTokenTtl(Duration.ofDays(7)));
        TokenPair first = f.tokens.issue("alice");
        f.clock.advance(Duration.ofDays(6));
        TokenPair second = f.tokens.refresh(first.refreshToken());
        f.clock.advance(Duration.ofDays(1).plusSeconds(1));

        assertRefused(() -> f.tokens.refresh(first.refreshToken()), Reason.TOKEN_EXPIRED);

        assertThat(f.tokens.refresh(second.refreshToken())).isNotNull();
    }

    @Test
    void aRefreshTokenEndsWithItsSessionExactlyAtItsExpiryWhateverTheLeeway() {
        Fixture f = new Fixture(b -> b.refreshTokenTtl(Duration.ofHours(1)).leeway(Duration.ofSeconds(5)));
        TokenPair first = f.tokens.issue("alice");
        TokenPair second = f.tokens.issue("bob");
        f.clock.advance(Duration.ofHours(1).minusMillis(1));
        assertThat(f.tokens.refresh(first.refreshToken())).isNotNull();

        f.clock.advance(Duration.ofMillis(1));

        assertRefused(() -> f.tokens.refresh(second.refreshToken()), Reason.TOKEN_EXPIRED);
        assertThat(f.store.rotations).as("refused before the store").isEqualTo(1);
    }

    @Test
    void aPredecessorExpiredWithinTheLeewayIsExpiredNotReuse() {
        Fixture f = new Fixture(b -> b.refreshTokenTtl(Duration.ofHours(1)).leeway(Duration.ofSeconds(5)));
        TokenPair first = f.tokens.issue("alice");
        f.clock.advance(Duration.ofMinutes(10));
        TokenPair second = f.tokens.refresh(first.refreshToken());
        TokenPair other = f.tokens.issue("alice");
        f.clock.advance(Duration.ofMinutes(50).plusSeconds(2));

        assertRefused(() -> f.tokens.refresh(first.refreshToken()), Reason.TOKEN_EXPIRED);
        assertThat(f.tokens.refresh(second.refreshToken())).isNotNull();
        assertThat(f.tokens.refresh(other.refreshToken())).isNotNull();
    }

    @Test
    void rotationSlidesTheExpiryButNeverPastTheAbsoluteLifetime() {
        Fixture f = new Fixture(b -> b.refreshTokenTtl(Duration.ofDays(1)).absoluteSessionLifetime(Duration.ofDays(3)));
        TokenPair pair = f.tokens.issue("alice");
        for (int day = 0; day < 2; day++) {
            f.clock.advance(Duration.ofHours(20));
            pair = f.tokens.refresh(pair.refreshToken());
        }
        f.clock.advance(Duration.ofHours(20));
        TokenPair last = f.tokens.refresh(pair.refreshToken());
        assertThat(f.tokens.sessions("alice").get(0).expiresAt()).isEqualTo(Fixture.START.plus(Duration.ofDays(3)));

        f.clock.advance(Duration.ofHours(13));

        assertRefused(() -> f.tokens.refresh(last.refreshToken()), Reason.TOKEN_EXPIRED);
    }

    @Test
    void insideTheGracePeriodThePredecessorGetsTheByteIdenticalPairBoundedTimes() {
        Fixture f = new Fixture(b -> b.reuseGracePeriod(Duration.ofSeconds(30), 2));
        TokenPair first = f.tokens.issue("alice", "tab", Map.of("scope", "read write"));
        TokenPair successor = f.tokens.refresh(first.refreshToken());
        f.clock.advance(Duration.ofSeconds(10));

        TokenPair replay1 = f.tokens.refresh(first.refreshToken());
        TokenPair replay2 = f.tokens.refresh(first.refreshToken());

        assertThat(replay1.refreshToken()).isEqualTo(successor.refreshToken());
        assertThat(replay1.accessToken()).isEqualTo(successor.accessToken());
        assertThat(replay2.refreshToken()).isEqualTo(successor.refreshToken());
        assertThat(replay1.expiresIn()).isEqualTo(890);
        assertRefused(() -> f.tokens.refresh(first.refreshToken()), Reason.TOKEN_REUSED);
    }

    @Test
    void afterTheGracePeriodThePredecessorIsReuse() {
        Fixture f = new Fixture(b -> b.reuseGracePeriod(Duration.ofSeconds(30), 5));
        TokenPair first = f.tokens.issue("alice");
        TokenPair successor = f.tokens.refresh(first.refreshToken());
        f.clock.advance(Duration.ofSeconds(31));

        assertRefused(() -> f.tokens.refresh(first.refreshToken()), Reason.TOKEN_REUSED);
        assertRefused(() -> f.tokens.refresh(successor.refreshToken()), Reason.TOKEN_REVOKED);
    }

    @Test
    void aDriverRetryOfACommittedRotationGetsTheSameAnswerNotAReuseAlarm() {
        Fixture f = new Fixture();
        TokenPair first = f.tokens.issue("alice");
        RetryingStore retrying = new RetryingStore(f.store);
        List<TokenEvent> events = new ArrayList<>();
        TokenService retried = f.builder(retrying).eventListener(events::add).build();

        TokenPair answer = retried.refresh(first.refreshToken());

        assertThat(retrying.outcomes).containsExactly(Outcome.ROTATED, Outcome.RETRIED);
        assertThat(events).extracting(TokenEvent::type).containsExactly(TokenEvent.Type.RETRY_ANSWERED);
        assertThat(f.tokens.refresh(answer.refreshToken()).sessionId()).isEqualTo(first.sessionId());
    }

    @Test
    void aClaimedDeviceMustMatchTheSessionsDeviceAndAMismatchChangesNothing() {
        Fixture f = new Fixture();
        TokenPair pair = f.tokens.issue("alice", "phone-1", Map.of());

        assertRefused(() -> f.tokens.refresh(pair.refreshToken(), "phone-2"), Reason.TOKEN_INVALID);
        assertThat(f.store.rotations).isZero();

        assertThat(f.tokens.refresh(pair.refreshToken(), "phone-1")).isNotNull();
    }

    @Test
    void aMissingRefreshTokenIsRequired() {
        Fixture f = new Fixture();

        assertRefused(() -> f.tokens.refresh(null), Reason.REFRESH_TOKEN_REQUIRED);
        assertRefused(() -> f.tokens.refresh(""), Reason.REFRESH_TOKEN_REQUIRED);
        assertRefused(() -> f.tokens.refresh("  "), Reason.REFRESH_TOKEN_REQUIRED);
    }

    @Test
    void aSessionLostFromTheStoreIsRefusedNeverAccepted() {
        Fixture f = new Fixture();
        TokenPair pair = f.tokens.issue("alice");
        f.store.sessions.clear();

        assertRefused(() -> f.tokens.refresh(pair.refreshToken()), Reason.TOKEN_REVOKED);
    }

    @Test
    void theUserLookupCanRefuseARefreshWithoutTouchingTheStore() {
        Fixture f = new Fixture(b -> b.userLookup((subject, claims) -> Optional.empty()));
        TokenPair pair = f.tokens.issue("ghost");

        assertRefused(() -> f.tokens.refresh(pair.refreshToken()), Reason.USER_NOT_FOUND);

        assertThat(f.store.rotations).isZero();
        assertThat(f.store.sessions.get(pair.sessionId()).generation()).isZero();
    }

    @Test
    void theUserLookupSeesLoginClaimsAndCanReplaceThem() {
        Fixture f = new Fixture(
                b -> b.userLookup((subject, claims) -> Optional.of(Map.of("role", claims.get("role") + "+fresh"))));
        TokenPair pair = f.tokens.issue("alice", null, Map.of("role", "admin"));

        TokenPair next = f.tokens.refresh(pair.refreshToken());

        assertThat(f.tokens.verifyAccessToken(next.accessToken()).claims()).containsEntry("role", "admin+fresh");
        TokenPair after = f.tokens.refresh(next.refreshToken());
        assertThat(f.tokens.verifyAccessToken(after.accessToken()).claims()).containsEntry("role", "admin+fresh");
    }

    @Test
    void aLookupAnsweringClaimsTooLargeForATokenFailsBeforeAnythingRotates() {
        Fixture f = new Fixture(b -> b.userLookup((subject, claims) -> Optional.of(Map.of("roles", "r".repeat(9000)))));
        TokenPair pair = f.tokens.issue("alice");

        assertThatThrownBy(() -> f.tokens.refresh(pair.refreshToken()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maximum");

        assertThat(f.store.rotations).isZero();
        assertThat(f.store.sessions.get(pair.sessionId()).generation()).isZero();
    }

    @Test
    void withoutALookupLoginClaimsCarryOverToEveryAccessToken() {
        Fixture f = new Fixture();
        TokenPair pair = f.tokens.issue("alice", null, Map.of("role", "admin", "tenant", 42));
        for (int i = 0; i < 3; i++) {
            pair = f.tokens.refresh(pair.refreshToken());
        }

        assertThat(f.tokens.verifyAccessToken(pair.accessToken()).claims())
                .containsEntry("role", "admin")
                .containsEntry("tenant", 42);
    }

    @Test
    void aFailingStoreRefusesWithStoreUnavailableAndIssuesNothing() {
        Fixture f = new Fixture();
        TokenPair pair = f.tokens.issue("alice");
        TokenService tokens = f.builder(new FailingStore()).build();

        assertRefused(() -> tokens.refresh(pair.refreshToken()), Reason.STORE_UNAVAILABLE);
        assertRefused(() -> tokens.issue("alice"), Reason.STORE_UNAVAILABLE);
        assertRefused(() -> tokens.logoutAll("alice"), Reason.STORE_UNAVAILABLE);
        assertRefused(() -> tokens.sessions("alice"), Reason.STORE_UNAVAILABLE);
    }

    @Test
    void loggingOutAStringThatIsNoSessionIdIsFalseWithoutAskingTheStore() {
        Fixture f = new Fixture();
        TokenPair pair = f.tokens.issue("alice");
        TokenService failing = f.builder(new FailingStore()).build();

        for (String notAnId : new String[] {"", "x", pair.sessionId() + "|", "s".repeat(10_000), "é".repeat(22)}) {
            assertThat(failing.logoutSession("alice", notAnId)).as(notAnId).isFalse();
        }
        assertRefused(() -> failing.logoutSession("alice", pair.sessionId()), Reason.STORE_UNAVAILABLE);
        assertThat(f.tokens.logoutSession("alice", pair.sessionId())).isTrue();
    }

    @Test
    void inOauth2ModeOnlyTokenEndpointCallsAnswerAsOauth2WhenTheStoreFails() {
        Fixture f = new Fixture();
        TokenPair pair = f.tokens.issue("alice");
        TokenService tokens = f.builder(new FailingStore())
                .oauth2Errors(true)
                .liveSessionCheck(Duration.ofSeconds(1), 10)
                .build();

        assertThatThrownBy(() -> tokens.refresh(pair.refreshToken()))
                .isInstanceOfSatisfying(RotorException.class, e -> assertThat(e.toJson())
                        .startsWith("{\"error\":\"temporarily_unavailable\""));
        assertThatThrownBy(() -> tokens.verifyAccessToken(pair.accessToken()))
                .isInstanceOfSatisfying(RotorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.STORE_UNAVAILABLE);
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.toJson()).startsWith("{\"error\":{\"code\":503,\"reason\":\"STORE_UNAVAILABLE\"");
                });
    }

    /** A store whose every rotation is sent twice, as a driver that retries after a timeout does. */
    private static final class RetryingStore extends MapSessionStore {
        private final MapSessionStore delegate;
        final List<Outcome> outcomes = new ArrayList<>();

        RetryingStore(MapSessionStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public RotationResult rotate(RotationRequest request) {
            outcomes.add(delegate.rotate(request).outcome());
            RotationResult retry = delegate.rotate(request);
            outcomes.add(retry.outcome());
            return retry;
        }
    }

    /** A store whose infrastructure is down. */
    private static final class FailingStore extends MapSessionStore {
        @Override
        public synchronized LoginResult create(LoginRequest request) {
            throw new StoreUnavailableException("down", null);
        }

        @Override
        public synchronized RotationResult rotate(RotationRequest request) {
            throw new StoreUnavailableException("down", null);
        }

        @Override
        public synchronized int revokeAll(String subject, Instant now) {
            throw new IllegalStateException("a driver exception the store forgot to wrap");
        }

        @Override
        public synchronized List<SessionRecord> list(String subject, Instant now) {
            throw new StoreUnavailableException("down", null);
        }

        @Override
        public synchronized Optional<SessionRecord> find(String subject, String sessionId, Instant now) {
            throw new StoreUnavailableException("down", null);
        }

        @Override
        public synchronized boolean revoke(String subject, String sessionId, Instant now) {
            throw new StoreUnavailableException("down", null);
        }
    }
}
