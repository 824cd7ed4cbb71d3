package dev.rotor.spring.boot;

import dev.rotor.ReuseScope;
import dev.rotor.SessionLimitPolicy;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.core.io.Resource;

/**
 * Rotor's settings under {@code rotor.*}. Each maps onto one setting of {@link dev.rotor.TokenServiceBuilder},
 * whose javadoc holds the rules; unset values keep the builder's defaults.
 */
@ConfigurationProperties("rotor")
public class RotorProperties {

    /** Creates the settings with their defaults. */
    public RotorProperties() {}

    /** The {@code iss} claim written and required. */
    private String issuer = "rotor";

    /**
     * The audiences written to access tokens, of which a token's aud must name one: this API's identifiers, such
     * as https://api.example.com. None when unset, and then a token with any aud is refused.
     */
    private List<String> audience = new ArrayList<>();

    /** The client_id claim of access tokens (RFC 9068); none when unset. */
    private String clientId;

    /** The only aud of refresh tokens, the refresh endpoint; default the issuer followed by /refresh. */
    private String refreshTokenAudience;

    /** How long an access token lives, in whole seconds. */
    private Duration accessTokenTtl = Duration.ofMinutes(15);

    /** How long a refresh token lives; each rotation restarts it. */
    private Duration refreshTokenTtl = Duration.ofDays(7);

    /** The hard end of a session counted from login, which rotation never extends; none when unset. */
    private Duration absoluteSessionLifetime;

    /** Clock skew tolerated on access-token expiry and on every token's iat and nbf, 0 to 600 whole seconds. */
    private Duration leeway = Duration.ZERO;

    /** What a detected reuse of a refresh token revokes. */
    private ReuseScope reuseScope = ReuseScope.ALL_SESSIONS;

    /** Grace period after a rotation during which the replaced refresh token gets the same successor again; 0 is off. */
    private Duration reuseGracePeriod = Duration.ZERO;

    /** How many replays each rotation allows inside the grace period, 1 to 100. */
    private int reuseGraceMaxReplays = 1;

    /** The most sessions one user may hold, 1 to 100000. */
    private int maxSessionsPerUser = 100;

    /** What a login beyond max-sessions-per-user does: evict the user's oldest session, or be refused. */
    private SessionLimitPolicy sessionLimitPolicy = SessionLimitPolicy.EVICT_OLDEST;

    /** The longest token accepted, 512 to 1048576 characters; longer ones are refused before decoding. */
    private int maxTokenLength = 8192;

    /** Whether refresh, logout and store failures answer as an OAuth 2.0 token endpoint (RFC 6749 section 5.2). */
    private boolean oauth2Errors;

    /** The key that signs new tokens. */
    private final SigningKey signingKey = new SigningKey();

    /**
     * The key of refresh tokens, never published; default HS256 keys derived from the access-token keys' secret
     * parts.
     */
    private final RefreshTokenKey refreshTokenKey = new RefreshTokenKey();

    /** Retired keys that only verify, so tokens signed before a key rotation stay valid until they expire. */
    private final List<VerificationKey> verificationKeys = new ArrayList<>();

    /** Checking on each access-token verification that the token's session is still live. */
    private final LiveSessionCheck liveSessionCheck = new LiveSessionCheck();

    /** The session store. */
    private final Store store = new Store();

    /** Spring Security integration. */
    private final Security security = new Security();

    /** The token endpoints and how tokens travel over HTTP. */
    private final Web web = new Web();

    /**
     * The {@code iss} claim written and required.
     *
     * @return the value
     */
    public String getIssuer() {
        return issuer;
    }

    /**
     * Sets: the {@code iss} claim written and required.
     *
     * @param issuer the value
     */
    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    /**
     * The audiences written to access tokens, of which a token's aud must name one: this API's identifiers, such as https://api.example.com. None when unset, and then a token with any aud is refused.
     *
     * @return the value
     */
    public List<String> getAudience() {
        return audience;
    }

    /**
     * Sets: the audiences written to access tokens, of which a token's aud must name one: this API's identifiers, such as https://api.example.com. None when unset, and then a token with any aud is refused.
     *
     * @param audience the value
     */
    public void setAudience(List<String> audience) {
        this.audience = audience;
    }

    /** The configured audiences, blank entries (an empty environment variable) dropped. */
    List<String> audiences() {
        return audience.stream()
                .filter(value -> value != null && !value.isBlank())
                .toList();
    }

