package dev.rotor.examples;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads JSON requests with limits and writes JSON replies, for one {@link HttpExchange}. */
final class JsonExchange {

    static final int MAX_BODY_BYTES = 64 * 1024;
    /** Refuses a name twice in one object and anything after the value, which a proxy might read otherwise. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final HttpExchange exchange;

    JsonExchange(HttpExchange exchange) {
        this.exchange = exchange;
    }

    /**
     * The request body as a JSON object; an empty body is an empty object.
     *
     * @throws ApiError if the body is over 64 KB, not {@code application/json}, or not one JSON object with
     *     distinct names
     */
    ObjectNode body() throws IOException {
        byte[] bytes = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES);
        if (bytes.length == 0) {
            return JSON.createObjectNode();
        }
        requireJsonContentType();
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below, without echoing the body
        }
        throw ApiError.badRequest("INVALID_JSON", "The body must be a JSON object");
    }

    /**
     * Refuses a request that does not say {@code Content-Type: application/json}.
     *
     * @throws ApiError if it does not
     */
    void requireJsonContentType() {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).trim().matches("application/json\\s*(;.*)?")) {
            throw ApiError.badRequest("INVALID_CONTENT_TYPE", "Content-Type must be application/json");
        }
    }

    /**
     * A string field of the body, or {@code null} if absent.
     *
     * @throws ApiError if present but not a string
     */
    static String text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest("INVALID_REQUEST", "'" + field + "' must be a string");
        }
        return value.textValue();
    }

    /** The token of an {@code Authorization: Bearer} header, or {@code null}. */
    String bearerToken() {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }

    /** The value of a request cookie, or {@code null}. */
    String cookie(String name) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String pair : header.split(";")) {
                String trimmed = pair.trim();
                if (trimmed.startsWith(name + "=")) {
                    return trimmed.substring(name.length() + 1);
                }
            }
        }
        return null;
    }

    Locale locale() {
        String language = exchange.getRequestHeaders().getFirst("Accept-Language");
        return language != null && language.trim().toLowerCase(Locale.ROOT).startsWith("zh")
                ? Locale.SIMPLIFIED_CHINESE
                : Locale.ENGLISH;
    }

    void reply(int status, Object body) throws IOException {
        reply(status, JSON.writeValueAsBytes(body));
    }

    void replyRaw(int status, String json) throws IOException {
        reply(status, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A public, cacheable JSON reply: the JWK Set and the metadata. */
    void replyPublic(String json, int maxAgeSeconds) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "public, max-age=" + maxAgeSeconds);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** {@code http://} and the address this request came in on, as the server itself sees it (not the Host header). */
    String ownUrl() {
        java.net.InetSocketAddress local = exchange.getLocalAddress();
        String host = local.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + local.getPort();
    }

    void noContent() throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    void header(String name, String value) {
        exchange.getResponseHeaders().add(name, value);
    }

    private void reply(int status, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw ApiError.badRequest("BODY_TOO_LARGE", "The body must be at most 64 KB");
        }
        return bytes;
    }
}
