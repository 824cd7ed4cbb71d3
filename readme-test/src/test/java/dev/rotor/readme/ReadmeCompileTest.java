package dev.rotor.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.readme.ReadmeBlocks.Block;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md compiles against the published modules and their compile and runtime
 * dependencies only (not this module's test libraries), a {@code ```java example} block against the example
 * module's jar as well; the quick start runs.
 */
class ReadmeCompileTest {

    /** Fragments are not compiled, so there must be few of them. */
    private static final int MAX_FRAGMENTS = 2;

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyJavaBlockCompiles() throws IOException {
        List<Block> blocks = ReadmeBlocks.of(ReadmeBlocks.readme());
        assertThat(blocks).filteredOn(b -> !b.fragment()).isNotEmpty();
        return blocks.stream()
                .filter(b -> !b.fragment())
                .map(b -> DynamicTest.dynamicTest(b + " (" + b.typeName() + ")", () -> compile(b)));
    }

    @Test
    void theBlocksClasspathHoldsThePublishedModulesAndNoTestLibrary() throws IOException {
        assertThat(classpath("readme.published.classpath"))
                .contains("rotor-core", "rotor-store-memory", "rotor-store-redis", "jedis", "java-jwt")
                .doesNotContain("junit", "assertj", "rotor-examples", "grpc", "embedded-redis");
        assertThat(classpath("readme.example.classpath"))
                .contains("rotor-examples")
                .doesNotContain("grpc");
    }

    @Test
    void fewBlocksAreFragments() throws IOException {
        assertThat(ReadmeBlocks.of(ReadmeBlocks.readme()))
                .filteredOn(Block::fragment)
                .hasSizeLessThanOrEqualTo(MAX_FRAGMENTS);
    }

    @Test
    void theQuickStartRunsOnTheInMemoryStore() throws Exception {
        Block quickStart = ReadmeBlocks.of(ReadmeBlocks.readme()).stream()
                .filter(b -> !b.fragment() && b.typeName().equals("QuickStart"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("README.md has no ```java block with class QuickStart"));
        Path classes = compile(quickStart);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass("QuickStart").getMethod("main", String[].class);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(stdout);
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("\"reason\":\"TOKEN_REUSED\"")
                .doesNotContain("eyJ");
    }

    /** The classpath the build wrote to the file a system property names. */
    private static String classpath(String property) throws IOException {
        String file = System.getProperty(property);
        assertThat(file)
                .as("system property %s, set by readme-test/pom.xml", property)
                .isNotNull();
        return Files.readString(Path.of(file)).strip();
    }

    /** Compiles one block on its own, into a folder of its own; fails naming the block's line. */
    private Path compile(Block block) throws IOException {
        Path dir = Files.createDirectories(work.resolve("line-" + block.line()));
        Path source = dir.resolve(block.typeName() + ".java");
        Files.writeString(source, block.code());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(
                        errors,
                        null,
                        null,
                        List.of(
                                "-classpath",
                                block.example()
                                        ? classpath("readme.published.classpath")
                                                + File.pathSeparator
                                                + classpath("readme.example.classpath")
                                        : classpath("readme.published.classpath"),
                                "-d",
                                dir.toString(),
                                "-Xlint:all",
                                "-Werror",
                                "-proc:none"),
                        null,
                        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                                .getJavaFileObjects(source))
                .call();
        assertThat(ok)
                .as("%s: the ```java block does not compile:%n%s", block, errors)
                .isTrue();
        return dir;
    }
}