    /**
     * The client_id claim of access tokens (RFC 9068); none when unset.
     *
     * @return the value
     */
    public String getClientId() {
        return clientId;
    }

    /**
     * Sets: the client_id claim of access tokens (RFC 9068); none when unset.
     *
     * @param clientId the value
     */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /**
     * The only aud of refresh tokens, the refresh endpoint; default the issuer followed by /refresh.
     *
     * @return the value
     */
    public String getRefreshTokenAudience() {
        return refreshTokenAudience;
    }

    /**
     * Sets: the only aud of refresh tokens, the refresh endpoint; default the issuer followed by /refresh.
     *
     * @param refreshTokenAudience the value
     */
    public void setRefreshTokenAudience(String refreshTokenAudience) {
        this.refreshTokenAudience = refreshTokenAudience;
    }

    /**
     * The key of refresh tokens, never published; default HS256 keys derived from the access-token keys' secret parts.
     *
     * @return the value
     */
    public RefreshTokenKey getRefreshTokenKey() {
        return refreshTokenKey;
    }

    /**
     * How long an access token lives, in whole seconds.
     *
     * @return the value
     */
    public Duration getAccessTokenTtl() {
        return accessTokenTtl;
    }

    /**
     * Sets: how long an access token lives, in whole seconds.
     *
     * @param accessTokenTtl the value
     */
    public void setAccessTokenTtl(Duration accessTokenTtl) {
        this.accessTokenTtl = accessTokenTtl;
    }

    /**
     * How long a refresh token lives; each rotation restarts it.
     *
     * @return the value
     */
    public Duration getRefreshTokenTtl() {
        return refreshTokenTtl;
    }

    /**
     * Sets: how long a refresh token lives; each rotation restarts it.
     *
     * @param refreshTokenTtl the value
     */
    public void setRefreshTokenTtl(Duration refreshTokenTtl) {
        this.refreshTokenTtl = refreshTokenTtl;
    }

    /**
     * The hard end of a session counted from login, which rotation never extends; none when unset.
     *
     * @return the value
     */
    public Duration getAbsoluteSessionLifetime() {
        return absoluteSessionLifetime;
    }

    /**
     * Sets: the hard end of a session counted from login, which rotation never extends; none when unset.
     *
     * @param absoluteSessionLifetime the value
     */
    public void setAbsoluteSessionLifetime(Duration absoluteSessionLifetime) {
        this.absoluteSessionLifetime = absoluteSessionLifetime;
    }

    /**
     * Clock skew tolerated on access-token expiry and on every token's iat and nbf, 0 to 600 whole seconds.
     *
     * @return the value
     */
    public Duration getLeeway() {
        return leeway;
    }

    /**
     * Sets: clock skew tolerated on access-token expiry and on every token's iat and nbf, 0 to 600 whole seconds.
     *
     * @param leeway the value
     */
    public void setLeeway(Duration leeway) {
        this.leeway = leeway;
    }

    /**
     * What a detected reuse of a refresh token revokes.
     *
     * @return the value
     */
    public ReuseScope getReuseScope() {
        return reuseScope;
    }

    /**
     * Sets: what a detected reuse of a refresh token revokes.
     *
     * @param reuseScope the value
     */
    public void setReuseScope(ReuseScope reuseScope) {
        this.reuseScope = reuseScope;
    }

    /**
     * Grace period after a rotation during which the replaced refresh token gets the same successor again; 0 is off.
     *
     * @return the value
     */
    public Duration getReuseGracePeriod() {
        return reuseGracePeriod;
    }

    /**
     * Sets: grace period after a rotation during which the replaced refresh token gets the same successor again; 0 is off.
     *
     * @param reuseGracePeriod the value
     */
    public void setReuseGracePeriod(Duration reuseGracePeriod) {
        this.reuseGracePeriod = reuseGracePeriod;
    }

    /**
     * How many replays each rotation allows inside the grace period, 1 to 100.
     *
     * @return the value
     */
    public int getReuseGraceMaxReplays() {
        return reuseGraceMaxReplays;
    }

    /**
     * Sets: how many replays each rotation allows inside the grace period, 1 to 100.
     *
     * @param reuseGraceMaxReplays the value
     */
    public void setReuseGraceMaxReplays(int reuseGraceMaxReplays) {
        this.reuseGraceMaxReplays = reuseGraceMaxReplays;
    }

    /**
     * The most sessions one user may hold, 1 to 100000.
     *
     * @return the value
     */
    public int getMaxSessionsPerUser() {
        return maxSessionsPerUser;
    }

