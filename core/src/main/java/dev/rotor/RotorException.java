package dev.rotor;

import java.util.Locale;
import java.util.Objects;

/**
 * The one exception Rotor's {@link TokenService} throws for a refused token or a failed store. Its {@link
 * #reason()} says what went wrong and knows the HTTP status, gRPC code and message for it; {@link #toJson()}
 * renders the error body of the original Go service (see {@link dev.rotor}): {@code
 * {"error":{"code":401,"reason":"TOKEN_EXPIRED","message":"..."}}}.
 *
 * <p>When the service is built with {@link TokenServiceBuilder#oauth2Errors(boolean)}, every failure except
 * those of {@link TokenService#verifyAccessToken} answers as an OAuth 2.0 token endpoint does (RFC 6749 §5.2):
 * status 400 and {@code {"error":"invalid_grant","error_description":"..."}} for a refused refresh token
 * ({@code invalid_request} for a missing one). A failed store is 503 {@code temporarily_unavailable}, the code
 * RFC 6749 §4.1.2.1 defines for the authorization endpoint, since §5.2 has none for a server failure and a
 * 400 would make clients discard a refresh token that is still good.
 *
 * <p>No message or field of this exception ever contains a token. A refused token's exception has no stack
 * trace (refusing is cheap, however many hostile tokens arrive); a {@code STORE_UNAVAILABLE} has one, and the
 * store's exception as its cause.
 */
public final class RotorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    private final Reason reason;

    /** Whether an access token was refused; otherwise a refresh token or the store. */
    private final boolean accessToken;

    /** Whether to answer as an OAuth 2.0 token endpoint. */
    private final boolean oauth2;

    /**
     * A refused token fills no stack trace: hostile tokens arrive at the rate an attacker chooses, and where one
     * was refused says nothing. A failed store keeps its trace and its cause, the driver's exception.
     */
    private RotorException(Reason reason, boolean accessToken, boolean oauth2, Throwable cause) {
        super(
                ErrorMessages.message(reason, accessToken, Locale.ENGLISH),
                cause,
                false,
                reason == Reason.STORE_UNAVAILABLE);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.accessToken = accessToken;
        this.oauth2 = oauth2;
    }

    static RotorException refreshFailure(Reason reason, boolean oauth2) {
        return new RotorException(reason, false, oauth2, null);
    }

    static RotorException accessFailure(Reason reason) {
        return new RotorException(reason, true, false, null);
    }

    static RotorException storeUnavailable(Throwable cause, boolean oauth2) {
        return new RotorException(Reason.STORE_UNAVAILABLE, false, oauth2, cause);
    }

    /**
     * What went wrong.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The HTTP status to answer with: the reason's own, or 400 for a refresh failure in OAuth 2.0 mode
     * (503 stays 503).
     *
     * @return the HTTP status code
     */
    public int httpStatus() {
        return oauth2 && reason != Reason.STORE_UNAVAILABLE ? 400 : reason.httpStatus();
    }

    /**
     * The message in a language; {@code zh} locales get the original Go service's Chinese messages, any other
     * English.
     *
     * @param locale the client's locale
     * @return the message
     * @throws NullPointerException if {@code locale} is {@code null}
     */
    public String message(Locale locale) {
        return ErrorMessages.message(reason, accessToken, Objects.requireNonNull(locale, "locale"));
    }

    /**
     * The JSON error body in English.
     *
     * @return the body
     * @see #toJson(Locale)
     */
    public String toJson() {
        return toJson(Locale.ENGLISH);
    }

    /**
     * The JSON error body: {@code {"error":{"code":401,"reason":"TOKEN_REUSED","message":"..."}}}, or in
     * OAuth 2.0 mode {@code {"error":"invalid_grant","error_description":"..."}}.
     *
     * @param locale the language of the message
     * @return the body
     * @throws NullPointerException if {@code locale} is {@code null}
     */
    public String toJson(Locale locale) {
        String message = JsonWriter.quote(message(locale));
        if (oauth2) {
            return "{\"error\":\"" + reason.oauth2Error() + "\",\"error_description\":" + message + "}";
        }
        return "{\"error\":{\"code\":" + httpStatus() + ",\"reason\":\"" + reason.name() + "\",\"message\":" + message
                + "}}";
    }

    /** Why a token was refused or an operation failed, with the status codes each maps to. */
    public enum Reason {
        /** No refresh token was given. HTTP 400, gRPC {@code INVALID_ARGUMENT}. */
        REFRESH_TOKEN_REQUIRED(400, 3, "INVALID_ARGUMENT", "invalid_request"),
        /** The token is malformed, forged, of the wrong kind, or for another issuer. HTTP 401. */
        TOKEN_INVALID(401, 16, "UNAUTHENTICATED", "invalid_grant"),
        /** The token's expiry has passed. HTTP 401. */
        TOKEN_EXPIRED(401, 16, "UNAUTHENTICATED", "invalid_grant"),
        /** A refresh token was presented again after it had been rotated. HTTP 401. */
        TOKEN_REUSED(401, 16, "UNAUTHENTICATED", "invalid_grant"),
        /** The token's session was logged out or revoked. HTTP 401. */
        TOKEN_REVOKED(401, 16, "UNAUTHENTICATED", "invalid_grant"),
        /** The user lookup says the subject no longer exists. HTTP 404, gRPC {@code NOT_FOUND}. */
        USER_NOT_FOUND(404, 5, "NOT_FOUND", "invalid_grant"),
        /**
         * A login found the user at {@link TokenServiceBuilder#maxSessionsPerUser its session limit} under
         * {@link SessionLimitPolicy#REJECT_NEW}. HTTP 403, gRPC {@code PERMISSION_DENIED}.
         */
        SESSION_LIMIT_REACHED(403, 7, "PERMISSION_DENIED", "access_denied"),
        /** The session store could not be reached; nothing was issued. HTTP 503, gRPC {@code UNAVAILABLE}. */
        STORE_UNAVAILABLE(503, 14, "UNAVAILABLE", "temporarily_unavailable");

        private final int httpStatus;
        private final int grpcCode;
        private final String grpcStatus;
        private final String oauth2Error;

        Reason(int httpStatus, int grpcCode, String grpcStatus, String oauth2Error) {
            this.httpStatus = httpStatus;
            this.grpcCode = grpcCode;
            this.grpcStatus = grpcStatus;
            this.oauth2Error = oauth2Error;
        }

        /**
         * The HTTP status of the original Go service's error table.
         *
         * @return the status code
         */
        public int httpStatus() {
            return httpStatus;
        }

        /**
         * The gRPC status code's number ({@code io.grpc.Status.Code#value()}).
         *
         * @return the code's number
         */
        public int grpcCode() {
            return grpcCode;
        }

        /**
         * The gRPC status code's name, such as {@code UNAUTHENTICATED}.
         *
         * @return the name
         */
        public String grpcStatus() {
            return grpcStatus;
        }

        /**
         * The OAuth 2.0 error code (RFC 6749 §5.2) a token endpoint answers with.
         *
         * @return the error code
         */
        public String oauth2Error() {
            return oauth2Error;
        }
    }
}
