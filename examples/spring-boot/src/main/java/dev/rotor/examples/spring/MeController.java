package dev.rotor.examples.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rotor.AccessClaims;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who the bearer access token says the caller is; Spring Security verified it via Rotor. */
@RestController
class MeController {

    private static final ObjectMapper JSON = new ObjectMapper();

    @GetMapping("/api/v1/me")
    ResponseEntity<String> me(@AuthenticationPrincipal AccessClaims caller) throws Exception {
        ObjectNode reply = JSON.createObjectNode()
                .put("subject", caller.subject())
                .put("session_id", caller.sessionId())
                .put("device_id", caller.deviceId())
                .put("expires_at", caller.expiresAt().toString());
        reply.set("claims", JSON.valueToTree(caller.claims()));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(JSON.writeValueAsString(reply));
    }
}
