package dev.rotor.spring.boot;

import dev.rotor.TokenEventListener;
import dev.rotor.TokenService;
import dev.rotor.TokenServiceBuilder;
import dev.rotor.UserLookup;
import dev.rotor.spi.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * Rotor's core beans from {@code rotor.*}: the {@link RotorKeys}, the {@link SessionStore} and the {@link
 * TokenService}. Each backs off when the application defines its own; the service takes the application's
 * {@link UserLookup}, every {@link TokenEventListener} bean and a {@link Clock} bean if there is one.
 */
@AutoConfiguration
@EnableConfigurationProperties(RotorProperties.class)
public class RotorAutoConfiguration {

    private static final Log LOG = LogFactory.getLog(RotorAutoConfiguration.class);

    /**
     * Checks the Spring Boot version first, so an application on Boot 3 fails with one line.
     *
     * @throws RotorConfigurationException if Spring Boot is older than 4
     */
    public RotorAutoConfiguration() {
        BootVersion.require(SpringBootVersion.getVersion());
    }

    /**
     * The keys from {@code rotor.signing-key.*} and {@code rotor.verification-keys}; lazy, so an application
     * with its own {@link TokenService} needs no key settings.
     *
     * @param properties the settings
     * @return the keys
     * @throws RotorConfigurationException if a key is missing or malformed
     */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    public RotorKeys rotorKeys(RotorProperties properties) {
        return KeysFromProperties.build(properties);
    }

    /**
     * The store named by {@code rotor.store.type}; unset, Redis when {@code rotor-store-redis} is on the
     * classpath and a Redis is configured, else PostgreSQL when {@code rotor-store-jdbc} is on the classpath and
     * the application has a DataSource, else memory.
     *
     * @param properties the settings
     * @param environment for {@code spring.data.redis.*}
     * @param resources the application's class loader, to see which store modules are present
     * @param dataSources the application's DataSource, for the PostgreSQL store
     * @return the store
     * @throws RotorConfigurationException if the store's module is missing or its settings are wrong
     */
    @Bean
    @ConditionalOnMissingBean
    public SessionStore rotorSessionStore(
            RotorProperties properties,
            Environment environment,
            ResourceLoader resources,
            ObjectProvider<DataSource> dataSources) {
        ClassLoader loader = resources.getClassLoader();
        RotorProperties.StoreType type = properties.getStore().getType();
        if (type == null) {
            if (ClassUtils.isPresent("dev.rotor.store.redis.RedisSessionStore", loader)
                    && RedisStoreFactory.configured(properties.getStore().getRedis(), environment)) {
                type = RotorProperties.StoreType.REDIS;
            } else if (ClassUtils.isPresent("dev.rotor.store.jdbc.JdbcSessionStore", loader)
                    && dataSources.getIfUnique() != null) {
                type = RotorProperties.StoreType.JDBC;
            } else {
                type = RotorProperties.StoreType.MEMORY;
            }
            LOG.info("rotor.store.type is not set: using the " + type.name().toLowerCase(java.util.Locale.ROOT)
                    + " store");
        }
        switch (type) {
            case REDIS:
                requireModule(loader, "dev.rotor.store.redis.RedisSessionStore", "redis", "rotor-store-redis");
                JedisFloor.check();
                return RedisStoreFactory.create(properties.getStore().getRedis(), environment);
            case JDBC:
                requireModule(loader, "dev.rotor.store.jdbc.JdbcSessionStore", "jdbc", "rotor-store-jdbc");
                DataSource dataSource = dataSources.getIfUnique();
                if (dataSource == null) {
                    throw new RotorConfigurationException(
                            "rotor.store.type",
                            "is jdbc but the application has no single DataSource",
                            "configure spring.datasource.* (PostgreSQL), or define one DataSource bean");
                }
                return JdbcStoreFactory.create(dataSource);
            default:
                requireModule(loader, "dev.rotor.store.memory.CaffeineSessionStore", "memory", "rotor-store-memory");
                return MemoryStoreFactory.create(properties.getStore().getMemoryMaximumSubjects());
        }
    }

