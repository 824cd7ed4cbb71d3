package dev.rotor.store.redis;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The Jedis floor: this store needs Jedis 7.2 or newer, the first with {@code RedisClient}, {@code
 * RedisClusterClient} and {@code RedisSentinelClient}. Dependency management can pick an older Jedis (Spring
 * Boot 3.5 manages 6.0, Boot 4.0 manages 7.0), which compiles and then fails with {@code NoClassDefFoundError}
 * at run time; this check fails first, with one line that says what to change. Uses only the JDK, so it runs
 * whatever Jedis is on the class path.
 */
final class JedisVersion {

    static final String REQUIRED = "7.2";

    private static final String[] NEEDED = {
        "redis.clients.jedis.RedisClient",
        "redis.clients.jedis.RedisClusterClient",
        "redis.clients.jedis.RedisSentinelClient"
    };

    private JedisVersion() {}

    /** Throws unless the Jedis next to this class is 7.2 or newer. */
    static void check() {
        ClassLoader loader = JedisVersion.class.getClassLoader();
        for (String name : NEEDED) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("rotor-store-redis needs Jedis " + REQUIRED
                        + " or newer, but found Jedis "
                        + found(loader) + ": depend on redis.clients:jedis 7.2 or newer (Rotor is tested with 7.5.3);"
                        + " under Spring Boot's dependency management set the property jedis.version=7.5.3");
            }
        }
    }

    /** The version in the Jedis jar's {@code pom.properties}, or a word saying it could not be read. */
    static String found(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream("META-INF/maven/redis.clients/jedis/pom.properties")) {
            if (in == null) {
                return "of an unknown version";
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version", "of an unknown version");
        } catch (IOException | IllegalArgumentException e) {
            return "of an unknown version";
        }
    }
}
