package dev.rotor;

import static dev.rotor.Fixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.RotorException.Reason;
import dev.rotor.spi.LoginRequest;
import dev.rotor.spi.LoginResult;
import dev.rotor.spi.RotationRequest;
import dev.rotor.spi.RotationResult;
import dev.rotor.spi.SessionRecord;
import dev.rotor.spi.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

    @Test
    void anAccessTokenSaysWhoWhichSessionAndItsCustomClaims() {
        Fixture f = new Fixture();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("role", "admin");
        claims.put("tenant", 42);
        claims.put("scopes", List.of("read", "write"));
        claims.put("profile", Map.of("name", "Zoë \"Z\" \\ 😀", "verified", true));
        claims.put("ratio", 0.25);
        claims.put("big", new java.math.BigInteger("1234567890123456789012345678901234567890"));
        TokenPair pair = f.tokens.issue("alice", "phone", claims);

        AccessClaims verified = f.tokens.verifyAccessToken(pair.accessToken());

        assertThat(verified.subject()).isEqualTo("alice");
        assertThat(verified.sessionId()).isEqualTo(pair.sessionId());
        assertThat(verified.deviceId()).isEqualTo("phone");
        assertThat(verified.tokenId()).isNotBlank();
        assertThat(verified.issuedAt()).isEqualTo(Fixture.START);
        assertThat(verified.expiresAt()).isEqualTo(Fixture.START.plus(Duration.ofMinutes(15)));
        assertThat(verified.claims()).containsExactlyEntriesOf(claims);
    }

    @Test
    void refusingAForgedOrMalformedTokenReadsNoClockAndAcceptingReadsItOnce() {
        Fixture f = new Fixture();
        AtomicInteger reads = new AtomicInteger();
        Clock counting = new Clock() {
            @Override
            public ZoneId getZone() {
                return f.clock.getZone();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                reads.incrementAndGet();
                return f.clock.instant();
            }

            @Override
            public long millis() {
                reads.incrementAndGet();
                return f.clock.millis();
            }
        };
        TokenService tokens = TokenService.builder()
                .signingKey(JwtKey.hs256("k1", Keys.SECRET))
                .store(new MapSessionStore())
                .clock(counting)
                .build();
        String valid = tokens.issue("alice").accessToken();
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "A".repeat(43);
        reads.set(0);

        for (String hostile : List.of(forged, "a.b.c", valid.substring(1), valid + "A")) {
            assertRefused(() -> tokens.verifyAccessToken(hostile), Reason.TOKEN_INVALID);
        }
        assertThat(reads).as("clock reads while refusing").hasValue(0);
        assertThat(tokens.verifyAccessToken(valid).subject()).isEqualTo("alice");
        assertThat(reads).as("clock reads while accepting").hasValue(1);
    }

    @Test
    void surrogatePairsWhereRotorsHeaderWouldEndAreRefusedAsInvalidNotThrown() {
        Fixture f = new Fixture();
        TokenPair pair = f.tokens.issue("alice");
        for (String token : List.of(pair.accessToken(), pair.refreshToken())) {
            String[] parts = token.split("\\.");
            int header = parts[0].length(); // each pair is one byte in Latin-1, so the bytes end early
            String hostile =
                    "\uD83D\uDE00".repeat(header / 2) + (header % 2 == 1 ? "A" : "") + "." + parts[1] + "." + parts[2];

            assertRefused(() -> f.tokens.verifyAccessToken(hostile), Reason.TOKEN_INVALID);
            assertRefused(() -> f.tokens.refresh(hostile), Reason.TOKEN_INVALID);
            assertRefused(() -> f.tokens.verifyAccessToken(hostile.substring(0, header) + ".."), Reason.TOKEN_INVALID);
        }
    }

    @Test
    void anAccessTokenExpiresAfterItsLifetimePlusLeeway() {
        Fixture f = new Fixture(b -> b.accessTokenTtl(Duration.ofMinutes(5)).leeway(Duration.ofSeconds(10)));
        TokenPair pair = f.tokens.issue("alice");
        f.clock.advance(Duration.ofMinutes(5).plusSeconds(10).minusMillis(1));
        assertThat(f.tokens.verifyAccessToken(pair.accessToken()).subject()).isEqualTo("alice");

        f.clock.advance(Duration.ofMillis(1));

        assertRefused(() -> f.tokens.verifyAccessToken(pair.accessToken()), Reason.TOKEN_EXPIRED);
    }

    @Test
    void aTokenFromTheFutureBeyondTheLeewayIsInvalid() {
        Fixture f = new Fixture(b -> b.leeway(Duration.ofSeconds(5)));
        Fixture skewed = new Fixture();
        skewed.clock.advance(Duration.ofSeconds(6));
        TokenPair fromTheFuture = skewed.tokens.issue("alice");

        assertRefused(() -> f.tokens.verifyAccessToken(fromTheFuture.accessToken()), Reason.TOKEN_INVALID);
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.tokens.verifyAccessToken(fromTheFuture.accessToken())).isNotNull();
    }

    @Test
    void accessAndRefreshTokensCannotStandInForEachOther() {
        Fixture f = new Fixture();
        TokenPair pair = f.tokens.issue("alice");

        assertRefused(() -> f.tokens.verifyAccessToken(pair.refreshToken()), Reason.TOKEN_INVALID);
        assertRefused(() -> f.tokens.refresh(pair.accessToken()), Reason.TOKEN_INVALID);
        assertRefused(() -> f.tokens.logout(pair.accessToken()), Reason.TOKEN_INVALID);
        assertThat(f.store.rotations).isZero();
    }

    @Test
    void aTokenOfAnotherIssuerOrAudienceIsInvalid() {
        Fixture f = new Fixture(b -> b.audience("api"));
        Fixture otherIssuer = new Fixture();
        Fixture otherAudience = new Fixture(b -> b.audience("admin-api"));
        String ours = f.tokens.issue("alice").accessToken();

        assertThat(f.tokens.verifyAccessToken(ours).subject()).isEqualTo("alice");
        assertRefused(
                () -> f.tokens.verifyAccessToken(
                        otherIssuer.tokens.issue("alice").accessToken()),
                Reason.TOKEN_INVALID);
        assertRefused(
                () -> f.tokens.verifyAccessToken(
                        otherAudience.tokens.issue("alice").accessToken()),
                Reason.TOKEN_INVALID);
    }

    @Test
    void aMissingAccessTokenIsInvalid() {
        Fixture f = new Fixture();

        assertRefused(() -> f.tokens.verifyAccessToken(null), Reason.TOKEN_INVALID);
        assertRefused(() -> f.tokens.verifyAccessToken(" "), Reason.TOKEN_INVALID);
    }

    @Test
    void withoutTheLiveCheckALoggedOutSessionsAccessTokenLivesUntilItExpires() {
        Fixture f = new Fixture();
        TokenPair pair = f.tokens.issue("alice");
        f.tokens.logout(pair.refreshToken());

        assertThat(f.tokens.verifyAccessToken(pair.accessToken()).subject()).isEqualTo("alice");
    }

    @Test
    void anAccessTokenNeverOutlivesItsSession() {
        Fixture f =
                new Fixture(b -> b.accessTokenTtl(Duration.ofMinutes(15)).absoluteSessionLifetime(Duration.ofHours(1)));
        TokenPair login = f.tokens.issue("alice");
        f.clock.advance(Duration.ofMinutes(59));

        TokenPair last = f.tokens.refresh(login.refreshToken());

        assertThat(last.expiresIn()).isEqualTo(60);
        assertThat(f.tokens.verifyAccessToken(last.accessToken()).expiresAt())
                .isEqualTo(Fixture.START.plus(Duration.ofHours(1)));
        f.clock.advance(Duration.ofMinutes(1));
        assertRefused(() -> f.tokens.verifyAccessToken(last.accessToken()), Reason.TOKEN_EXPIRED);
        Fixture shortSessions = new Fixture(b -> b.absoluteSessionLifetime(Duration.ofSeconds(10)));
        assertThat(shortSessions.tokens.issue("bob").expiresIn()).isEqualTo(10);
    }

    @Test
    void aLiveAnswerReadBeforeALogoutOnThisInstanceIsNotKept() throws Exception {
        CountDownLatch inFind = new CountDownLatch(1);
        CountDownLatch loggedOut = new CountDownLatch(1);
        AtomicBoolean holdNextFind = new AtomicBoolean();
        MapSessionStore store = new MapSessionStore() {
            @Override
            public Optional<SessionRecord> find(String subject, String sessionId, Instant now) {
                Optional<SessionRecord> live = super.find(subject, sessionId, now);
                if (holdNextFind.getAndSet(false)) {
                    inFind.countDown();
                    await(loggedOut);
                }
                return live;
            }
        };
        Fixture f = new Fixture();
        TokenService tokens =
                f.builder(store).liveSessionCheck(Duration.ofSeconds(30), 100).build();
        TokenPair pair = tokens.issue("alice");
        holdNextFind.set(true);
        CompletableFuture<AccessClaims> verifying =
                CompletableFuture.supplyAsync(() -> tokens.verifyAccessToken(pair.accessToken()));
        await(inFind);

        tokens.logout(pair.refreshToken());
        loggedOut.countDown();

        assertThat(verifying.get(10, TimeUnit.SECONDS).subject())
                .as("answered from the read before the logout")
                .isEqualTo("alice");
        assertRefused(() -> tokens.verifyAccessToken(pair.accessToken()), Reason.TOKEN_REVOKED);
    }

    @Test
    void aLogoutWhoseStoreCallFailsStillForgetsTheLiveAnswer() {
        MapSessionStore store = new MapSessionStore() {
            @Override
            public synchronized boolean revoke(String subject, String sessionId, Instant now) {
                super.revoke(subject, sessionId, now);
                throw new StoreUnavailableException("committed, then the reply was lost", null);
            }
        };
        Fixture f = new Fixture();
        TokenService tokens =
                f.builder(store).liveSessionCheck(Duration.ofSeconds(30), 100).build();
        TokenPair pair = tokens.issue("alice");
        assertThat(tokens.verifyAccessToken(pair.accessToken())).isNotNull();

        assertRefused(() -> tokens.logout(pair.refreshToken()), Reason.STORE_UNAVAILABLE);

        assertRefused(() -> tokens.verifyAccessToken(pair.accessToken()), Reason.TOKEN_REVOKED);
    }

    @Test
    void aReuseRevocationWhoseReplyIsLostStillForgetsTheLiveAnswers() {
        MapSessionStore store = new MapSessionStore() {
            @Override
            public synchronized RotationResult rotate(RotationRequest request) {
                RotationResult result = super.rotate(request);
                if (result.outcome() == RotationResult.Outcome.REUSE_DETECTED) {
                    throw new StoreUnavailableException("committed, then the reply was lost", null);
                }
                return result;
            }
        };
        Fixture f = new Fixture();
        TokenService tokens =
                f.builder(store).liveSessionCheck(Duration.ofSeconds(30), 100).build();
        TokenPair stolen = tokens.issue("alice");
        TokenPair next = tokens.refresh(stolen.refreshToken());
        assertThat(tokens.verifyAccessToken(next.accessToken())).isNotNull();

        assertRefused(() -> tokens.refresh(stolen.refreshToken()), Reason.STORE_UNAVAILABLE);

        assertRefused(() -> tokens.verifyAccessToken(next.accessToken()), Reason.TOKEN_REVOKED);
    }

    @Test
    void aResentLoginThatIsFoundStoredForgetsTheUsersLiveAnswers() {
        MapSessionStore store = new MapSessionStore() {
            @Override
            public LoginResult create(LoginRequest request) {
                super.create(request); // as a driver resends after a lost reply; the first reply is gone
                return super.create(request);
            }
        };
        Fixture f = new Fixture();
        TokenService tokens = f.builder(store)
                .maxSessionsPerUser(1)
                .liveSessionCheck(Duration.ofSeconds(30), 100)
                .build();
        TokenPair first = tokens.issue("alice");
        assertThat(tokens.verifyAccessToken(first.accessToken())).isNotNull();

        tokens.issue("alice"); // evicts the first session, but the reply that said so was lost

        assertRefused(() -> tokens.verifyAccessToken(first.accessToken()), Reason.TOKEN_REVOKED);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withTheLiveCheckLogoutTakesEffectAtOnce() {
        Fixture f = new Fixture(b -> b.liveSessionCheck(Duration.ofSeconds(30), 100));
        TokenPair pair = f.tokens.issue("alice");
        TokenPair other = f.tokens.issue("alice");
        assertThat(f.tokens.verifyAccessToken(pair.accessToken())).isNotNull();
        assertThat(f.tokens.verifyAccessToken(other.accessToken())).isNotNull();

        f.tokens.logout(pair.refreshToken());
        assertRefused(() -> f.tokens.verifyAccessToken(pair.accessToken()), Reason.TOKEN_REVOKED);
        assertThat(f.tokens.verifyAccessToken(other.accessToken())).isNotNull();

        f.tokens.logoutAll("alice");
        assertRefused(() -> f.tokens.verifyAccessToken(other.accessToken()), Reason.TOKEN_REVOKED);
    }

    @Test
    void aLogoutOnAnotherInstanceShowsWithinTheStalenessBound() {
        Fixture f = new Fixture(b -> b.liveSessionCheck(Duration.ofSeconds(30), 100));
        TokenService otherInstance = f.builder().build();
        TokenPair pair = f.tokens.issue("alice");
        assertThat(f.tokens.verifyAccessToken(pair.accessToken())).isNotNull();

        otherInstance.logout(pair.refreshToken());
        f.clock.advance(Duration.ofSeconds(29));
        assertThat(f.tokens.verifyAccessToken(pair.accessToken()))
                .as("still cached as live")
                .isNotNull();

        f.clock.advance(Duration.ofSeconds(1));
        assertRefused(() -> f.tokens.verifyAccessToken(pair.accessToken()), Reason.TOKEN_REVOKED);
    }

    @Test
    void aZeroStalenessAsksTheStoreEveryTime() {
        Fixture f = new Fixture(b -> b.liveSessionCheck(Duration.ZERO, 100));
        TokenService otherInstance = f.builder().build();
        TokenPair pair = f.tokens.issue("alice");
        assertThat(f.tokens.verifyAccessToken(pair.accessToken())).isNotNull();

        otherInstance.logoutSession("alice", pair.sessionId());

        assertRefused(() -> f.tokens.verifyAccessToken(pair.accessToken()), Reason.TOKEN_REVOKED);
    }
}