    /**
     * Sets: the most sessions one user may hold.
     *
     * @param maxSessionsPerUser the value
     */
    public void setMaxSessionsPerUser(int maxSessionsPerUser) {
        this.maxSessionsPerUser = maxSessionsPerUser;
    }

    /**
     * What a login beyond max-sessions-per-user does.
     *
     * @return the value
     */
    public SessionLimitPolicy getSessionLimitPolicy() {
        return sessionLimitPolicy;
    }

    /**
     * Sets: what a login beyond max-sessions-per-user does.
     *
     * @param sessionLimitPolicy the value
     */
    public void setSessionLimitPolicy(SessionLimitPolicy sessionLimitPolicy) {
        this.sessionLimitPolicy = sessionLimitPolicy;
    }

    /**
     * The longest token accepted, 512 to 1048576 characters; longer ones are refused before decoding.
     *
     * @return the value
     */
    public int getMaxTokenLength() {
        return maxTokenLength;
    }

    /**
     * Sets: the longest token accepted, 512 to 1048576 characters; longer ones are refused before decoding.
     *
     * @param maxTokenLength the value
     */
    public void setMaxTokenLength(int maxTokenLength) {
        this.maxTokenLength = maxTokenLength;
    }

    /**
     * Whether refresh, logout and store failures answer as an OAuth 2.0 token endpoint (RFC 6749 section 5.2).
     *
     * @return the value
     */
    public boolean isOauth2Errors() {
        return oauth2Errors;
    }

    /**
     * Sets: whether refresh, logout and store failures answer as an OAuth 2.0 token endpoint (RFC 6749 section 5.2).
     *
     * @param oauth2Errors the value
     */
    public void setOauth2Errors(boolean oauth2Errors) {
        this.oauth2Errors = oauth2Errors;
    }

    /**
     * The key that signs new tokens.
     *
     * @return the value
     */
    public SigningKey getSigningKey() {
        return signingKey;
    }

    /**
     * Retired keys that only verify, so tokens signed before a key rotation stay valid until they expire.
     *
     * @return the value
     */
    public List<VerificationKey> getVerificationKeys() {
        return verificationKeys;
    }

    /**
     * Checking on each access-token verification that the token's session is still live.
     *
     * @return the value
     */
    public LiveSessionCheck getLiveSessionCheck() {
        return liveSessionCheck;
    }

    /**
     * The session store.
     *
     * @return the value
     */
    public Store getStore() {
        return store;
    }

    /**
     * Spring Security integration.
     *
     * @return the value
     */
    public Security getSecurity() {
        return security;
    }

    /**
     * The token endpoints and how tokens travel over HTTP.
     *
     * @return the value
     */
    public Web getWeb() {
        return web;
    }

    /** A JWS algorithm Rotor signs with; the key's, never the token's. */
    public enum Algorithm {
        /** HMAC-SHA256 with a shared secret of at least 32 bytes. */
        HS256,
        /** RSA PKCS#1 v1.5 with SHA-256, keys of at least 2048 bits. */
        RS256,
        /** ECDSA on curve P-256 with SHA-256. */
        ES256
    }

    /** Which session store to use. */
    public enum StoreType {
        /** Caffeine, in this JVM only: sessions die with the process. */
        MEMORY,
        /** Redis through Jedis, shared by every instance of the application. */
        REDIS,
        /** PostgreSQL through the application's DataSource. */
        JDBC
    }

    /** A key that verifies tokens: the settings of the signing key without the private half. */
    public static class VerificationKey {

        /** Creates the settings with their defaults. */
        public VerificationKey() {}

        /** The key id (kid): 1 to 64 characters of A-Z a-z 0-9 . _ ~ -. */
        private String keyId;

        /** The algorithm the key belongs to. */
        private Algorithm algorithm = Algorithm.HS256;

        /** The HS256 secret, at least 32 bytes of UTF-8. */
        private String secret;

        /** The RS256 or ES256 public key, a PEM file with BEGIN PUBLIC KEY. */
        private Resource publicKey;

        /**
         * The key id (kid) of refresh tokens.
         *
         * @return the value
         */
        public String getKeyId() {
            return keyId;
        }

        /**
         * Sets: the key id (kid) of refresh tokens.
         *
         * @param keyId the value
         */
        public void setKeyId(String keyId) {
            this.keyId = keyId;
        }

        /**
         * The algorithm of the key.
         *
         * @return the value
         */
        public Algorithm getAlgorithm() {
            return algorithm;
        }

