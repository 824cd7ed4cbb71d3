package dev.rotor;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a session. Never carries a token.
 *
 * @param type what happened
 * @param time when, by Rotor's clock
 * @param subject the user
 * @param sessionId the session, or {@code null} for {@link Type#REVOKED} of all sessions
 * @param deviceId the session's device, or {@code null}
 * @param presentedGeneration the generation of the refresh token presented, or -1 when none was
 * @param currentGeneration the session's generation after the event, or -1 when unknown
 * @param sinceRotation time since the session's last rotation, for {@link Type#REUSE_DETECTED} and {@link
 *     Type#GRACE_REPLAY}; {@code null} otherwise
 * @param revokedSessions how many live sessions the event revoked
 */
public record TokenEvent(
        Type type,
        Instant time,
        String subject,
        String sessionId,
        String deviceId,
        long presentedGeneration,
        long currentGeneration,
        Duration sinceRotation,
        int revokedSessions) {

    /**
     * Checks the components.
     *
     * @param type see {@link #type()}
     * @param time see {@link #time()}
     * @param subject see {@link #subject()}
     * @param sessionId see {@link #sessionId()}
     * @param deviceId see {@link #deviceId()}
     * @param presentedGeneration see {@link #presentedGeneration()}
     * @param currentGeneration see {@link #currentGeneration()}
     * @param sinceRotation see {@link #sinceRotation()}
     * @param revokedSessions see {@link #revokedSessions()}
     * @throws NullPointerException if the type, time or subject is {@code null}
     */
    public TokenEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
    }

    /** Kinds of events. */
    public enum Type {
        /** A login opened a session. */
        ISSUED,
        /** A refresh rotated a session to its next generation. */
        REFRESHED,
        /** A refresh was answered again, for a driver retry of a rotation that had already committed. */
        RETRY_ANSWERED,
        /** The predecessor was presented inside the grace period and got the same successor again. */
        GRACE_REPLAY,
        /**
         * A used refresh token was presented: likely theft. Sessions were revoked per the reuse scope, or none
         * when the session had already been revoked ({@link #revokedSessions()} says how many).
         */
        REUSE_DETECTED,
        /**
         * A logout revoked a session, or a logout of all sessions of the subject ran (reported even when it
         * found none to revoke; {@link #revokedSessions()} says how many).
         */
        REVOKED,
        /**
         * A login found the user at {@link TokenServiceBuilder#maxSessionsPerUser its session limit} and
         * evicted this, the user's oldest session; its refresh tokens are refused from now on.
         */
        SESSION_EVICTED
    }
}
