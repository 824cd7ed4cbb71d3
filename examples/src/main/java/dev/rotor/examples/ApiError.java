package dev.rotor.examples;

/**
 * A refusal that is not about a token: bad credentials, malformed input, wrong method or path. Rendered in
 * the same body as Rotor's errors: {@code {"error":{"code":400,"reason":"INVALID_JSON","message":"..."}}}.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String reason;

    ApiError(int status, String reason, String message) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    static ApiError invalidCredentials() {
        return new ApiError(401, "INVALID_CREDENTIALS", "Username or password is wrong");
    }

    static ApiError badRequest(String reason, String message) {
        return new ApiError(400, reason, message);
    }
}
