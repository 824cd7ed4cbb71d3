package dev.rotor.spring.boot;

import dev.rotor.RotorException;
import dev.rotor.RotorException.Reason;
import dev.rotor.TokenService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Answers a request whose bearer token was missing or refused, with core's status and JSON body: 401 and
 * {@code WWW-Authenticate: Bearer error="invalid_token"} (as the example server does, a missing token
 * included), or 503 when the store failed, so an outage never looks like a logout to clients.
 * Also the bearer filter's failure handler, so a store failure reaches here instead of being rethrown.
 */
final class RotorAuthenticationEntryPoint implements AuthenticationEntryPoint, AuthenticationFailureHandler {

    private final TokenService tokens;

    RotorAuthenticationEntryPoint(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        RotorException refused = rotorCause(failure);
        if (refused == null) {
            refused = missingToken();
        }
        if (refused.reason() == Reason.STORE_UNAVAILABLE) {
            response.setHeader("Retry-After", "1");
        } else {
            response.setHeader("WWW-Authenticate", ErrorResponses.bearerChallenge(refused));
        }
        ErrorResponses.write(response, refused.httpStatus(), refused.toJson(ErrorResponses.locale(request)));
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        commence(request, response, failure);
    }

    /** Core's own refusal of an absent token, so its status and body stay core's. */
    private RotorException missingToken() {
        try {
            tokens.verifyAccessToken(null);
        } catch (RotorException refused) {
            return refused;
        }
        throw new IllegalStateException("TokenService accepted a missing access token");
    }

    private static RotorException rotorCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RotorException rotor) {
                return rotor;
            }
        }
        return null;
    }
}