        /**
         * Sets: the algorithm of the key.
         *
         * @param algorithm the value
         */
        public void setAlgorithm(Algorithm algorithm) {
            this.algorithm = algorithm;
        }

        /**
         * The HS256 secret, at least 32 bytes of UTF-8, other than the signing key's.
         *
         * @return the value
         */
        public String getSecret() {
            return secret;
        }

        /**
         * Sets: the HS256 secret, at least 32 bytes of UTF-8, other than the signing key's.
         *
         * @param secret the value
         */
        public void setSecret(String secret) {
            this.secret = secret;
        }

        /**
         * The RS256 or ES256 public key, a PEM file with BEGIN PUBLIC KEY.
         *
         * @return the value
         */
        public Resource getPublicKey() {
            return publicKey;
        }

        /**
         * Sets: the RS256 or ES256 public key, a PEM file with BEGIN PUBLIC KEY.
         *
         * @param publicKey the value
         */
        public void setPublicKey(Resource publicKey) {
            this.publicKey = publicKey;
        }
    }

    /** The key that signs access tokens: an HS256 secret, or an RS256 or ES256 private key in a PEM file. */
    public static class SigningKey {

        /** The key id (kid): 1 to 64 characters of A-Z a-z 0-9 . _ ~ -. */
        private String keyId = "rotor";

        /** The algorithm of the key. */
        private Algorithm algorithm = Algorithm.HS256;

        /** The HS256 secret, at least 32 bytes of UTF-8. */
        private String secret;

        /** The RS256 or ES256 private key, a PKCS#8 PEM file with BEGIN PRIVATE KEY; its public half is computed. */
        private Resource privateKey;

        /** Whether to sign with a random key (HS256 secret, or RS256/ES256 pair), logged as a warning, when none is set; tokens then die with the process. */
        private boolean randomIfUnset;

        /** Creates the settings with their defaults. */
        public SigningKey() {}

        /**
         * The key id (kid): 1 to 64 characters of A-Z a-z 0-9 . _ ~ -.
         *
         * @return the value
         */
        public String getKeyId() {
            return keyId;
        }

        /**
         * Sets: the key id (kid).
         *
         * @param keyId the value
         */
        public void setKeyId(String keyId) {
            this.keyId = keyId;
        }

        /**
         * The algorithm of the key.
         *
         * @return the value
         */
        public Algorithm getAlgorithm() {
            return algorithm;
        }

        /**
         * Sets: the algorithm of the key.
         *
         * @param algorithm the value
         */
        public void setAlgorithm(Algorithm algorithm) {
            this.algorithm = algorithm;
        }

        /**
         * The HS256 secret, at least 32 bytes of UTF-8.
         *
         * @return the value
         */
        public String getSecret() {
            return secret;
        }

        /**
         * Sets: the HS256 secret, at least 32 bytes of UTF-8.
         *
         * @param secret the value
         */
        public void setSecret(String secret) {
            this.secret = secret;
        }

        /**
         * The RS256 or ES256 private key, a PKCS#8 PEM file.
         *
         * @return the value
         */
        public Resource getPrivateKey() {
            return privateKey;
        }

        /**
         * Sets: the RS256 or ES256 private key, a PKCS#8 PEM file.
         *
         * @param privateKey the value
         */
        public void setPrivateKey(Resource privateKey) {
            this.privateKey = privateKey;
        }

        /**
         * Whether to sign with a random HS256 secret when no secret is set.
         *
         * @return the value
         */
        public boolean isRandomIfUnset() {
            return randomIfUnset;
        }

        /**
         * Sets: whether to sign with a random HS256 secret when no secret is set.
         *
         * @param randomIfUnset the value
         */
        public void setRandomIfUnset(boolean randomIfUnset) {
            this.randomIfUnset = randomIfUnset;
        }
    }

    /** The refresh-token key: an HS256 secret or an RS256/ES256 private key; unset, derived by Rotor. */
    public static class RefreshTokenKey {

        /** Creates the settings with their defaults. */
        public RefreshTokenKey() {}

        /** The key id (kid) of refresh tokens. */
        private String keyId = "refresh";

        /** The algorithm of the key. */
        private Algorithm algorithm = Algorithm.HS256;

        /** The HS256 secret, at least 32 bytes of UTF-8, other than the signing key's. */
        private String secret;

        /** The RS256 or ES256 private key, a PKCS#8 PEM file with BEGIN PRIVATE KEY. */
        private Resource privateKey;

