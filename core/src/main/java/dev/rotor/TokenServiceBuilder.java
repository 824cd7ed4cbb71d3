package dev.rotor;

import dev.rotor.spi.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Configures a {@link TokenService}. Only a signing key and a store are required; everything else has the
 * original Go service's defaults (see {@link dev.rotor}). Each setter checks its argument at once, and a
 * setter called twice fails, so a misconfiguration shows at start-up, not at the first refresh.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>{@link #signingKey}</td><td>required</td></tr>
 *   <tr><td>{@link #store}</td><td>required</td></tr>
 *   <tr><td>{@link #issuer}</td><td>{@code rotor}</td></tr>
 *   <tr><td>{@link #audience} or {@link #audiences}</td><td>none: access tokens carry no {@code aud}, and a
 *       token that carries one is refused</td></tr>
 *   <tr><td>{@link #clientId}</td><td>none: no {@code client_id} unless a {@link Login} has one</td></tr>
 *   <tr><td>{@link #refreshTokenKey}</td><td>HS256 keys derived from the access-token keys</td></tr>
 *   <tr><td>{@link #refreshTokenVerificationKey}</td><td>none</td></tr>
 *   <tr><td>{@link #refreshTokenAudience}</td><td>the issuer followed by {@code /refresh}</td></tr>
 *   <tr><td>{@link #accessTokenTtl}</td><td>15 minutes</td></tr>
 *   <tr><td>{@link #refreshTokenTtl}</td><td>7 days, restarted by each rotation</td></tr>
 *   <tr><td>{@link #absoluteSessionLifetime}</td><td>none</td></tr>
 *   <tr><td>{@link #maxSessionsPerUser}</td><td>100, the oldest evicted</td></tr>
 *   <tr><td>{@link #reuseScope}</td><td>{@link ReuseScope#ALL_SESSIONS}</td></tr>
 *   <tr><td>{@link #reuseGracePeriod}</td><td>off</td></tr>
 *   <tr><td>{@link #leeway}</td><td>0 seconds</td></tr>
 *   <tr><td>{@link #verificationKey}</td><td>none besides the signing key</td></tr>
 *   <tr><td>{@link #clock}</td><td>system clock, UTC</td></tr>
 *   <tr><td>{@link #userLookup}</td><td>none</td></tr>
 *   <tr><td>{@link #eventListener}</td><td>none</td></tr>
 *   <tr><td>{@link #liveSessionCheck}</td><td>off</td></tr>
 *   <tr><td>{@link #maxTokenLength}</td><td>8192 characters</td></tr>
 *   <tr><td>{@link #oauth2Errors}</td><td>off</td></tr>
 * </table>
 *
 * <p>When other services verify the access tokens (RS256 or ES256 keys, published by {@link
 * TokenService#jwkSet()}), set an {@link #issuer}, an {@link #audience} and a {@link #clientId}: RFC 9068
 * verifiers such as Spring Security's refuse tokens without {@code aud} and {@code client_id}. With an
 * asymmetric signing key, {@link #build()} logs one warning for a missing audience and one for a missing client
 * id; it also warns when a retired {@link #verificationKey} cannot keep its refresh tokens valid.
 */
public final class TokenServiceBuilder {

    /** How many sessions a user may hold unless {@link #maxSessionsPerUser} says otherwise. */
    public static final int DEFAULT_MAX_SESSIONS_PER_USER = 100;

    private static final int MAX_GRACE_REPLAYS = 100;
    private static final Duration LONGEST_LIFETIME = Duration.ofDays(36_500);
    private static final Duration LONGEST_LEEWAY = Duration.ofMinutes(10);

    private JwtKey signingKey;
    private final List<JwtKey> verificationKeys = new ArrayList<>();
    private String issuer;
    private List<String> audiences;
    private String clientId;
    private JwtKey refreshTokenKey;
    private final List<JwtKey> refreshTokenVerificationKeys = new ArrayList<>();
    private String refreshTokenAudience;
    private Duration accessTokenTtl;
    private Duration refreshTokenTtl;
    private Duration absoluteSessionLifetime;
    private Clock clock;
    private Duration leeway;
    private SessionStore store;
    private int maxSessionsPerUser;
    private SessionLimitPolicy sessionLimitPolicy = SessionLimitPolicy.EVICT_OLDEST;
    private ReuseScope reuseScope;
    private Duration reuseGracePeriod;
    private int maxGraceReplays;
    private UserLookup userLookup;
    private final List<TokenEventListener> listeners = new ArrayList<>();
    private Duration liveSessionStaleness;
    private int liveSessionCacheSize;
    private int maxTokenLength;
    private Boolean oauth2Errors;

    TokenServiceBuilder() {}

    /**
     * The key that signs new tokens; it also verifies them.
     *
     * @param key a key that can sign
     * @return this builder
     * @throws IllegalArgumentException if the key can only verify
     * @throws IllegalStateException if already set
     */
    public TokenServiceBuilder signingKey(JwtKey key) {
        requireUnset(signingKey, "signingKey");
        requireArgument(Objects.requireNonNull(key, "key").canSign(), "the signing key must be able to sign");
        this.signingKey = key;
        return this;
    }

    /**
     * Adds a key that only verifies: a retired signing key, so its tokens stay valid until they expire. May
     * be called several times; key ids must differ.
     *
     * <p>Rotating the signing key without logging anyone out: sign with the new key, and pass the old one here
     * until the refresh-token lifetime has passed since the switch (access tokens need only their own lifetime).
     * <ul>
     *   <li>With the default refresh-token key (no {@link #refreshTokenKey}), the refresh tokens signed before
     *       the switch are checked with a key derived from the old key's secret or private part, so pass the old
     *       key <em>with</em> that part: {@code JwtKey.hs256(...)} with its secret, or {@code rs256}/{@code es256}
     *       with its private key (it still only verifies access tokens). Given as a public key only, the old
     *       key verifies access tokens but its refresh tokens are refused as {@code TOKEN_INVALID}, and {@link
     *       #build()} warns in one line.
     *   <li>With a {@link #refreshTokenKey} of its own, rotating the access-token key does not touch refresh
     *       tokens, and the old key may be public only. To rotate the refresh-token key itself, set the new one
     *       as {@link #refreshTokenKey} and the old one as {@link #refreshTokenVerificationKey} for a
     *       refresh-token lifetime.
     * </ul>
     *
     * @param key a key with its own key id
     * @return this builder
     * @throws NullPointerException if the key is {@code null}
     */
    public TokenServiceBuilder verificationKey(JwtKey key) {
        verificationKeys.add(Objects.requireNonNull(key, "key"));
        return this;
    }

    /**
     * The session store: {@code CaffeineSessionStore} for one JVM, {@code RedisSessionStore} for several, or
     * {@code CompareAndSetSessionStore.over(...)} of any compare-and-set store. The service never closes it
     * (several services may share one): whoever built the store closes it after the last call, as a {@code
     * RedisSessionStore} must be to release its connections.
     *
     * @param store the store
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public TokenServiceBuilder store(SessionStore store) {
        requireUnset(this.store, "store");
        this.store = Objects.requireNonNull(store, "store");
        return this;
    }

    /**
     * The most sessions one user may hold; a login beyond it evicts the user's oldest session (by login
     * time), which is then refused as logged out, and reports a {@link TokenEvent.Type#SESSION_EVICTED}
     * event. A refresh never counts as a login. Default {@value #DEFAULT_MAX_SESSIONS_PER_USER}: every login,
     * logout-all and reuse with {@link ReuseScope#ALL_SESSIONS} reads all of a user's sessions in one atomic
     * store step, and the limit is what bounds that step (and the store's size per user); 100 is far more
     * than the devices and browsers a person uses, and half of Auth0's 200, since Rotor also counts a logged
     * out session that it keeps for reuse detection until a login needs its room.
     *
     * @param max 1 to 100,000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException if already set
     */
    public TokenServiceBuilder maxSessionsPerUser(int max) {
        return maxSessionsPerUser(max, SessionLimitPolicy.EVICT_OLDEST);
    }

    /**
     * The most sessions one user may hold, and what a login beyond it does: evict the oldest session (as
     * {@link #maxSessionsPerUser(int)}) or be refused with {@link RotorException.Reason#SESSION_LIMIT_REACHED}
     * until the user logs out elsewhere. Logged-out sessions never block a login: it forgets them first.
     *
     * @param max 1 to 100,000
     * @param policy what a login at the limit does
     * @return this builder
     * @throws IllegalArgumentException if {@code max} is out of range
     * @throws NullPointerException if {@code policy} is {@code null}
     * @throws IllegalStateException if already set
     */
    public TokenServiceBuilder maxSessionsPerUser(int max, SessionLimitPolicy policy) {
        requireState(maxSessionsPerUser == 0, "maxSessionsPerUser was already set");
        requireArgument(max >= 1 && max <= 100_000, "maxSessionsPerUser must be 1 to 100,000");
        this.sessionLimitPolicy = Objects.requireNonNull(policy, "policy");
        this.maxSessionsPerUser = max;
        return this;
    }

    /**
     * The {@code iss} claim written and required. Default {@code rotor}.
     *
     * @param issuer a non-blank issuer, such as {@code https://auth.example.com}
     * @return this builder
     * @throws IllegalArgumentException if blank
     * @throws IllegalStateException if already set
     */
    public TokenServiceBuilder issuer(String issuer) {
        requireUnset(this.issuer, "issuer");
        requireArgument(!Objects.requireNonNull(issuer, "issuer").isBlank(), "issuer must not be blank");
        this.issuer = issuer;
        return this;
    }

    /**
     * The access tokens' audience: the {@code aud} claim written, and the one a token's {@code aud} must name
     * to be accepted (RFC 7519 §4.1.3). Default: none, and then a token that carries any {@code aud} is refused.
     *
     * @param audience a non-blank audience, such as {@code https://api.example.com}
     * @return this builder
     * @throws IllegalArgumentException if blank
     * @throws IllegalStateException if an audience was already set
     */
    public TokenServiceBuilder audience(String audience) {
        return audiences(List.of(Objects.requireNonNull(audience, "audience")));
    }

    /**
     * Several access-token audiences: all are written (as a JSON array when more than one), and a token is
     * accepted if its {@code aud} names at least one of them.
     *
     * @param audiences 1 to 16 distinct non-blank audiences, in the order written
     * @return this builder
     * @throws IllegalArgumentException if empty, over 16, blank or repeated
     * @throws IllegalStateException if an audience was already set
     */
    public TokenServiceBuilder audiences(Collection<String> audiences) {
        requireUnset(this.audiences, "audience");
        List<String> copy = List.copyOf(Objects.requireNonNull(audiences, "audiences"));
        requireArgument(!copy.isEmpty() && copy.size() <= 16, "audiences must be 1 to 16 values");
        requireArgument(copy.stream().noneMatch(String::isBlank), "an audience must not be blank");
        requireArgument(new LinkedHashSet<>(copy).size() == copy.size(), "audiences must be distinct");
        this.audiences = copy;
        return this;
    }

    /**
     * The {@code client_id} claim of access tokens (RFC 9068 §2.2): the OAuth client they are issued to. A
     * {@link Login#clientId()} overrides it for one session. Default: none.
     *
     * @param clientId 1 to 256 printable ASCII characters
     * @return this builder
     * @throws IllegalArgumentException if empty, too long or not printable ASCII
     * @throws IllegalStateException if already set
     */
    public TokenServiceBuilder clientId(String clientId) {
        requireUnset(this.clientId, "clientId");
        this.clientId = Inputs.clientId(Objects.requireNonNull(clientId, "clientId"), "clientId");
        return this;
    }

    /**
     * The key that signs and checks refresh tokens. It is never an access-token key and never in {@link
     * TokenService#jwkSet()}, so no resource server can verify a refresh token, let alone take it for an
     * access token. Default: HS256 keys derived from the secret parts of the access-token keys, the same on
     * every instance and after every restart: the signing key's signs, and a retired {@link #verificationKey}
     * given with its secret or private part keeps its refresh tokens valid; one given as a public key only
     * does not (see {@link #verificationKey}). Set a key of its own (32 random bytes for HS256) when services
     * other than this one hold the HS256 access-token secret, since they could derive the default, or when the
     * signing key's private part cannot be read (a KMS or HSM key): it is read only to derive the default. Rotate
     * it with {@link #refreshTokenVerificationKey}.
     *
     * @param key a key that can sign, other than the access-token keys
     * @return this builder
     * @throws IllegalArgumentException if the key can only verify
     * @throws IllegalStateException if already set
     */
    public TokenServiceBuilder refreshTokenKey(JwtKey key) {
        requireUnset(refreshTokenKey, "refreshTokenKey");
        requireArgument(Objects.requireNonNull(key, "key").canSign(), "the refreshTokenKey must be able to sign");
        this.refreshTokenKey = key;
        return this;
    }

    /**
     * Adds a retired refresh-token key, which only verifies refresh tokens: after the {@link #refreshTokenKey}
     * is changed, pass the old one here for a refresh-token lifetime, so no session ends with the rotation.
     * It is never in {@link TokenService#jwkSet()}. May be called several times; refresh-token key ids must
     * differ.
     *
     * @param key the previous refresh-token key, not an access-token key
     * @return this builder
     * @throws NullPointerException if the key is {@code null}
     */
    public TokenServiceBuilder refreshTokenVerificationKey(JwtKey key) {
        refreshTokenVerificationKeys.add(Objects.requireNonNull(key, "key"));
        return this;
    }

    /**
     * The only {@code aud} of refresh tokens: the issuer's refresh endpoint, never an API, so a resource server
     * that checks its own audience refuses every refresh token. Default: the issuer (without a trailing
     * {@code /}) followed by {@code /refresh}.
     *
     * @param audience a non-blank audience, such as {@code https://auth.example.com/oauth/token}
     * @return this builder
     * @throws IllegalArgumentException if blank
     * @throws IllegalStateException if already set
     */
    public TokenServiceBuilder refreshTokenAudience(String audience) {
        requireUnset(refreshTokenAudience, "refreshTokenAudience");
        requireArgument(
                !Objects.requireNonNull(audience, "audience").isBlank(), "refreshTokenAudience must not be blank");
        this.refreshTokenAudience = audience;
        return this;
    }

    /**
     * How long an access token lives, at most: never past its session's end. Default 15 minutes.
     *
     * @param ttl one second to 36,500 days, in whole seconds (a token's {@code exp} is in seconds)
     * @return this builder
     * @throws IllegalArgumentException if shorter than a second, longer than 36,500 days or not whole seconds
     * @throws IllegalStateException if already set
     */
    public TokenServiceBuilder accessTokenTtl(Duration ttl) {
        requireUnset(accessTokenTtl, "accessTokenTtl");
        requireArgument(atLeastASecond(ttl, "accessTokenTtl").getNano() == 0, "accessTokenTtl must be whole seconds");
        this.accessTokenTtl = ttl;
        return this;
    }

    /**
     * How long a refresh token lives. Each rotation mints one with a new full lifetime, so a session used at
     * least this often stays alive (up to {@link #absoluteSessionLifetime}). Default 7 days.
     *
     * @param ttl one second to 36,500 days, in whole milliseconds
     * @return this builder
     * @throws IllegalArgumentException if shorter than a second, longer than 36,500 days or finer than a
     *     millisecond
     * @throws IllegalStateException if already set
     */
    public TokenServiceBuilder refreshTokenTtl(Duration ttl) {
        requireUnset(refreshTokenTtl, "refreshTokenTtl");
        this.refreshTokenTtl = atLeastASecond(ttl, "refreshTokenTtl");
        return this;
    }

    /**
     * The hard end of a session, counted from login; rotation never extends it. Default: none.
     *
     * @param lifetime one second to 36,500 days, in whole milliseconds
     * @return this builder
     * @throws IllegalArgumentException if shorter than a second, longer than 36,500 days or finer than a
     *     millisecond
     * @throws IllegalStateException if already set
     */
    public TokenServiceBuilder absoluteSessionLifetime(Duration lifetime) {
        requireUnset(absoluteSessionLifetime, "absoluteSessionLifetime");
        this.absoluteSessionLifetime = atLeastASecond(lifetime, "absoluteSessionLifetime");
        return this;
    }

    /**
     * The clock for issuing and checking times. Default {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public TokenServiceBuilder clock(Clock clock) {
        requireUnset(this.clock, "clock");
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Clock skew tolerated when checking an access token's {@code exp} and every token's {@code iat} and
     * {@code nbf}. Not a refresh token's {@code exp}: like its session in the store, a refresh token ends exactly
     * then, so an expired predecessor is {@code TOKEN_EXPIRED}, never reuse. Default 0.
     *
     * @param leeway 0 to 600 seconds, in whole seconds
     * @return this builder
     * @throws IllegalArgumentException if negative, over ten minutes or not whole seconds
     * @throws IllegalStateException if already set
     */
    public TokenServiceBuilder leeway(Duration leeway) {
        requireUnset(this.leeway, "leeway");
        requireArgument(
                !Objects.requireNonNull(leeway, "leeway").isNegative()
                        && leeway.compareTo(LONGEST_LEEWAY) <= 0
                        && leeway.getNano() == 0,
                "leeway must be 0 to 600 whole seconds");
        this.leeway = leeway;
        return this;
    }

    /**
     * What a detected reuse revokes. Default {@link ReuseScope#ALL_SESSIONS}, as the original Go service did
     * (see {@link dev.rotor}).
     *
     * @param scope the scope
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public TokenServiceBuilder reuseScope(ReuseScope scope) {
        requireUnset(reuseScope, "reuseScope");
        this.reuseScope = Objects.requireNonNull(scope, "scope");
        return this;
    }

    /**
     * Turns on the grace period: for {@code period} after a rotation, presenting the refresh token it
     * replaced returns the same successor again (byte for byte with HS256 and RS256) instead of counting as
     * reuse, at most {@code maxReplays} times. Covers a response lost on the way to the client, or two tabs
     * refreshing at once. Only the immediate predecessor qualifies. Default: off.
     *
     * @param period how long after a rotation; positive, in whole milliseconds, at most 36,500 days. A replay
     *     returns the pair minted at the rotation, whose access token keeps its expiry, so keep the period well
     *     below the access token's lifetime
     * @param maxReplays how many replays per rotation; 1 to 100 (the store keeps the id of each one)
     * @return this builder
     * @throws IllegalArgumentException if the period is not a positive number of milliseconds up to 36,500 days,
     *     or maxReplays not 1 to 100
     * @throws IllegalStateException if already set
     */
    public TokenServiceBuilder reuseGracePeriod(Duration period, int maxReplays) {
        requireUnset(reuseGracePeriod, "reuseGracePeriod");
        Objects.requireNonNull(period, "period");
        requireArgument(
                period.compareTo(Duration.ofMillis(1)) >= 0
                        && period.compareTo(LONGEST_LIFETIME) <= 0
                        && period.getNano() % 1_000_000 == 0,
                "grace period must be a positive whole number of milliseconds, at most 36,500 days");
        requireArgument(maxReplays >= 1 && maxReplays <= MAX_GRACE_REPLAYS, "maxReplays must be 1 to 100");
        this.reuseGracePeriod = period;
        this.maxGraceReplays = maxReplays;
        return this;
    }

    /**
     * Asks the application, on each refresh, whether the user still exists and for fresh access-token
     * claims. Default: none (the login's claims are kept).
     *
     * @param lookup the lookup
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public TokenServiceBuilder userLookup(UserLookup lookup) {
        requireUnset(userLookup, "userLookup");
        this.userLookup = Objects.requireNonNull(lookup, "lookup");
        return this;
    }

    /**
     * Adds a listener for session events. May be called several times.
     *
     * @param listener the listener
     * @return this builder
     * @throws NullPointerException if the listener is {@code null}
     */
    public TokenServiceBuilder eventListener(TokenEventListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Makes {@link TokenService#verifyAccessToken} also check that the token's session is live, so a logout
     * takes effect at once instead of when the access token expires. A session seen live is trusted for
     * {@code maxStaleness} without asking the store again; logouts through this service take effect
     * immediately on this instance, logouts on other instances within {@code maxStaleness}. Default: off.
     *
     * @param maxStaleness how long a live answer may be reused, at most 36,500 days; zero asks the store every
     *     time
     * @param cacheSize how many sessions to remember, at least 1
     * @return this builder
     * @throws IllegalArgumentException if maxStaleness is negative or over 36,500 days, or cacheSize below 1
     * @throws IllegalStateException if already set
     */
    public TokenServiceBuilder liveSessionCheck(Duration maxStaleness, int cacheSize) {
        requireUnset(liveSessionStaleness, "liveSessionCheck");
        requireArgument(
                !Objects.requireNonNull(maxStaleness, "maxStaleness").isNegative()
                        && maxStaleness.compareTo(LONGEST_LIFETIME) <= 0,
                "maxStaleness must be 0 to 36,500 days");
        requireArgument(cacheSize >= 1, "cacheSize must be at least 1");
        this.liveSessionStaleness = maxStaleness;
        this.liveSessionCacheSize = cacheSize;
        return this;
    }

    /**
     * The longest token accepted; longer ones are refused before anything is decoded. Default 8192.
     *
     * @param characters from 512 to 1,048,576
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException if already set
     */
    public TokenServiceBuilder maxTokenLength(int characters) {
        requireState(maxTokenLength == 0, "maxTokenLength was already set");
        requireArgument(characters >= 512 && characters <= 1 << 20, "maxTokenLength must be 512 to 1048576");
        this.maxTokenLength = characters;
        return this;
    }

    /**
     * Makes every failure except those of {@link TokenService#verifyAccessToken} answer as an OAuth 2.0 token
     * endpoint (RFC 6749 §5.2): a refused or missing refresh token HTTP 400 with {@code invalid_grant} or {@code
     * invalid_request}, a failed store 503 with {@code temporarily_unavailable}. Default {@code false}.
     *
     * @param enabled whether to
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public TokenServiceBuilder oauth2Errors(boolean enabled) {
        requireUnset(oauth2Errors, "oauth2Errors");
        this.oauth2Errors = enabled;
        return this;
    }

    /**
     * Builds the service. The service keeps its own copies of the settings: a later call on this builder
     * (another verification key or listener) changes only services built after it.
     *
     * @return the token service
     * @throws IllegalStateException if the signing key or the store is missing
     * @throws IllegalArgumentException if two keys share a key id, a refresh-token key is an access-token
     *     key, the refresh-token audience is one of the access tokens', or no {@link #refreshTokenKey} is set and
     *     the private part of an RS256 or ES256 key cannot be read to derive one (a KMS or HSM key)
     */
    public TokenService build() {
        requireState(signingKey != null, "a signingKey is required");
        requireState(store != null, "a store is required");
        String iss = issuer == null ? "rotor" : issuer;
        List<String> aud = audiences == null ? List.of() : audiences;
        String refreshAud = refreshTokenAudience != null ? refreshTokenAudience : refreshEndpoint(iss);
        requireArgument(
                !aud.contains(refreshAud), "the refreshTokenAudience must differ from every access-token audience");
        RotorConfig config = new RotorConfig(
                signingKey,
                List.copyOf(verificationKeys),
                iss,
                aud,
                clientId,
                refreshTokenKey,
                List.copyOf(refreshTokenVerificationKeys),
                refreshAud,
                accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl,
                refreshTokenTtl == null ? Duration.ofDays(7) : refreshTokenTtl,
                absoluteSessionLifetime,
                clock == null ? Clock.systemUTC() : clock,
                leeway == null ? Duration.ZERO : leeway,
                store,
                maxSessionsPerUser == 0 ? DEFAULT_MAX_SESSIONS_PER_USER : maxSessionsPerUser,
                sessionLimitPolicy,
                reuseScope == null ? ReuseScope.ALL_SESSIONS : reuseScope,
                reuseGracePeriod == null ? Duration.ZERO : reuseGracePeriod,
                reuseGracePeriod == null ? 0 : maxGraceReplays,
                userLookup,
                List.copyOf(listeners),
                liveSessionStaleness,
                liveSessionCacheSize,
                maxTokenLength == 0 ? 8192 : maxTokenLength,
                Boolean.TRUE.equals(oauth2Errors));
        TokenService service = new DefaultTokenService(config);
        ProfileWarnings.log(config);
        return service;
    }

    /** The issuer followed by {@code /refresh}: the refresh tokens' audience unless configured. */
    static String refreshEndpoint(String issuer) {
        return (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + "/refresh";
    }

    /** At least a second, in whole milliseconds: stores keep times to the millisecond. */
    private static Duration atLeastASecond(Duration duration, String name) {
        requireArgument(
                Objects.requireNonNull(duration, name).compareTo(Duration.ofSeconds(1)) >= 0
                        && duration.compareTo(LONGEST_LIFETIME) <= 0
                        && duration.getNano() % 1_000_000 == 0,
                name + " must be one second to 36,500 days, in whole milliseconds");
        return duration;
    }

    private static void requireUnset(Object current, String name) {
        requireState(current == null, name + " was already set");
    }

    private static void requireArgument(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void requireState(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
