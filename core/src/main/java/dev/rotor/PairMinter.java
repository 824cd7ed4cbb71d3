package dev.rotor;

import dev.rotor.spi.SessionRecord;
import java.time.Instant;

/**
 * Mints the pair for a session's current generation. Both tokens are a pure function of the stored record
 * and the claims, with {@code iat} the time of the rotation, so minting the same generation again (a driver
 * retry, a grace replay) gives byte-identical tokens with a deterministic signature (HS256, RS256).
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
     * generation and times: checked before anything is stored or rotated, never after.
     *
     * @throws IllegalArgumentException naming the length and the limit
     */
    void checkRoom(SessionRecord session, String sessionClaims, String accessClaims) {
        long latest = PayloadParser.MAX_EPOCH_SECOND;
        codec.checkRefreshFits(
                session.subject(),
                session.sessionId(),
                Long.MAX_VALUE,
                session.deviceId(),
                latest,
                latest,
                sessionClaims);
        codec.checkAccessFits(
                session.subject(),
                session.sessionId(),
                Long.MAX_VALUE,
                session.deviceId(),
                latest,
                latest,
                accessClaims);
    }

    /**
     * @param sessionClaims the login's custom claims, carried in the refresh token unchanged
     * @param accessClaims the custom claims of the access token
     */
    TokenPair mint(SessionRecord session, String sessionClaims, String accessClaims, Instant now) {
        long iat = session.rotatedAt().getEpochSecond();
        long accessExp = iat + accessTtlSeconds;
        String refresh = codec.mintRefresh(
                session.subject(),
                session.sessionId(),
                session.generation(),
                session.deviceId(),
                iat,
                session.expiresAt().getEpochSecond(),
                sessionClaims);
        String access = codec.mintAccess(
                session.subject(),
                session.sessionId(),
                session.generation(),
                session.deviceId(),
                iat,
                accessExp,
                accessClaims);
        return new TokenPair(access, refresh, Math.max(0, accessExp - now.getEpochSecond()), session.sessionId());
    }
}