        /**
         * The key id (kid) of refresh tokens.
         *
         * @return the value
         */
        public String getKeyId() {
            return keyId;
        }

        /**
         * Sets: the key id (kid) of refresh tokens.
         *
         * @param keyId the value
         */
        public void setKeyId(String keyId) {
            this.keyId = keyId;
        }

        /**
         * The algorithm of the key.
         *
         * @return the value
         */
        public Algorithm getAlgorithm() {
            return algorithm;
        }

        /**
         * Sets: the algorithm of the key.
         *
         * @param algorithm the value
         */
        public void setAlgorithm(Algorithm algorithm) {
            this.algorithm = algorithm;
        }

        /**
         * The HS256 secret, at least 32 bytes of UTF-8, other than the signing key's.
         *
         * @return the value
         */
        public String getSecret() {
            return secret;
        }

        /**
         * Sets: the HS256 secret, at least 32 bytes of UTF-8, other than the signing key's.
         *
         * @param secret the value
         */
        public void setSecret(String secret) {
            this.secret = secret;
        }

        /**
         * The RS256 or ES256 private key, a PKCS#8 PEM file with BEGIN PRIVATE KEY.
         *
         * @return the value
         */
        public Resource getPrivateKey() {
            return privateKey;
        }

        /**
         * Sets: the RS256 or ES256 private key, a PKCS#8 PEM file with BEGIN PRIVATE KEY.
         *
         * @param privateKey the value
         */
        public void setPrivateKey(Resource privateKey) {
            this.privateKey = privateKey;
        }
    }

    /** The live-session check, off unless max-staleness is set. */
    public static class LiveSessionCheck {

        /** Creates the settings with their defaults. */
        public LiveSessionCheck() {}

        /**
         * How long a session seen live is trusted without asking the store again (plain numbers are seconds);
         * zero asks every time, unset is off.
         */
        @DurationUnit(ChronoUnit.SECONDS)
        private Duration maxStaleness;

        /** How many sessions the check remembers. */
        private int cacheSize = 10_000;

        /**
         * How long a session seen live is trusted without asking the store again (plain numbers are seconds); zero asks every time, unset is off.
         *
         * @return the value
         */
        public Duration getMaxStaleness() {
            return maxStaleness;
        }

        /**
         * Sets: how long a session seen live is trusted without asking the store again (plain numbers are seconds); zero asks every time, unset is off.
         *
         * @param maxStaleness the value
         */
        public void setMaxStaleness(Duration maxStaleness) {
            this.maxStaleness = maxStaleness;
        }

        /**
         * How many sessions the check remembers.
         *
         * @return the value
         */
        public int getCacheSize() {
            return cacheSize;
        }

        /**
         * Sets: how many sessions the check remembers.
         *
         * @param cacheSize the value
         */
        public void setCacheSize(int cacheSize) {
            this.cacheSize = cacheSize;
        }
    }

    /** Store selection and the stores' own settings. */
    public static class Store {

        /** Creates the settings with their defaults. */
        public Store() {}

        /**
         * The store; when unset, redis if rotor-store-redis is on the classpath and a Redis is configured
         * (rotor.store.redis.* or spring.data.redis.*), else jdbc if rotor-store-jdbc is on the classpath and the
         * application has a DataSource (its tables from JdbcSessionStore.schema()), else memory.
         */
        private StoreType type;

        /** How many subjects the memory store keeps at most. */
        private long memoryMaximumSubjects = 1_000_000;

        /** Redis settings; each unset one is taken from spring.data.redis.*. */
        @NestedConfigurationProperty
        private final RotorRedisProperties redis = new RotorRedisProperties();

        /**
         * The store; when unset, redis if rotor-store-redis is on the classpath and a Redis is configured (rotor.store.redis.* or spring.data.redis.*), else memory.
         *
         * @return the value
         */
        public StoreType getType() {
            return type;
        }

        /**
         * Sets: the store; when unset, redis if rotor-store-redis is on the classpath and a Redis is configured (rotor.store.redis.* or spring.data.redis.*), else memory.
         *
         * @param type the value
         */
        public void setType(StoreType type) {
            this.type = type;
        }

        /**
         * How many subjects the memory store keeps at most.
         *
         * @return the value
         */
        public long getMemoryMaximumSubjects() {
            return memoryMaximumSubjects;
        }

        /**
         * Sets: how many subjects the memory store keeps at most.
         *
         * @param memoryMaximumSubjects the value
         */
        public void setMemoryMaximumSubjects(long memoryMaximumSubjects) {
            this.memoryMaximumSubjects = memoryMaximumSubjects;
        }

