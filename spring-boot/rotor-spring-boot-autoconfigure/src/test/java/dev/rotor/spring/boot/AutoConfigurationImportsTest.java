package dev.rotor.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;

/** Every class named in AutoConfiguration.imports exists and is an auto-configuration, so no name goes stale. */
class AutoConfigurationImportsTest {

    @Test
    void everyImportLoads() throws IOException, ReflectiveOperationException {
        List<String> names;
        try (InputStream in = getClass()
                .getResourceAsStream(
                        "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            names = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        }
        assertThat(names).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
        for (String name : names) {
            Class<?> type = Class.forName(name);
            assertThat(type.isAnnotationPresent(AutoConfiguration.class))
                    .as(name)
                    .isTrue();
            type.getDeclaredConstructor(); // instantiable by Spring
        }
    }
}
