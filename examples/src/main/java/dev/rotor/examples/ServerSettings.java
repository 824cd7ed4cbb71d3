package dev.rotor.examples;

import dev.rotor.ReuseScope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The example server's configuration, read from environment variables.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>default</th></tr>
 *   <tr><td>{@code HOST}</td><td>{@code 127.0.0.1}</td></tr>
 *   <tr><td>{@code PORT}</td><td>8080 (HTTP)</td></tr>
 *   <tr><td>{@code GRPC_PORT}</td><td>9090</td></tr>
 *   <tr><td>{@code JWT_ALG}</td><td>{@code HS256}; {@code RS256} or {@code ES256} publish their public key at
 *       {@code /.well-known/jwks.json}</td></tr>
 *   <tr><td>{@code JWT_SECRET}</td><td>random per start (logged as a warning); at least 32 bytes; HS256 only: with RS256 or ES256 the start fails</td></tr>
 *   <tr><td>{@code JWT_PRIVATE_KEY_FILE}</td><td>RS256/ES256: a PKCS#8 PEM private key; without it a key pair is
 *       generated per start (logged as a warning)</td></tr>
 *   <tr><td>{@code REFRESH_TOKEN_SECRET}</td><td>the refresh tokens' own HS256 secret, at least 32 bytes; random
 *       per start (logged as a warning)</td></tr>
 *   <tr><td>{@code ISSUER}</td><td>{@code rotor}; an http(s) URL, such as {@code https://auth.example.com}, also
 *       makes the metadata's URLs and the refresh tokens' audience ({@code ISSUER/api/v1/auth/refresh}); no
 *       trailing {@code /}</td></tr>
 *   <tr><td>{@code AUDIENCE}</td><td>none: access tokens carry no {@code aud}</td></tr>
 *   <tr><td>{@code CLIENT_ID}</td><td>none: access tokens carry no {@code client_id}</td></tr>
 *   <tr><td>{@code LIVE_SESSION_CHECK_SECONDS}</td><td>off; a number turns on the live-session check, so a logout
 *       ends the session's access tokens too (on other instances within that many seconds)</td></tr>
 *   <tr><td>{@code ACCESS_TTL_SECONDS}</td><td>900</td></tr>
 *   <tr><td>{@code REFRESH_TTL_SECONDS}</td><td>604800</td></tr>
 *   <tr><td>{@code REUSE_GRACE_SECONDS}</td><td>0 (off); when on, one replay per rotation</td></tr>
 *   <tr><td>{@code REUSE_SCOPE}</td><td>{@code ALL_SESSIONS}, or {@code SESSION}</td></tr>
 *   <tr><td>{@code DEMO_USERS}</td><td>{@code alice:wonderland}</td></tr>
 *   <tr><td>{@code REDIS_URL}</td><td>none: in-memory store; {@code redis://host:port}, or a comma list of
 *       {@code host:port} for a Redis Cluster</td></tr>
 *   <tr><td>{@code DATABASE_URL}</td><td>none; {@code jdbc:postgresql://host:port/db?user=...&password=...} for the
 *       PostgreSQL store, pooled with HikariCP, whose tables the server creates if missing; not with {@code
 *       REDIS_URL}</td></tr>
 *   <tr><td>{@code REFRESH_TOKEN_COOKIE}</td><td>{@code false}; {@code true} sends the refresh token as an
 *       {@code HttpOnly; Secure; SameSite=Strict} cookie instead of in the body; a request that uses the cookie
 *       must say {@code Content-Type: application/json}</td></tr>
 * </table>
 *
 * @param host the address to listen on
 * @param httpPort HTTP port, 0 for any free one
 * @param grpcPort gRPC port, 0 for any free one
 * @param jwtSecret the HS256 secret, or {@code null} to generate one
 * @param accessTtl access-token lifetime
 * @param refreshTtl refresh-token lifetime
 * @param reuseGrace grace period, zero for off
 * @param reuseScope what a reuse revokes
 * @param demoUsers the {@code name:password} list
 * @param redisUrl where Redis is, or {@code null} for the in-memory store
 * @param databaseUrl where PostgreSQL is (a JDBC URL), or {@code null}
 * @param refreshTokenCookie whether the refresh token travels in a cookie
 * @param identity how tokens are signed and what they say
 */
public record ServerSettings(
        String host,
        int httpPort,
        int grpcPort,
        byte[] jwtSecret,
        Duration accessTtl,
        Duration refreshTtl,
        Duration reuseGrace,
        ReuseScope reuseScope,
        String demoUsers,
        String redisUrl,
        String databaseUrl,
        boolean refreshTokenCookie,
        IdentitySettings identity) {

    /**
     * Reads the settings.
     *
     * @param env the environment, such as {@link System#getenv()}
     * @return the settings
     * @throws IllegalArgumentException naming the variable whose value is malformed
     */
    public static ServerSettings fromEnvironment(Map<String, String> env) {
        String secret = env.get("JWT_SECRET");
        if (secret != null) {
            IdentitySettings.hs256("JWT_SECRET", "example", secret); // the length rule is JwtKey's
        }
        String databaseUrl = blankAsNull(env.get("DATABASE_URL"));
        if (databaseUrl != null && !databaseUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("DATABASE_URL must be a jdbc:postgresql://host:port/database URL");
        }
        if (databaseUrl != null && blankAsNull(env.get("REDIS_URL")) != null) {
            throw new IllegalArgumentException("set REDIS_URL or DATABASE_URL, not both");
        }
        return new ServerSettings(
                env.getOrDefault("HOST", "127.0.0.1"),
                number(env, "PORT", 8080, 0, 65535),
                number(env, "GRPC_PORT", 9090, 0, 65535),
                secret == null ? null : secret.getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(number(env, "ACCESS_TTL_SECONDS", 900, 1, Integer.MAX_VALUE)),
                Duration.ofSeconds(number(env, "REFRESH_TTL_SECONDS", 604_800, 1, Integer.MAX_VALUE)),
                Duration.ofSeconds(number(env, "REUSE_GRACE_SECONDS", 0, 0, 3600)),
                scope(env.getOrDefault("REUSE_SCOPE", "ALL_SESSIONS")),
                env.getOrDefault("DEMO_USERS", "alice:wonderland"),
                env.get("REDIS_URL"),
                databaseUrl,
                Boolean.parseBoolean(env.getOrDefault("REFRESH_TOKEN_COOKIE", "false")),
                IdentitySettings.fromEnvironment(env));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int number(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max);
    }

    private static ReuseScope scope(String value) {
        try {
            return ReuseScope.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("REUSE_SCOPE must be ALL_SESSIONS or SESSION");
        }
    }
}