        /**
         * Redis settings; each unset one is taken from spring.data.redis.*.
         *
         * @return the value
         */
        public RotorRedisProperties getRedis() {
            return redis;
        }
    }

    /** How Spring Security sees a Rotor access token. */
    public static class Security {

        /** Creates the settings with their defaults. */
        public Security() {}

        /** The access-token claim whose values become granted authorities: a space-separated string or a list. */
        private String authoritiesClaim = "scope";

        /** The prefix of each authority taken from the claim. */
        private String authorityPrefix = "SCOPE_";

        /**
         * The access-token claim whose values become granted authorities: a space-separated string or a list.
         *
         * @return the value
         */
        public String getAuthoritiesClaim() {
            return authoritiesClaim;
        }

        /**
         * Sets: the access-token claim whose values become granted authorities: a space-separated string or a list.
         *
         * @param authoritiesClaim the value
         */
        public void setAuthoritiesClaim(String authoritiesClaim) {
            this.authoritiesClaim = authoritiesClaim;
        }

        /**
         * The prefix of each authority taken from the claim.
         *
         * @return the value
         */
        public String getAuthorityPrefix() {
            return authorityPrefix;
        }

        /**
         * Sets: the prefix of each authority taken from the claim.
         *
         * @param authorityPrefix the value
         */
        public void setAuthorityPrefix(String authorityPrefix) {
            this.authorityPrefix = authorityPrefix;
        }
    }

    /** The opt-in token endpoints and the refresh-token cookie. */
    public static class Web {

        /** Creates the settings with their defaults. */
        public Web() {}

        /** The token endpoints. */
        private final Endpoints endpoints = new Endpoints();

        /** The refresh-token cookie. */
        private final Cookie cookie = new Cookie();

        /**
         * The token endpoints.
         *
         * @return the value
         */
        public Endpoints getEndpoints() {
            return endpoints;
        }

        /**
         * The refresh-token cookie.
         *
         * @return the value
         */
        public Cookie getCookie() {
            return cookie;
        }
    }

    /** Refresh, logout, logout-all and sessions, with the original Go service's bodies. */
    public static class Endpoints {

        /** Creates the settings with their defaults. */
        public Endpoints() {}

        /** Whether to serve refresh, logout, logout-all and the sessions list and revoke under the base path. */
        private boolean enabled;

        /** Where the endpoints live. */
        private String basePath = "/api/v1/auth";

        /**
         * Whether the refresh token travels in the cookie; requests that use it must say Content-Type: application/json.
         *
         * @return the value
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets: whether the refresh token travels in the cookie; requests that use it must say Content-Type: application/json.
         *
         * @param enabled the value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Where the endpoints live.
         *
         * @return the value
         */
        public String getBasePath() {
            return basePath;
        }

        /**
         * Sets: where the endpoints live.
         *
         * @param basePath the value
         */
        public void setBasePath(String basePath) {
            this.basePath = basePath;
        }
    }

    /** The refresh token in an HttpOnly, Secure, SameSite=Strict cookie instead of the response body. */
    public static class Cookie {

        /** Creates the settings with their defaults. */
        public Cookie() {}

        /** Whether the refresh token travels in the cookie; requests that use it must say Content-Type: application/json. */
        private boolean enabled;

        /** The cookie's name; the __Host- prefix makes browsers insist on Secure, no Domain and Path=/. */
        private String name = "__Host-refresh_token";

        /** The cookie's path; must be / with a __Host- name. */
        private String path = "/";

        /**
         * Whether the refresh token travels in the cookie; requests that use it must say Content-Type: application/json.
         *
         * @return the value
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets: whether the refresh token travels in the cookie; requests that use it must say Content-Type: application/json.
         *
         * @param enabled the value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The cookie's name; the __Host- prefix makes browsers insist on Secure, no Domain and Path=/.
         *
         * @return the value
         */
        public String getName() {
            return name;
        }

        /**
         * Sets: the cookie's name; the __Host- prefix makes browsers insist on Secure, no Domain and Path=/.
         *
         * @param name the value
         */
        public void setName(String name) {
            this.name = name;
        }

        /**
         * The cookie's path; must be / with a __Host- name.
         *
         * @return the value
         */
        public String getPath() {
            return path;
        }

        /**
         * Sets: the cookie's path; must be / with a __Host- name.
         *
         * @param path the value
         */
        public void setPath(String path) {
            this.path = path;
        }
    }
}
