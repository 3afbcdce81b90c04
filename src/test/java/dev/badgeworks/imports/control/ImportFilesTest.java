package dev.badgeworks.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, finding 1: only the org's own regular files are imported, never what a link points at. */
class ImportFilesTest {

    @TempDir
    Path data;

    @Test
    void linksToFilesOrFoldersOutsideTheOrgsInboxAreNotItsFiles() throws Exception {
        ImportFiles files = new ImportFiles(data.resolve("inbox"), Duration.ZERO);
        Path org = files.orgInbox(2);
        Path secret = Files.writeString(data.resolve("secret.csv"), "TOKEN=hunter2\n");
        Path outside = Files.createDirectories(data.resolve("elsewhere"));
        Files.writeString(outside.resolve("x.csv"), "a,b\n");
        Files.createSymbolicLink(org.resolve("link.csv"), secret);
        Files.createSymbolicLink(org.resolve("sub"), outside);
        Files.createSymbolicLink(org.resolve("other-org.csv"), Files.writeString(files.orgInbox(3).resolve("o.csv"), "x"));
        Path own = Files.writeString(org.resolve("own.csv"), "a,b\n");
        Instant later = Instant.now().plusSeconds(5);

        assertEquals(Optional.empty(), files.resolveInOrgInbox(2, "link.csv"));
        assertEquals(Optional.empty(), files.resolveInOrgInbox(2, "sub/x.csv"));
        assertEquals(Optional.empty(), files.resolveInOrgInbox(2, "other-org.csv"));
        assertEquals(Optional.empty(), files.resolveInOrgInbox(2, "../../secret.csv"));
        assertEquals(Optional.of(own), files.resolveInOrgInbox(2, "own.csv"));
        assertFalse(files.isComplete(2, org.resolve("link.csv"), later), "the scan passes links by");
        assertFalse(files.isComplete(2, org.resolve("other-org.csv"), later));
        assertTrue(files.isComplete(2, own, later));
    }
}
