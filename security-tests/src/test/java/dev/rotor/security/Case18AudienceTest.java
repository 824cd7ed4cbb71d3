package dev.rotor.security;

import static dev.rotor.security.Refusals.refusedQuietly;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.RotorException.Reason;
import dev.rotor.TokenPair;
import dev.rotor.TokenService;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Case 18: a validly signed token whose {@code aud} (a string or an array) does not name this service, or any
 * {@code aud} when no audience is configured, is refused (RFC 7519 §4.1.3). Each token is a genuine one with
 * only its {@code aud} changed, signed again with the service's own key and header, so only the audience can
 * be why it is refused; the same token with its own {@code aud} is accepted.
 */
class Case18AudienceTest {

    private static final String ACCESS_HEADER = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"k1\"}";
    private static final String REFRESH_HEADER = "{\"alg\":\"HS256\",\"typ\":\"rt+jwt\",\"kid\":\"rt-k1\"}";

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void withNoAudienceConfiguredEveryAccessTokenWithAnAudIsRefused(Backend backend) {
        TokenService tokens = backend.tokens();
        String payload = Forge.json(Forge.segments(tokens.issue("alice").accessToken())[1]);

        for (String aud : List.of("\"api\"", "[\"api\"]", "[\"api\",\"admin\"]", "[]", "\"\"")) {
            String token = Forge.hs256(ACCESS_HEADER, withAud(payload, aud), Backend.SECRET);
            refusedQuietly(backend, Reason.TOKEN_INVALID, "access aud " + aud, () -> tokens.verifyAccessToken(token));
        }
        String reSigned = Forge.hs256(ACCESS_HEADER, payload, Backend.SECRET);
        assertThat(tokens.verifyAccessToken(reSigned).subject()).isEqualTo("alice");
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void anAccessTokenMustNameTheConfiguredAudience(Backend backend) {
        TokenService tokens = backend.tokens(b -> b.audience("api"));
        String payload =
                withoutAud(Forge.json(Forge.segments(tokens.issue("alice").accessToken())[1]));

        for (String aud : List.of("\"admin\"", "[\"admin\"]", "[\"admin\",\"billing\"]", "[]", "\"API\"")) {
            String token = Forge.hs256(ACCESS_HEADER, withAud(payload, aud), Backend.SECRET);
            refusedQuietly(backend, Reason.TOKEN_INVALID, "access aud " + aud, () -> tokens.verifyAccessToken(token));
        }
        String noAud = Forge.hs256(ACCESS_HEADER, payload, Backend.SECRET);
        refusedQuietly(backend, Reason.TOKEN_INVALID, "access without aud", () -> tokens.verifyAccessToken(noAud));
        for (String aud : List.of("\"api\"", "[\"admin\",\"api\"]")) {
            String token = Forge.hs256(ACCESS_HEADER, withAud(payload, aud), Backend.SECRET);
            assertThat(tokens.verifyAccessToken(token).subject()).as(aud).isEqualTo("alice");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(Backends.class)
    void aRefreshTokenMustNameOnlyTheRefreshEndpoint(Backend backend) {
        TokenService tokens = backend.tokens(b -> b.audience("api"));
        TokenPair pair = tokens.issue("alice");
        String payload = withoutAud(Forge.json(Forge.segments(pair.refreshToken())[1]));

        for (String aud : List.of(
                "\"api\"", "[\"api\"]", "[\"rotor/refresh\",\"api\"]", "[]", "\"rotor\"", "\"rotor/refresh/\"")) {
            String token = Forge.hs256(REFRESH_HEADER, withAud(payload, aud), Backend.REFRESH_SECRET);
            refusedQuietly(backend, Reason.TOKEN_INVALID, "refresh aud " + aud, () -> tokens.refresh(token));
            refusedQuietly(backend, Reason.TOKEN_INVALID, "logout aud " + aud, () -> tokens.logout(token));
        }
        String noAud = Forge.hs256(REFRESH_HEADER, payload, Backend.REFRESH_SECRET);
        refusedQuietly(backend, Reason.TOKEN_INVALID, "refresh without aud", () -> tokens.refresh(noAud));
        String reSigned = Forge.hs256(REFRESH_HEADER, withAud(payload, "\"rotor/refresh\""), Backend.REFRESH_SECRET);
        assertThat(reSigned).isEqualTo(pair.refreshToken());
        assertThat(tokens.refresh(reSigned).sessionId()).isEqualTo(pair.sessionId());
    }

    /** The payload with {@code "aud":...} right after {@code iss}, where Rotor writes it. */
    private static String withAud(String payload, String aud) {
        int afterIssuer = payload.indexOf(",\"sub\":");
        return payload.substring(0, afterIssuer) + ",\"aud\":" + aud + payload.substring(afterIssuer);
    }

    private static String withoutAud(String payload) {
        return payload.replaceFirst(",\"aud\":(\"[^\"]*\"|\\[[^]]*])", "");
    }
}
