package dev.rotor.examples.spring;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Unknown paths, wrong methods and the login's refusals in the original Go service's error body; never a stack
 * trace.
 */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler(ApiError.class)
    ResponseEntity<String> refused(ApiError error) {
        return error.toResponse();
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<String> notFound() {
        return notFoundReply();
    }

    static ResponseEntity<String> notFoundReply() {
        return new ApiError(404, "NOT_FOUND", "No such endpoint").toResponse();
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<String> wrongMethod(HttpRequestMethodNotSupportedException e) {
        String allowed = e.getSupportedHttpMethods() == null || e.getSupportedHttpMethods().isEmpty()
                ? "GET"
                : e.getSupportedHttpMethods().iterator().next().name();
        ResponseEntity<String> reply = new ApiError(405, "METHOD_NOT_ALLOWED", "Use " + allowed).toResponse();
        return ResponseEntity.status(405)
                .headers(reply.getHeaders())
                .header(HttpHeaders.ALLOW, allowed)
                .body(reply.getBody());
    }
}
