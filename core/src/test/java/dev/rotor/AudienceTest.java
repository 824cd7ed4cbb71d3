package dev.rotor;

import static dev.rotor.Fixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.RotorException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 7519 §4.1.3: a token whose {@code aud} does not name this service is refused, whatever its shape, and
 * with no audience configured any {@code aud} is refused. Every token here is validly signed with the
 * service's own key and issuer.
 */
class AudienceTest {

    @Test
    void withNoAudienceConfiguredAnAccessTokenCarryingAnAudIsRefused() {
        Fixture f = new Fixture();
        TokenService sameKeyForAnApi =
                f.builder().audience("https://api.example").build();
        TokenService sameKeyForTwoApis = f.builder()
                .audiences(List.of("https://a.example", "https://b.example"))
                .build();

        assertRefused(
                () -> f.tokens.verifyAccessToken(sameKeyForAnApi.issue("alice").accessToken()), Reason.TOKEN_INVALID);
        assertRefused(
                () -> f.tokens.verifyAccessToken(
                        sameKeyForTwoApis.issue("alice").accessToken()),
                Reason.TOKEN_INVALID);
        assertThat(f.tokens
                        .verifyAccessToken(f.tokens.issue("alice").accessToken())
                        .subject())
                .isEqualTo("alice");
    }

    @Test
    void anAccessTokenIsAcceptedOnlyIfOneOfItsAudiencesIsOurs() {
        Fixture f = new Fixture(b -> b.audience("https://api.example"));
        TokenService otherApi = f.builder().audience("https://admin.example").build();
        TokenService twoApisWithOurs = f.builder()
                .audiences(List.of("https://admin.example", "https://api.example"))
                .build();
        TokenService twoOtherApis = f.builder()
                .audiences(List.of("https://admin.example", "https://billing.example"))
                .build();
        TokenService noAudience = f.builder().build();

        assertThat(f.tokens
                        .verifyAccessToken(twoApisWithOurs.issue("alice").accessToken())
                        .subject())
                .isEqualTo("alice");
        for (TokenService foreign : List.of(otherApi, twoOtherApis, noAudience)) {
            assertRefused(
                    () -> f.tokens.verifyAccessToken(foreign.issue("alice").accessToken()), Reason.TOKEN_INVALID);
        }
    }

    @Test
    void aServiceWithSeveralAudiencesWritesThemAllAndAcceptsAnyOne() {
        Fixture f = new Fixture(b -> b.audiences(List.of("https://a.example", "https://b.example")));
        TokenService onlyB = f.builder().audience("https://b.example").build();
        String token = f.tokens.issue("alice").accessToken();

        assertThat(com.auth0.jwt.JWT.decode(token).getAudience())
                .containsExactly("https://a.example", "https://b.example");
        assertThat(onlyB.verifyAccessToken(token).subject()).isEqualTo("alice");
        assertThat(f.tokens.verifyAccessToken(onlyB.issue("bob").accessToken()).subject())
                .isEqualTo("bob");
    }

    @Test
    void aRefreshTokenIsAcceptedOnlyWithOurRefreshEndpointAsItsAudience() {
        Fixture f = new Fixture(b -> b.refreshTokenAudience("https://auth.example/token"));
        TokenService otherEndpoint =
                f.builder().refreshTokenAudience("https://auth.example/other").build();
        TokenPair ours = f.tokens.issue("alice");
        TokenPair foreign = otherEndpoint.issue("alice");

        assertThat(com.auth0.jwt.JWT.decode(ours.refreshToken()).getAudience())
                .containsExactly("https://auth.example/token");
        assertRefused(() -> f.tokens.refresh(foreign.refreshToken()), Reason.TOKEN_INVALID);
        assertRefused(() -> f.tokens.logout(foreign.refreshToken()), Reason.TOKEN_INVALID);
        assertThat(f.store.rotations).isZero();
        assertThat(f.tokens.refresh(ours.refreshToken()).sessionId()).isEqualTo(ours.sessionId());
    }

    @Test
    void theDefaultRefreshAudienceIsTheIssuersRefreshEndpointAndNeverAnApi() {
        Fixture f = new Fixture(b -> b.audience("https://api.example"));
        TokenPair pair = f.tokens.issue("alice");

        assertThat(com.auth0.jwt.JWT.decode(pair.refreshToken()).getAudience())
                .containsExactly("https://auth.example/refresh");
        assertThat(com.auth0.jwt.JWT.decode(pair.accessToken()).getAudience()).containsExactly("https://api.example");
        assertThatBuildFails(f.builder().audience("https://api.example").refreshTokenAudience("https://api.example"));
    }

    private static void assertThatBuildFails(TokenServiceBuilder builder) {
        org.assertj.core.api.Assertions.assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refreshTokenAudience");
    }
}
