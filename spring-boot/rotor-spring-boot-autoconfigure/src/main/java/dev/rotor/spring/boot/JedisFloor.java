package dev.rotor.spring.boot;

import dev.rotor.store.redis.RedisSessionStore;

/**
 * The Redis store's Jedis floor as a startup failure naming {@code jedis.version}. The rule (7.2 or newer) is
 * the store's own, checked by {@link RedisSessionStore#builder()}; this class holds no Jedis reference, so it
 * loads whatever Jedis Spring Boot's dependency management picked (Boot 4.0 manages 7.0, Boot 3.5 6.0).
 */
final class JedisFloor {

    private JedisFloor() {}

    static void check() {
        try {
            RedisSessionStore.builder();
        } catch (IllegalStateException tooOld) {
            throw new RotorConfigurationException(
                    "jedis.version",
                    tooOld.getMessage(),
                    "on Spring Boot's parent set <jedis.version>7.5.3</jedis.version>; with Boot's BOM imported,"
                            + " manage redis.clients:jedis 7.5.3 in your dependencyManagement");
        }
    }
}
