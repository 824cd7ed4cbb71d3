package dev.rotor.testing.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of PostgreSQL's programs in a server's folder and waits for it. PostgreSQL refuses to run as root,
 * so as root every program runs as {@code nobody:nogroup} through {@code setpriv}; the folder then belongs to
 * that user. Output goes to a file, so a program that never closes its output cannot make this wait forever.
 */
final class PgCommand {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path binaries;
    private final Path folder;
    private final boolean asNobody;

    PgCommand(Path binaries, Path folder, boolean asNobody) {
        this.binaries = binaries;
        this.folder = folder;
        this.asNobody = asNobody;
    }

    /**
     * Runs {@code bin/<program> <arguments>} and requires exit code 0.
     *
     * @throws IllegalStateException with the program's output if it fails or takes over two minutes
     */
    void run(String program, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (asNobody) {
            command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        command.add(binaries.resolve("bin").resolve(program).toString());
        command.addAll(arguments);
        Path output = folder.resolve(program + ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("LC_ALL", "C");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " took over " + TIMEOUT_SECONDS + " s: " + read(output));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        program + " exited with " + process.exitValue() + ": " + read(output) + logTail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + program, e);
        }
    }

    private String logTail() {
        String log = read(folder.resolve("postgres.log"));
        return log.isEmpty() ? "" : "\npostgres.log: " + log.substring(Math.max(0, log.length() - 2000));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file).strip() : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
