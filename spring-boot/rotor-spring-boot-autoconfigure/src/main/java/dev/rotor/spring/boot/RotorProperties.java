package dev.rotor.spring.boot;

import dev.rotor.ReuseScope;
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

    /** The {@code iss} claim written and required. */
    private String issuer = "rotor";

    /** The {@code aud} claim written and required; none when unset. */
    private String audience;

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

    /** The longest token accepted, 512 to 1048576 characters; longer ones are refused before decoding. */
    private int maxTokenLength = 8192;

    /** Whether refresh, logout and store failures answer as an OAuth 2.0 token endpoint (RFC 6749 section 5.2). */
    private boolean oauth2Errors;

    /** The key that signs new tokens. */
    private final SigningKey signingKey = new SigningKey();

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

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public Duration getAccessTokenTtl() {
        return accessTokenTtl;
    }

    public void setAccessTokenTtl(Duration accessTokenTtl) {
        this.accessTokenTtl = accessTokenTtl;
    }

    public Duration getRefreshTokenTtl() {
        return refreshTokenTtl;
    }

    public void setRefreshTokenTtl(Duration refreshTokenTtl) {
        this.refreshTokenTtl = refreshTokenTtl;
    }

    public Duration getAbsoluteSessionLifetime() {
        return absoluteSessionLifetime;
    }

    public void setAbsoluteSessionLifetime(Duration absoluteSessionLifetime) {
        this.absoluteSessionLifetime = absoluteSessionLifetime;
    }

    public Duration getLeeway() {
        return leeway;
    }

    public void setLeeway(Duration leeway) {
        this.leeway = leeway;
    }

    public ReuseScope getReuseScope() {
        return reuseScope;
    }

    public void setReuseScope(ReuseScope reuseScope) {
        this.reuseScope = reuseScope;
    }

    public Duration getReuseGracePeriod() {
        return reuseGracePeriod;
    }

    public void setReuseGracePeriod(Duration reuseGracePeriod) {
        this.reuseGracePeriod = reuseGracePeriod;
    }

    public int getReuseGraceMaxReplays() {
        return reuseGraceMaxReplays;
    }

    public void setReuseGraceMaxReplays(int reuseGraceMaxReplays) {
        this.reuseGraceMaxReplays = reuseGraceMaxReplays;
    }

    public int getMaxTokenLength() {
        return maxTokenLength;
    }

    public void setMaxTokenLength(int maxTokenLength) {
        this.maxTokenLength = maxTokenLength;
    }

    public boolean isOauth2Errors() {
        return oauth2Errors;
    }

    public void setOauth2Errors(boolean oauth2Errors) {
        this.oauth2Errors = oauth2Errors;
    }

    public SigningKey getSigningKey() {
        return signingKey;
    }

    public List<VerificationKey> getVerificationKeys() {
        return verificationKeys;
    }

    public LiveSessionCheck getLiveSessionCheck() {
        return liveSessionCheck;
    }

    public Store getStore() {
        return store;
    }

    public Security getSecurity() {
        return security;
    }

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

        /** The key id (kid): 1 to 64 characters of A-Z a-z 0-9 . _ ~ -. */
        private String keyId;

        /** The algorithm the key belongs to. */
        private Algorithm algorithm = Algorithm.HS256;

        /** The HS256 secret, at least 32 bytes of UTF-8. */
        private String secret;

        /** The RS256 or ES256 public key, a PEM file with BEGIN PUBLIC KEY. */
        private Resource publicKey;

        public String getKeyId() {
            return keyId;
        }

        public void setKeyId(String keyId) {
            this.keyId = keyId;
        }

        public Algorithm getAlgorithm() {
            return algorithm;
        }

        public void setAlgorithm(Algorithm algorithm) {
            this.algorithm = algorithm;
        }

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }

        public Resource getPublicKey() {
            return publicKey;
        }

        public void setPublicKey(Resource publicKey) {
            this.publicKey = publicKey;
        }
    }

    /** The key that signs: an HS256 secret, or an RS256 or ES256 key pair in PEM files. */
    public static class SigningKey extends VerificationKey {

        /** The RS256 or ES256 private key, a PKCS#8 PEM file with BEGIN PRIVATE KEY. */
        private Resource privateKey;

        /** Whether to sign with a random HS256 secret, logged as a warning, when no secret is set; tokens then die with the process. */
        private boolean randomIfUnset;

        /** Creates the settings with Rotor's default key id. */
        public SigningKey() {
            setKeyId("rotor");
        }

        public Resource getPrivateKey() {
            return privateKey;
        }

        public void setPrivateKey(Resource privateKey) {
            this.privateKey = privateKey;
        }

        public boolean isRandomIfUnset() {
            return randomIfUnset;
        }

        public void setRandomIfUnset(boolean randomIfUnset) {
            this.randomIfUnset = randomIfUnset;
        }
    }

    /** The live-session check, off unless max-staleness is set. */
    public static class LiveSessionCheck {

        /**
         * How long a session seen live is trusted without asking the store again (plain numbers are seconds);
         * zero asks every time, unset is off.
         */
        @DurationUnit(ChronoUnit.SECONDS)
        private Duration maxStaleness;

        /** How many sessions the check remembers. */
        private int cacheSize = 10_000;

        public Duration getMaxStaleness() {
            return maxStaleness;
        }

        public void setMaxStaleness(Duration maxStaleness) {
            this.maxStaleness = maxStaleness;
        }

        public int getCacheSize() {
            return cacheSize;
        }

        public void setCacheSize(int cacheSize) {
            this.cacheSize = cacheSize;
        }
    }

    /** Store selection and the stores' own settings. */
    public static class Store {

        /**
         * The store; when unset, redis if rotor-store-redis is on the classpath and a Redis is configured
         * (rotor.store.redis.* or spring.data.redis.*), else memory.
         */
        private StoreType type;

        /** How many subjects the memory store keeps at most. */
        private long memoryMaximumSubjects = 1_000_000;

        /** Redis settings; each unset one is taken from spring.data.redis.*. */
        @NestedConfigurationProperty
        private final RotorRedisProperties redis = new RotorRedisProperties();

        public StoreType getType() {
            return type;
        }

        public void setType(StoreType type) {
            this.type = type;
        }

        public long getMemoryMaximumSubjects() {
            return memoryMaximumSubjects;
        }

        public void setMemoryMaximumSubjects(long memoryMaximumSubjects) {
            this.memoryMaximumSubjects = memoryMaximumSubjects;
        }

        public RotorRedisProperties getRedis() {
            return redis;
        }
    }

    /** How Spring Security sees a Rotor access token. */
    public static class Security {

        /** The access-token claim whose values become granted authorities: a space-separated string or a list. */
        private String authoritiesClaim = "scope";

        /** The prefix of each authority taken from the claim. */
        private String authorityPrefix = "SCOPE_";

        public String getAuthoritiesClaim() {
            return authoritiesClaim;
        }

        public void setAuthoritiesClaim(String authoritiesClaim) {
            this.authoritiesClaim = authoritiesClaim;
        }

        public String getAuthorityPrefix() {
            return authorityPrefix;
        }

        public void setAuthorityPrefix(String authorityPrefix) {
            this.authorityPrefix = authorityPrefix;
        }
    }

    /** The opt-in token endpoints and the refresh-token cookie. */
    public static class Web {

        /** The token endpoints. */
        private final Endpoints endpoints = new Endpoints();

        /** The refresh-token cookie. */
        private final Cookie cookie = new Cookie();

        public Endpoints getEndpoints() {
            return endpoints;
        }

        public Cookie getCookie() {
            return cookie;
        }
    }

    /** Refresh, logout, logout-all and sessions, with the original design's bodies. */
    public static class Endpoints {

        /** Whether to serve refresh, logout, logout-all and the sessions list and revoke under the base path. */
        private boolean enabled;

        /** Where the endpoints live. */
        private String basePath = "/api/v1/auth";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getBasePath() {
            return basePath;
        }

        public void setBasePath(String basePath) {
            this.basePath = basePath;
        }
    }

    /** The refresh token in an HttpOnly, Secure, SameSite=Strict cookie instead of the response body. */
    public static class Cookie {

        /** Whether the refresh token travels in the cookie; requests that use it must say Content-Type: application/json. */
        private boolean enabled;

        /** The cookie's name; the __Host- prefix makes browsers insist on Secure, no Domain and Path=/. */
        private String name = "__Host-refresh_token";

        /** The cookie's path; must be / with a __Host- name. */
        private String path = "/";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }
    }
}
