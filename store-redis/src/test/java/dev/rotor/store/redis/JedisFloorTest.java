package dev.rotor.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * With a Jedis older than 7.2 on the class path, as Spring Boot's dependency management picks, building a store
 * fails at once with one line that names the versions and the fix. The old Jedis (7.1.0, from Maven Central,
 * copied into {@code target/old-jedis} by the build) and this module's classes are loaded in a class loader of
 * their own.
 */
class JedisFloorTest {

    private static final Path OLD_JEDIS = Path.of("target", "old-jedis", "jedis-7.1.0.jar");

    @Test
    void anOlderJedisFailsTheBuilderWithOneLineNamingTheVersionsAndTheFix() throws Exception {
        assertThat(OLD_JEDIS).exists();
        URL[] urls = {
            OLD_JEDIS.toUri().toURL(),
            RedisSessionStore.class.getProtectionDomain().getCodeSource().getLocation()
        };
        try (URLClassLoader loader = new OldJedisFirst(urls, getClass().getClassLoader())) {
            Class<?> store = loader.loadClass(RedisSessionStore.class.getName());
            assertThat(store.getClassLoader()).isSameAs(loader);

            assertThatThrownBy(() -> invokeBuilder(store))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("rotor-store-redis needs Jedis 7.2 or newer, but found Jedis 7.1.0: depend on"
                            + " redis.clients:jedis 7.2 or newer (Rotor is tested with 7.5.3); under Spring Boot's"
                            + " dependency management set the property jedis.version=7.5.3");
        }
    }

    @Test
    void theJedisThisModuleIsBuiltWithPasses() {
        assertThat(JedisVersion.found(getClass().getClassLoader())).isEqualTo("7.5.3");
        JedisVersion.check();
        assertThat(Files.exists(OLD_JEDIS)).isTrue();
    }

    private static void invokeBuilder(Class<?> store) throws Throwable {
        try {
            store.getMethod("builder").invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Loads Jedis and this store from its own URLs, everything else (core, slf4j, commons-pool) from the tests. */
    private static final class OldJedisFirst extends URLClassLoader {

        OldJedisFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        private static boolean ours(String name) {
            return name.startsWith("redis.clients.jedis")
                    || name.startsWith("dev.rotor.store.redis")
                    || name.startsWith("redis/clients/jedis")
                    || name.startsWith("META-INF/maven/redis.clients/jedis/");
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!ours(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }

        @Override
        public URL getResource(String name) {
            return ours(name) ? findResource(name) : super.getResource(name);
        }
    }
}
