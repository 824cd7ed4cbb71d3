package dev.rotor;

import dev.rotor.spi.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The validated, immutable settings a {@link TokenServiceBuilder} builds; see its setters for each. */
record RotorConfig(
        JwtKey signingKey,
        List<JwtKey> verificationKeys,
        String issuer,
        List<String> audiences,
        String clientId,
        JwtKey refreshTokenKey,
        List<JwtKey> refreshTokenVerificationKeys,
        String refreshTokenAudience,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        Duration absoluteSessionLifetime,
        Clock clock,
        Duration leeway,
        SessionStore store,
        int maxSessionsPerUser,
        SessionLimitPolicy sessionLimitPolicy,
        ReuseScope reuseScope,
        Duration reuseGracePeriod,
        int maxGraceReplays,
        UserLookup userLookup,
        List<TokenEventListener> listeners,
        Duration liveSessionStaleness,
        int liveSessionCacheSize,
        int maxTokenLength,
        boolean oauth2Errors) {}
