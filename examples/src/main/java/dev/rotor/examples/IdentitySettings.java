package dev.rotor.examples;

import dev.rotor.JwtKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * What makes the example server an identity provider other services can trust: how it signs, and what its
 * access tokens say. Read from environment variables (see {@link ServerSettings} for the table).
 *
 * @param algorithm {@code HS256}, {@code RS256} or {@code ES256}
 * @param privateKeyPem the PKCS#8 PEM text of {@code JWT_PRIVATE_KEY_FILE}, or {@code null} to generate a pair
 * @param refreshTokenKey the refresh tokens' own HS256 key, from {@code REFRESH_TOKEN_SECRET}, or {@code null} to
 *     generate one; a {@link JwtKey} never shows its secret
 * @param issuer the {@code iss} claim, or {@code null} for Rotor's default
 * @param audience the access tokens' {@code aud}, or {@code null} for none
 * @param clientId the access tokens' {@code client_id}, or {@code null} for none
 * @param liveSessionCheck how stale a live-session answer may be, or {@code null} for no live-session check
 */
public record IdentitySettings(
        String algorithm,
        String privateKeyPem,
        JwtKey refreshTokenKey,
        String issuer,
        String audience,
        String clientId,
        Duration liveSessionCheck) {

    /** The refresh endpoint's path, which the refresh tokens' audience names. */
    static final String REFRESH_PATH = "/api/v1/auth/refresh";

    /**
     * Reads the settings.
     *
     * @param env the environment
     * @return the settings
     * @throws IllegalArgumentException naming the variable whose value is malformed or whose file is unreadable
     */
    public static IdentitySettings fromEnvironment(Map<String, String> env) {
        String algorithm = env.getOrDefault("JWT_ALG", "HS256").trim().toUpperCase(Locale.ROOT);
        if (!algorithm.equals("HS256") && !algorithm.equals("RS256") && !algorithm.equals("ES256")) {
            throw new IllegalArgumentException("JWT_ALG must be HS256, RS256 or ES256");
        }
        String keyFile = blankToNull(env.get("JWT_PRIVATE_KEY_FILE"));
        if (keyFile != null && algorithm.equals("HS256")) {
            throw new IllegalArgumentException("JWT_PRIVATE_KEY_FILE needs JWT_ALG=RS256 or ES256");
        }
        if (env.get("JWT_SECRET") != null && !algorithm.equals("HS256")) {
            throw new IllegalArgumentException(
                    "JWT_SECRET is for JWT_ALG=HS256: with " + algorithm + " unset it and set JWT_PRIVATE_KEY_FILE");
        }
        String refreshSecret = blankToNull(env.get("REFRESH_TOKEN_SECRET"));
        String issuer = blankToNull(env.get("ISSUER"));
        if (issuer != null && issuer.endsWith("/")) {
            throw new IllegalArgumentException("ISSUER must not end with /: resource servers compare iss exactly,"
                    + " and the metadata's URLs are made from it (write https://auth.example.com)");
        }
        String liveCheck = blankToNull(env.get("LIVE_SESSION_CHECK_SECONDS"));
        return new IdentitySettings(
                algorithm,
                keyFile == null ? null : read(keyFile),
                refreshSecret == null ? null : hs256("REFRESH_TOKEN_SECRET", "refresh", refreshSecret),
                issuer,
                blankToNull(env.get("AUDIENCE")),
                blankToNull(env.get("CLIENT_ID")),
                liveCheck == null ? null : Duration.ofSeconds(seconds(liveCheck)));
    }

    /**
     * The issuer, from which the metadata's and the refresh audience's URLs are made, or {@code null} if it is
     * no http(s) URL. It never ends with {@code /}: {@link #fromEnvironment} refuses that.
     */
    String issuerUrl() {
        return issuer != null && (issuer.startsWith("https://") || issuer.startsWith("http://")) ? issuer : null;
    }

    /**
     * An HS256 key from a variable's text, refused as {@link JwtKey#hs256(String, byte[])} refuses it.
     *
     * @throws IllegalArgumentException naming the variable, if the secret is too short
     */
    static JwtKey hs256(String variable, String keyId, String secret) {
        try {
            return JwtKey.hs256(keyId, secret.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + ": " + e.getMessage());
        }
    }

    /**
     * The settings without the private key's text, which only shows whether there is one; the refresh-token key
     * names itself without its secret.
     *
     * @return the settings, safe to log
     */
    @Override
    public String toString() {
        return "IdentitySettings[algorithm=" + algorithm + ", privateKeyPem="
                + (privateKeyPem == null ? "none" : "(redacted)") + ", refreshTokenKey=" + refreshTokenKey
                + ", issuer=" + issuer + ", audience=" + audience + ", clientId=" + clientId
                + ", liveSessionCheck=" + liveSessionCheck + "]";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("JWT_PRIVATE_KEY_FILE cannot be read: " + file);
        }
    }

    private static long seconds(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds >= 0 && seconds <= 86_400) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("LIVE_SESSION_CHECK_SECONDS must be a whole number from 0 to 86400");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
