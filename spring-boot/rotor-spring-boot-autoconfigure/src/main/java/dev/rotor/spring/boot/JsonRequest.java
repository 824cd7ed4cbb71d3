package dev.rotor.spring.boot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;

/** Reads one endpoint request with the example server's limits: 64 KB, one JSON object, distinct names. */
final class JsonRequest {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A refusal that is not about a token, in the original Go service's body. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String reason;

        Refusal(int status, String reason, String message) {
            super(message, null, false, false);
            this.status = status;
            this.reason = reason;
        }
    }

    private final HttpServletRequest request;
    private final ObjectNode body;

    JsonRequest(HttpServletRequest request) throws IOException {
        this.request = request;
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new Refusal(400, "BODY_TOO_LARGE", "The body must be at most 64 KB");
        }
        if (bytes.length == 0) {
            this.body = JSON.createObjectNode();
            return;
        }
        requireJsonContentType();
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node instanceof ObjectNode object) {
                this.body = object;
                return;
            }
        } catch (JsonProcessingException e) {
            // reported below, without echoing the body
        }
        throw new Refusal(400, "INVALID_JSON", "The body must be a JSON object");
    }

    /** A string field, or {@code null} when absent; a field of another type is refused. */
    String text(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new Refusal(400, "INVALID_REQUEST", "'" + field + "' must be a string");
        }
        return value.textValue();
    }

    /**
     * Refuses a request that does not say {@code Content-Type: application/json}: a page of another origin
     * cannot send that without a CORS preflight, so it cannot use the cookie behind the user's back.
     */
    void requireJsonContentType() {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).trim().matches("application/json\\s*(;.*)?")) {
            throw new Refusal(400, "INVALID_CONTENT_TYPE", "Content-Type must be application/json");
        }
    }

    String cookie(String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(name)) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    String bearerToken() {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }

    Locale locale() {
        return ErrorResponses.locale(request);
    }
}