    /**
     * The token service.
     *
     * @param properties the settings
     * @param keys the keys
     * @param store the store
     * @param userLookup the application's user lookup, if any
     * @param listeners every event listener bean, in order
     * @param clock a clock bean, if any
     * @param storeWrappers views of the store the service works through, such as the metrics' timer
     * @return the service
     * @throws RotorConfigurationException naming the property Rotor refused
     */
    @Bean
    @ConditionalOnMissingBean
    public TokenService rotorTokenService(
            RotorProperties properties,
            RotorKeys keys,
            SessionStore store,
            ObjectProvider<UserLookup> userLookup,
            ObjectProvider<TokenEventListener> listeners,
            ObjectProvider<Clock> clock,
            ObjectProvider<UnaryOperator<SessionStore>> storeWrappers) {
        SessionStore used = store;
        for (UnaryOperator<SessionStore> wrapper : storeWrappers.orderedStream().toList()) {
            used = wrapper.apply(used);
        }
        TokenServiceBuilder builder =
                TokenService.builder().signingKey(keys.signingKey()).store(used);
        keys.verificationKeys().forEach(builder::verificationKey);
        apply("rotor.issuer", () -> builder.issuer(properties.getIssuer()));
        if (!properties.audiences().isEmpty()) {
            apply("rotor.audience", () -> builder.audiences(properties.audiences()));
        }
        if (hasText(properties.getClientId())) {
            apply("rotor.client-id", () -> builder.clientId(properties.getClientId()));
        }
        if (keys.refreshTokenKey() != null) {
            apply("rotor.refresh-token-key", () -> builder.refreshTokenKey(keys.refreshTokenKey()));
        }
        if (hasText(properties.getRefreshTokenAudience())) {
            apply(
                    "rotor.refresh-token-audience",
                    () -> builder.refreshTokenAudience(properties.getRefreshTokenAudience()));
        }
        apply("rotor.access-token-ttl", () -> builder.accessTokenTtl(properties.getAccessTokenTtl()));
        apply("rotor.refresh-token-ttl", () -> builder.refreshTokenTtl(properties.getRefreshTokenTtl()));
        if (properties.getAbsoluteSessionLifetime() != null) {
            apply(
                    "rotor.absolute-session-lifetime",
                    () -> builder.absoluteSessionLifetime(properties.getAbsoluteSessionLifetime()));
        }
        apply("rotor.leeway", () -> builder.leeway(properties.getLeeway()));
        apply("rotor.reuse-scope", () -> builder.reuseScope(properties.getReuseScope()));
        Duration grace = properties.getReuseGracePeriod();
        if (grace != null && !grace.isZero()) {
            apply(
                    "rotor.reuse-grace-period",
                    () -> builder.reuseGracePeriod(grace, properties.getReuseGraceMaxReplays()));
        }
        RotorProperties.LiveSessionCheck live = properties.getLiveSessionCheck();
        if (live.getMaxStaleness() != null) {
            apply(
                    "rotor.live-session-check",
                    () -> builder.liveSessionCheck(live.getMaxStaleness(), live.getCacheSize()));
        }
        apply(
                "rotor.max-sessions-per-user",
                () -> builder.maxSessionsPerUser(
                        properties.getMaxSessionsPerUser(), properties.getSessionLimitPolicy()));
        apply("rotor.max-token-length", () -> builder.maxTokenLength(properties.getMaxTokenLength()));
        builder.oauth2Errors(properties.isOauth2Errors());
        userLookup.ifAvailable(builder::userLookup);
        listeners.orderedStream().forEach(builder::eventListener);
        clock.ifAvailable(builder::clock);
        return builder.build();
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }

    private static void apply(String property, Runnable step) {
        RotorConfigurationException.apply(property, step);
    }

    private static void requireModule(ClassLoader loader, String className, String type, String artifact) {
        if (!ClassUtils.isPresent(className, loader)) {
            throw new RotorConfigurationException(
                    "rotor.store.type",
                    "is " + type + " but " + artifact + " is not on the classpath",
                    "add the dependency dev.rotor:" + artifact + ", or choose another store");
        }
    }
}
