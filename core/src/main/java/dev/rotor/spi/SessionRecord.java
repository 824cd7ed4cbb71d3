package dev.rotor.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one record a store keeps per session (a "token family"). It names the current generation of the
 * session's refresh token and the times needed to mint it again; it never holds a token.
 *
 * <p>A revoked session stays stored, marked {@link #revoked()}, until it expires, so that a used refresh
 * token presented after the revocation is still recognised as reuse.
 *
 * <p>Times come from the clocks of whichever instances wrote them, so they need not be in order: an instance
 * whose clock is behind may rotate a session "before" it was created.
 *
 * @param sessionId random id of the session, unique across subjects
 * @param subject the user the session belongs to
 * @param deviceId the device the session was opened on, or {@code null}
 * @param createdAt when the session was opened (login)
 * @param generation generation of the current refresh token; 0 at login, +1 per rotation
 * @param rotatedAt when the current generation was minted; its tokens' {@code iat}
 * @param expiresAt when the current refresh token expires (sliding), never after {@code absoluteExpiresAt}
 * @param absoluteExpiresAt the session's hard end that rotation never extends, or {@code null} for none
 * @param lastRequestId id of the refresh call that minted the current generation, or {@code null} at login
 * @param replayRequestIds ids of the refresh calls that were handed the current generation again inside the
 *     grace period, oldest first; empty after a rotation
 * @param revoked whether the session was logged out or revoked for reuse
 */
public record SessionRecord(
        String sessionId,
        String subject,
        String deviceId,
        Instant createdAt,
        long generation,
        Instant rotatedAt,
        Instant expiresAt,
        Instant absoluteExpiresAt,
        String lastRequestId,
        List<String> replayRequestIds,
        boolean revoked) {

    /**
     * Checks the components.
     *
     * @param sessionId see {@link #sessionId()}
     * @param subject see {@link #subject()}
     * @param deviceId see {@link #deviceId()}
     * @param createdAt see {@link #createdAt()}
     * @param generation see {@link #generation()}
     * @param rotatedAt see {@link #rotatedAt()}
     * @param expiresAt see {@link #expiresAt()}
     * @param absoluteExpiresAt see {@link #absoluteExpiresAt()}
     * @param lastRequestId see {@link #lastRequestId()}
     * @param replayRequestIds see {@link #replayRequestIds()}
     * @param revoked see {@link #revoked()}
     * @throws NullPointerException if a required component is {@code null}
     * @throws IllegalArgumentException if the generation is negative or the expiry passes the absolute expiry
     */
    public SessionRecord {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(rotatedAt, "rotatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        replayRequestIds = List.copyOf(Objects.requireNonNull(replayRequestIds, "replayRequestIds"));
        if (generation < 0) {
            throw new IllegalArgumentException("generation must not be negative");
        }
        if (absoluteExpiresAt != null && expiresAt.isAfter(absoluteExpiresAt)) {
            throw new IllegalArgumentException("expiresAt must not be after absoluteExpiresAt");
        }
    }

    /**
     * Opens a session at generation 0.
     *
     * @param sessionId random session id
     * @param subject the user
     * @param deviceId the device, or {@code null}
     * @param now the login time
     * @param refreshTtl lifetime of a refresh token
     * @param absoluteLifetime the session's hard lifetime, or {@code null} for none
     * @return the new record
     */
    public static SessionRecord open(
            String sessionId,
            String subject,
            String deviceId,
            Instant now,
            Duration refreshTtl,
            Duration absoluteLifetime) {
        Instant absolute = absoluteLifetime == null ? null : now.plus(absoluteLifetime);
        return new SessionRecord(
                sessionId,
                subject,
                deviceId,
                now,
                0,
                now,
                cap(now.plus(refreshTtl), absolute),
                absolute,
                null,
                List.of(),
                false);
    }

    /**
     * Whether the session's lifetime is over; an expired record is as good as absent.
     *
     * @param now the time to judge at
     * @return {@code true} once {@code now} has reached {@link #expiresAt()}
     */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * Whether the session can still be refreshed: neither revoked nor expired.
     *
     * @param now the time to judge at
     * @return {@code true} if the session is live
     */
    public boolean isActive(Instant now) {
        return !revoked && !isExpired(now);
    }

    /**
     * The record after a successful rotation at {@code now}: the next generation, a sliding expiry that
     * never passes the absolute one, and the grace counter reset.
     *
     * @param now the rotation time
     * @param refreshTtl lifetime of a refresh token
     * @param requestId id of the refresh call that rotates
     * @return the rotated record
     */
    public SessionRecord rotated(Instant now, Duration refreshTtl, String requestId) {
        return new SessionRecord(
                sessionId,
                subject,
                deviceId,
                createdAt,
                generation + 1,
                now,
                cap(now.plus(refreshTtl), absoluteExpiresAt),
                absoluteExpiresAt,
                requestId,
                List.of(),
                false);
    }

    /**
     * The record after the current generation was handed out once more inside the grace period.
     *
     * @param requestId id of the refresh call that got the replay
     * @return this record with {@code requestId} added to its {@link #replayRequestIds()}
     */
    public SessionRecord replayedInGrace(String requestId) {
        return new SessionRecord(
                sessionId,
                subject,
                deviceId,
                createdAt,
                generation,
                rotatedAt,
                expiresAt,
                absoluteExpiresAt,
                lastRequestId,
                withAdded(replayRequestIds, requestId),
                false);
    }

    /**
     * The record marked revoked; it keeps its generation so later presentations are recognised.
     *
     * @return this record, revoked
     */
    public SessionRecord markedRevoked() {
        return new SessionRecord(
                sessionId,
                subject,
                deviceId,
                createdAt,
                generation,
                rotatedAt,
                expiresAt,
                absoluteExpiresAt,
                lastRequestId,
                replayRequestIds,
                true);
    }

    /**
     * How many times the current generation was handed out again inside the grace period.
     *
     * @return the number of {@link #replayRequestIds()}
     */
    public int graceReplays() {
        return replayRequestIds.size();
    }

    private static List<String> withAdded(List<String> ids, String id) {
        List<String> added = new ArrayList<>(ids);
        added.add(id);
        return added;
    }

    /** The sliding {@code expiry}, never after the {@code absolute} one if there is one. */
    static Instant cap(Instant expiry, Instant absolute) {
        return absolute != null && absolute.isBefore(expiry) ? absolute : expiry;
    }
}
