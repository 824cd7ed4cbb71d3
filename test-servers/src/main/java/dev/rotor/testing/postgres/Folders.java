package dev.rotor.testing.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deleting and handing over folders. */
final class Folders {

    private Folders() {}

    /** Deletes a folder and everything in it; a leftover temp folder is harmless, so failures are ignored. */
    static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // nothing to do
        }
    }

    /** Makes {@code user:group} the owner of a folder (not of its content); only root may. */
    static void chown(Path folder, String user, String group) throws IOException {
        UserPrincipalLookupService lookup = folder.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(folder, PosixFileAttributeView.class);
        GroupPrincipal groupPrincipal = lookup.lookupPrincipalByGroupName(group);
        view.setOwner(lookup.lookupPrincipalByName(user));
        view.setGroup(groupPrincipal);
    }
}
