package dev.rotor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rotor.RotorException.Reason;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RotorExceptionTest {

    @ParameterizedTest
    @CsvSource({
        "REFRESH_TOKEN_REQUIRED, 400, 3, INVALID_ARGUMENT",
        "TOKEN_INVALID, 401, 16, UNAUTHENTICATED",
        "TOKEN_EXPIRED, 401, 16, UNAUTHENTICATED",
        "TOKEN_REUSED, 401, 16, UNAUTHENTICATED",
        "TOKEN_REVOKED, 401, 16, UNAUTHENTICATED",
        "USER_NOT_FOUND, 404, 5, NOT_FOUND",
        "SESSION_LIMIT_REACHED, 403, 7, PERMISSION_DENIED",
        "STORE_UNAVAILABLE, 503, 14, UNAVAILABLE"
    })
    void eachReasonKnowsItsStatusCodes(Reason reason, int http, int grpc, String grpcName) {
        RotorException e = RotorException.refreshFailure(reason, false);

        assertThat(e.httpStatus()).isEqualTo(http);
        assertThat(reason.grpcCode()).isEqualTo(grpc);
        assertThat(reason.grpcStatus()).isEqualTo(grpcName);
        assertThat(e.toJson())
                .isEqualTo("{\"error\":{\"code\":" + http + ",\"reason\":\"" + reason + "\",\"message\":\""
                        + e.getMessage() + "\"}}");
    }

    @Test
    void theOriginalChineseMessagesAreAvailable() {
        RotorException expired = RotorException.refreshFailure(Reason.TOKEN_EXPIRED, false);
        RotorException invalid = RotorException.refreshFailure(Reason.TOKEN_INVALID, false);

        assertThat(expired.toJson(Locale.forLanguageTag("zh-CN")))
                .isEqualTo("{\"error\":{\"code\":401,\"reason\":\"TOKEN_EXPIRED\",\"message\":\"刷新令牌已过期\"}}");
        assertThat(invalid.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("刷新令牌无效");
        assertThat(invalid.message(Locale.FRENCH)).isEqualTo("Refresh token is invalid");
        assertThat(RotorException.accessFailure(Reason.TOKEN_EXPIRED).getMessage())
                .isEqualTo("Access token has expired");
    }

    @Test
    void oauth2ModeAnswersAsATokenEndpoint() {
        RotorException reused = RotorException.refreshFailure(Reason.TOKEN_REUSED, true);
        RotorException missing = RotorException.refreshFailure(Reason.REFRESH_TOKEN_REQUIRED, true);
        RotorException down = RotorException.storeUnavailable(null, true);

        assertThat(reused.httpStatus()).isEqualTo(400);
        assertThat(reused.toJson())
                .isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token was already used\"}");
        assertThat(missing.toJson()).startsWith("{\"error\":\"invalid_request\"");
        assertThat(down.httpStatus()).isEqualTo(503);
        assertThat(down.toJson()).startsWith("{\"error\":\"temporarily_unavailable\"");
    }

    @Test
    void aServiceInOauth2ModeThrowsOauth2Failures() {
        Fixture f = new Fixture(b -> b.oauth2Errors(true));
        TokenPair pair = f.tokens.issue("alice");
        f.tokens.refresh(pair.refreshToken());

        Fixture.assertRefused(() -> f.tokens.refresh(pair.refreshToken()), Reason.TOKEN_REUSED);
        assertThatThrownBy(() -> f.tokens.refresh("garbage")).isInstanceOfSatisfying(RotorException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.toJson()).startsWith("{\"error\":\"invalid_grant\"");
        });
    }

    @Test
    void aRefusedTokenCostsNoStackTraceWhileAFailedStoreKeepsItsTraceAndCause() {
        Fixture f = new Fixture();
        IllegalStateException driver = new IllegalStateException("connection refused");

        assertThatThrownBy(() -> f.tokens.refresh("not.a.token"))
                .isInstanceOfSatisfying(
                        RotorException.class, e -> assertThat(e.getStackTrace()).isEmpty());
        assertThatThrownBy(() -> f.tokens.verifyAccessToken("not.a.token"))
                .isInstanceOfSatisfying(
                        RotorException.class, e -> assertThat(e.getStackTrace()).isEmpty());
        for (Reason reason : Reason.values()) {
            if (reason != Reason.STORE_UNAVAILABLE) {
                assertThat(RotorException.refreshFailure(reason, false).getStackTrace())
                        .isEmpty();
            }
        }
        RotorException down = RotorException.storeUnavailable(driver, false);
        assertThat(down.getCause()).isSameAs(driver);
        assertThat(down.getStackTrace()).isNotEmpty();
    }
}
