package dev.rotor.examples.spring;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** A refusal that is not about a token, in the same body as Rotor's: {@code {"error":{"code","reason","message"}}}. */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String reason;

    ApiError(int status, String reason, String message) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    ResponseEntity<String> toResponse() {
        String body = "{\"error\":{\"code\":" + status + ",\"reason\":\"" + reason + "\",\"message\":\"" + getMessage()
                + "\"}}";
        return ResponseEntity.status(status)
                .header(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
