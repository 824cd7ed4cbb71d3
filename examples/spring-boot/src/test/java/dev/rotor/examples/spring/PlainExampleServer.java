package dev.rotor.examples.spring;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The plain example server ({@code examples/target/rotor-examples.jar}) in its own JVM, for side-by-side runs. */
final class PlainExampleServer implements AutoCloseable {

    private final Process process;
    private final int port;

    PlainExampleServer(Map<String, String> env) {
        Path jar = Path.of(System.getProperty("rotor.example.jar", "../target/rotor-examples.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the plain example first: " + jar.toAbsolutePath() + " is missing");
        }
        this.port = freePort();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m",
                        "-jar",
                        jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(new File("target/plain-example-" + port + ".log"));
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("GRPC_PORT", Integer.toString(freePort()));
        builder.environment().put("HOST", "127.0.0.1");
        try {
            this.process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitListening();
    }

    int port() {
        return port;
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the plain example server exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        close();
        throw new IllegalStateException("the plain example server did not listen on " + port + " within 60 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
