package dev.rotor.examples;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, HTTP and gRPC alike: {@code POST /api/v1/auth/refresh -> 401 TOKEN_REUSED}, or for
 * gRPC, whose calls are HTTP/2 POSTs to the method's path, {@code POST
 * /rotor.examples.auth.v1.AuthService/RefreshToken -> UNAUTHENTICATED TOKEN_REUSED}. Never a token.
 */
final class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("dev.rotor.examples.access");

    private AccessLog() {}

    static void request(String method, String path, Object status, String reason) {
        LOG.info("{} {} -> {} {}", printable(method), printable(path), status, reason);
    }

    /** A request line's part as it may be logged: control characters (forged log lines) and overlong text cut. */
    static String printable(String text) {
        String cut = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
