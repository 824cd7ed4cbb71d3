package dev.rotor.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rotor.TokenEvent;
import dev.rotor.TokenEventListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The example server on free ports, with an HTTP helper and the events it published. */
final class RunningServer implements AutoCloseable {

    static final String SECRET = "an example secret of at least 32 bytes";
    static final String REFRESH_SECRET = "the refresh tokens' own secret, 32 bytes";
    static final ObjectMapper JSON = new ObjectMapper();

    final ExampleServer server;
    final List<TokenEvent> events = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    RunningServer(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(
                Map.of("PORT", "0", "GRPC_PORT", "0", "JWT_SECRET", SECRET, "REFRESH_TOKEN_SECRET", REFRESH_SECRET));
        all.putAll(env);
        if (!all.getOrDefault("JWT_ALG", "HS256").equals("HS256") && !env.containsKey("JWT_SECRET")) {
            all.remove("JWT_SECRET"); // refused with RS256 and ES256
        }
        TokenEventListener recorder = events::add;
        this.server = ExampleServer.start(ServerSettings.fromEnvironment(all), recorder);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.httpPort() + path);
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> postJson(String path, Map<String, ?> body) {
        try {
            return post(path, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> get(String path, String accessToken) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + accessToken)
                .GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode login(String device) {
        HttpResponse<String> response = postJson(
                "/api/v1/auth/login", Map.of("username", "alice", "password", "wonderland", "device_id", device));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + response.body());
        }
        return json(response);
    }

    HttpResponse<String> refresh(String refreshToken) {
        return postJson("/api/v1/auth/refresh", Map.of("refresh_token", refreshToken));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String reason(HttpResponse<String> response) {
        return json(response).path("error").path("reason").asText();
    }

    @Override
    public void close() {
        server.close();
    }
}
