package dev.rotor;

import java.time.Instant;

/**
 * One live session of a subject, as {@link TokenService#sessions} lists it.
 *
 * @param sessionId the session id
 * @param deviceId the device given at login, or {@code null}
 * @param createdAt when the user logged in
 * @param lastRefreshedAt when the session's refresh token was last rotated (the login time if never)
 * @param expiresAt when the session ends unless it is refreshed before
 */
public record SessionInfo(
        String sessionId, String deviceId, Instant createdAt, Instant lastRefreshedAt, Instant expiresAt) {}
