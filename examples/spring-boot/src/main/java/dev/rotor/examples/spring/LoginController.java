package dev.rotor.examples.spring;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rotor.spring.boot.RotorTokenResponses;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/auth/login {"username","password","device_id"?}}: the application's own login. Once it
 * has checked the credentials, one call to {@link RotorTokenResponses#issue} opens the session and writes the
 * reply (the refresh token in the body, or in the cookie in cookie mode).
 */
@RestController
class LoginController {

    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final DemoUsers users;
    private final RotorTokenResponses responses;

    LoginController(DemoUsers users, RotorTokenResponses responses) {
        this.users = users;
        this.responses = responses;
    }

    @PostMapping("/api/v1/auth/login")
    ResponseEntity<String> login(HttpServletRequest request) throws IOException {
        JsonNode body = body(request);
        String username = text(body, "username");
        if (!users.check(username, text(body, "password"))) {
            throw new ApiError(401, "INVALID_CREDENTIALS", "Username or password is wrong");
        }
        String deviceId = text(body, "device_id");
        if (deviceId != null && (deviceId.isEmpty() || deviceId.length() > 256)) {
            throw new ApiError(400, "INVALID_REQUEST", "'device_id' must be 1 to 256 characters");
        }
        return responses.issue(username, deviceId, Map.of());
    }

    private static JsonNode body(HttpServletRequest request) throws IOException {
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ApiError(400, "BODY_TOO_LARGE", "The body must be at most 64 KB");
        }
        if (bytes.length == 0) {
            return JSON.createObjectNode();
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).trim().matches("application/json\\s*(;.*)?")) {
            throw new ApiError(400, "INVALID_CONTENT_TYPE", "Content-Type must be application/json");
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // reported below, without echoing the body
        }
        throw new ApiError(400, "INVALID_JSON", "The body must be a JSON object");
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ApiError(400, "INVALID_REQUEST", "'" + field + "' must be a string");
        }
        return value.textValue();
    }
}
