package dev.rotor.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Serves the demo page ({@code GET /}), its script and the {@code rotor-browser} module from the jar, and hands
 * every other request to the API. The files are read once, at start.
 */
final class WebPages implements HttpHandler {

    /** Only scripts of this server, no framing: the page holds an access token in memory. */
    private static final String PAGE_POLICY =
            "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none';"
                    + " form-action 'none'";

    private record File(String contentType, byte[] bytes) {}

    private final Map<String, File> files;
    private final HttpHandler api;

    WebPages(HttpHandler api) {
        this.api = api;
        this.files = Map.of(
                "/", new File("text/html; charset=utf-8", resource("index.html")),
                "/demo.js", new File("text/javascript; charset=utf-8", resource("demo.js")),
                "/rotor-browser.js", new File("text/javascript; charset=utf-8", resource("rotor-browser.js")));
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        File file = files.get(http.getRequestURI().getPath());
        if (file == null) {
            api.handle(http);
            return;
        }
        String method = http.getRequestMethod();
        try (http) {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                http.getResponseHeaders().set("Allow", "GET, HEAD");
                http.sendResponseHeaders(405, -1);
                return;
            }
            http.getResponseHeaders().set("Content-Type", file.contentType());
            http.getResponseHeaders().set("Cache-Control", "no-cache");
            http.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            http.getResponseHeaders().set("Content-Security-Policy", PAGE_POLICY);
            http.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            if (method.equals("HEAD")) {
                http.sendResponseHeaders(200, -1);
                return;
            }
            http.sendResponseHeaders(200, file.bytes().length);
            try (OutputStream out = http.getResponseBody()) {
                out.write(file.bytes());
            }
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebPages.class.getResourceAsStream("web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("web/" + name + " is missing from the jar: build it with Maven");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
