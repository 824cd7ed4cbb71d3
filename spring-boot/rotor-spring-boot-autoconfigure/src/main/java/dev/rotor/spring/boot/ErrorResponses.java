package dev.rotor.spring.boot;

import dev.rotor.RotorException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Writes Rotor's JSON bodies on a servlet response: the status and body come from core's {@link RotorException}. */
final class ErrorResponses {

    static final String JSON = "application/json; charset=utf-8";

    private ErrorResponses() {}

    /** The client's language for messages: {@code zh} gets the original Go service's Chinese, anything else English. */
    static Locale locale(HttpServletRequest request) {
        String language = request.getHeader("Accept-Language");
        return language != null && language.trim().toLowerCase(Locale.ROOT).startsWith("zh")
                ? Locale.SIMPLIFIED_CHINESE
                : Locale.ENGLISH;
    }

    static void write(HttpServletResponse response, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(JSON);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /**
     * The {@code WWW-Authenticate} value for a refused bearer token: {@code Bearer error="invalid_token"} with
     * core's English message as the description, reduced to the characters RFC 6750 allows there.
     */
    static String bearerChallenge(RotorException refused) {
        String description = refused.message(Locale.ENGLISH).replaceAll("[^\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]", "?");
        return "Bearer error=\"invalid_token\", error_description=\"" + description + "\"";
    }

    /** A JSON string literal. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** The original Go service's body for a refusal that is not about a token, its fields in that service's order. */
    static String body(int status, String reason, String message) {
        return "{\"error\":{\"code\":" + status + ",\"reason\":" + quote(reason) + ",\"message\":" + quote(message)
                + "}}";
    }
}
