package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, finding 1: a symbolic link in an org's inbox — to a secret outside the data folder, to a folder outside
 * it, to another org's file — is never imported (by path or by the scan), never echoed, and its target never moved.
 */
class HostileFilesIT {

    @Test
    void linksInTheInboxAreRefusedAndTheirTargetsStayWhereTheyAre() throws Exception {
        BadgeworksServer server = BadgeworksServer.shared();
        Api api = server.admin().newOrg("files");
        Api other = server.admin().newOrg("files-other");
        Path inbox = Files.createDirectories(server.inbox().resolve(Long.toString(api.orgId())));
        Path otherInbox = Files.createDirectories(server.inbox().resolve(Long.toString(other.orgId())));
        Path outside = Files.createTempDirectory(server.workDir(), "outside");
        Path secret = Files.writeString(outside.resolve("secret.csv"), "BOOTSTRAP_PASSWORD=hunter2\n");
        Path othersFile = Files.writeString(otherInbox.resolve("theirs.csv"), Imports.HEADER);
        Files.createSymbolicLink(inbox.resolve("secret.csv"), secret);
        Files.createSymbolicLink(inbox.resolve("theirs.csv"), othersFile);
        Files.createSymbolicLink(inbox.resolve("folder"), outside);
        for (Path link : new Path[] {inbox.resolve("secret.csv"), inbox.resolve("theirs.csv")}) {
            Files.setLastModifiedTime(link.toRealPath(), FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        }

        for (String path : new String[] {"secret.csv", "theirs.csv", "folder/secret.csv"}) {
            Api.Reply refused = api.post("imports", "{\"path\":\"" + path + "\"}").expectError(400, 1131, "path");
            assertFalse(refused.body().contains("hunter2"), refused.body());
        }
        var started = api.post("imports/scan", null).expect(200).json().getJsonArray("data");
        assertEquals(0, started.size(), "the scan passes links by: " + started);
        assertTrue(Files.exists(secret) && Files.exists(othersFile), "no target was moved");
        assertEquals(0, api.get("imports").expect(200).data().getJsonObject("pagination").getInt("total"));
    }
}
