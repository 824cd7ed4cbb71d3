package dev.rotor;

import dev.rotor.spi.SessionRecord;
import java.time.Instant;

/**
 * Mints the pair for a session's current generation. Both tokens are a pure function of the stored record
 * and the claims, with {@code iat} the time of the rotation, so minting the same generation again (a driver
 * retry, a grace replay) gives byte-identical tokens with a deterministic signature (HS256, RS256). Neither
 * token outlives the session: the access token's {@code exp} is capped at the session's end.
 */
final class PairMinter {

    private final TokenCodec codec;
    private final long accessTtlSeconds;

    PairMinter(TokenCodec codec, long accessTtlSeconds) {
        this.codec = codec;
        this.accessTtlSeconds = accessTtlSeconds;
    }

    /**
     * Fails if the tokens of this session could ever outgrow the configured maximum length, whatever the
     * generation and times: checked before anything is stored or rotated, never after. Usually decided from
     * lengths alone; only tokens near the limit are written out to measure.
     *
     * @throws IllegalArgumentException naming the length and the limit
     */
    void checkRoom(
            String subject,
            String sessionId,
            String deviceId,
            String clientId,
            String sessionClaims,
            String accessClaims) {
        String longerClaims = sessionClaims.length() >= accessClaims.length() ? sessionClaims : accessClaims;
        if (codec.surelyFits(subject, sessionId, deviceId, clientId, longerClaims)) {
            return;
        }
        long latest = PayloadParser.MAX_EPOCH_SECOND;
        codec.checkRefreshFits(subject, sessionId, Long.MAX_VALUE, deviceId, clientId, latest, latest, sessionClaims);
        codec.checkAccessFits(subject, sessionId, Long.MAX_VALUE, deviceId, clientId, latest, latest, accessClaims);
    }

    /**
     * @param clientId the login's own client id, carried in both tokens; {@code null} for the configured one
     * @param sessionClaims the login's custom claims, carried in the refresh token unchanged
     * @param accessClaims the custom claims of the access token
     */
    TokenPair mint(SessionRecord session, String clientId, String sessionClaims, String accessClaims, Instant now) {
        long iat = session.rotatedAt().getEpochSecond();
        long sessionEnd = session.expiresAt().getEpochSecond();
        long accessExp = Math.min(iat + accessTtlSeconds, sessionEnd);
        String refresh = codec.mintRefresh(
                session.subject(),
                session.sessionId(),
                session.generation(),
                session.deviceId(),
                clientId,
                iat,
                sessionEnd,
                sessionClaims);
        String access = codec.mintAccess(
                session.subject(),
                session.sessionId(),
                session.generation(),
                session.deviceId(),
                clientId,
                iat,
                accessExp,
                accessClaims);
        return new TokenPair(access, refresh, Math.max(0, accessExp - now.getEpochSecond()), session.sessionId());
    }
}
