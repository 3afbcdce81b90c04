package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Imports through the running server: same rules and codes as REST, bad rows reported, re-runs add nothing. */
class ImportIT {

    static final Duration WAIT = Duration.ofSeconds(60);

    Api api;
    Path inbox;
    String direct;
    String enrolFirst;
    String expired;

    @BeforeEach
    void orgWithBadges() {
        BadgeworksServer server = BadgeworksServer.shared();
        api = server.admin().newOrg("import");
        inbox = server.inbox().resolve(Long.toString(api.orgId()));
        direct = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Direct")), "Loyalty", "p1");
        enrolFirst = Badges.createClaimed(api, Badges.issueEarnBadge(Badges.uniqueName("Enrol")), "Loyalty", "p1");
        Instant start = Instant.now().minus(Duration.ofDays(60));
        JsonObject past = Badges.with(Badges.with(Badges.earnBadge(Badges.uniqueName("Past")), "startOn",
                start.getEpochSecond()), "expiresOnISO", start.plus(Duration.ofDays(30)).toString());
        expired = api.post("badgeMeta", past.toString(), Map.of("X-CAP-BADGES-MIGRATION", "migration"))
                .expect(201).data().getString("id");
        api.post("badgeMeta/" + expired + "/claim", "{\"ownerType\":\"Loyalty\",\"referenceId\":\"p1\"}").expect(200);
    }

    private String csv() {
        long inPast = Instant.now().minus(Duration.ofDays(45)).toEpochMilli();
        String justNow = Instant.now().toString();
        return Imports.HEADER
                + "r1," + direct + ",1001," + justNow + ",Loyalty,p1\n"                   // 2 earned
                + "," + direct + ",1002,,Loyalty,p1\n"                                     // 3 earned, derived requestId
                + "r3," + expired + ",1003," + inPast + ",Loyalty,p1\n"                    // 4 earned (retro)
                + "r1," + direct + ",1001," + justNow + ",Loyalty,p1\n"                   // 5 duplicate
                + "r5," + enrolFirst + ",1005,,Loyalty,p1\n"                               // 6 811
                + "r6," + direct + ",1006,,Loyalty,somebody-else\n"                        // 7 810
                + "r7," + direct + ",1007,not-a-date,Loyalty,p1\n"                         // 8 1104
                + "r8," + direct + ",1008,,Membercare,p1\n"                                // 9 400
                + "r9,000000000000000000000000,1009,,Loyalty,p1\n"                         // 10 404
                + "too,few,columns\n"                                                      // 11 1105
                + "\n"                                                                     // blank: skipped
                + "r12," + expired + ",1012,,Loyalty,p1\n"                                 // 13 1122
                + "r13," + direct + ",,,Loyalty,p1\n";                                     // 14 812
    }

    @Test
    void aCsvFileImportsItsGoodRowsAndReportsEachBadOneWithItsLineAndTheRestCode() {
        String content = csv();
        String id = Imports.upload(api, "nightly.csv", "text/csv", content);
        JsonObject done = Imports.await(api, id, WAIT, "COMPLETED", "FAILED");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(12, done.getInt("rowsTotal"));
        assertEquals(12, done.getInt("rowsRead"));
        assertEquals(3, done.getInt("rowsEarned"));
        assertEquals(1, done.getInt("rowsDuplicate"));
        assertEquals(8, done.getInt("rowsRejected"));
        assertEquals(Json.createObjectBuilder().add("done", 12).add("total", 12).add("percent", 100.0).build(),
                done.getJsonObject("progress"));
        JsonObject counts = done.getJsonObject("errorCounts");
        for (String code : new String[] {"811", "810", "1104", "400", "404", "1105", "1122", "812"}) {
            assertEquals(1, counts.getInt(code), () -> code + " in " + counts);
        }
        String rejects = Imports.rejectsFile(inbox, "done", id);
        assertTrue(rejects.startsWith("line,code,reason,original"));
        assertTrue(rejects.contains("\n6,811,"), rejects);
        assertTrue(rejects.contains("\n8,1104,"), rejects);
        assertTrue(rejects.contains("\n11,1105,"), rejects);
        assertTrue(rejects.contains("too,few,columns"), rejects);
        Imports.assertFileIn(inbox, "done", id, "nightly.csv");
        JsonObject report = Imports.report(inbox, "done", id);
        assertEquals("COMPLETED", report.getString("status"));
        assertEquals(3, report.getInt("rowsEarned"));
        assertEquals(1, report.getInt("rowsDuplicate"));
        assertEquals(counts, report.getJsonObject("errorCounts"));

        String again = Imports.upload(api, "nightly-again.csv", "text/csv", content);
        JsonObject rerun = Imports.await(api, again, WAIT, "COMPLETED", "FAILED");
        assertEquals(0, rerun.getInt("rowsEarned"), "re-running a file adds nothing");
        assertEquals(4, rerun.getInt("rowsDuplicate"));
        assertEquals(8, rerun.getInt("rowsRejected"));
    }

    @Test
    void aRowGetsTheSameCodeAsTheSameEarnOverRest() {
        String body = "{\"badgeMetaId\":\"" + enrolFirst + "\",\"customerId\":\"77\",\"requestId\":\"x-77\","
                + "\"triggeredBy\":{\"ownerType\":\"Loyalty\",\"referenceId\":\"p1\"}}";
        int restCode = api.post("customer/earn", body).expectError(409, 811, "customerId").errors()
                .getJsonObject(0).getInt("code");
        String id = Imports.upload(api, "one.jsonl", "application/x-ndjson", body + "\n");
        JsonObject done = Imports.await(api, id, WAIT, "COMPLETED", "FAILED");
        assertEquals(1, done.getJsonObject("errorCounts").getInt(Integer.toString(restCode)));
    }

    @Test
    void jsonLinesWithABrokenLineImportTheRest() {
        String lines = "{\"badgeMetaId\":\"" + direct + "\",\"customerId\":1,\"requestId\":1,"
                + "\"triggeredBy\":{\"ownerType\":\"Loyalty\",\"referenceId\":\"p1\"}}\n"
                + "{\"badgeMetaId\": broken\n"
                + "{\"badgeMetaId\":\"" + direct + "\",\"customerId\":\"2\",\"earnEventDateISO\":\""
                + Instant.now().toString() + "\",\"triggeredBy\":{\"ownerType\":\"Loyalty\",\"referenceId\":\"p1\"}}\n";
        String id = Imports.upload(api, "earns.jsonl", "application/x-ndjson", lines);
        JsonObject done = Imports.await(api, id, WAIT, "COMPLETED", "FAILED");
        assertEquals(2, done.getInt("rowsEarned"));
        assertEquals(1, done.getInt("rowsRejected"));
        assertTrue(Imports.rejectsFile(inbox, "done", id).contains("\n2,400,"));
    }

    @Test
    void wholeFileProblemsFailTheImportAndEarnNothing() {
        String wrongHeader = "request,badge,customer\n" + "r1," + direct + ",1\n";
        String id = Imports.upload(api, "bad-header.csv", "text/csv", wrongHeader);
        JsonObject failed = Imports.await(api, id, WAIT, "COMPLETED", "FAILED");
        assertEquals("FAILED", failed.getString("status"));
        assertTrue(failed.getString("message").contains("unknown column 'request'"), failed.toString());
        assertEquals(0, failed.getInt("rowsEarned"));
        JsonObject failedReport = Imports.report(inbox, "failed", id);
        assertEquals("FAILED", failedReport.getString("status"));
        assertEquals(failed.getString("message"), failedReport.getString("message"));

        byte[] latin1 = (Imports.HEADER + "r1," + direct + ",Jos\u00e9,,Loyalty,p1\n").getBytes(StandardCharsets.ISO_8859_1);
        String notUtf8 = api.postBytes("imports?fileName=latin1.csv", "text/csv", latin1).expect(202).data().getString("id");
        JsonObject failed2 = Imports.await(api, notUtf8, WAIT, "COMPLETED", "FAILED");
        assertEquals("FAILED", failed2.getString("status"));
        assertTrue(failed2.getString("message").contains("not UTF-8"), failed2.toString());
        assertEquals(0, failed2.getInt("rowsEarned"));

        api.post("imports", "{\"path\":\"../../../etc/passwd\"}").expectError(400, 1131, "path");
        api.post("imports", "{\"path\":\"missing.csv\"}").expectError(400, 1131, "path");
        // issue 9, findings 7 and 8: a bad page is a clear 400, a huge one an empty page, never a 404 or a 500
        api.get("imports?size=abc").expectError(400, 1105, "size");
        api.get("imports?page=-1").expectError(400, 1105, "page");
        assertEquals(0, api.get("imports?page=10737419&size=200").expect(200).data().getJsonArray("imports").size());
        // issue 9, finding 9: one JSON document per request, nothing after it
        api.post("imports", "{\"path\":\"missing.csv\"}GARBAGE").expectError(400, 400, null);
        api.postBytes("imports?fileName=notes.txt", "text/csv", "x".getBytes(StandardCharsets.UTF_8))
                .expectError(400, 1131, "fileName");
        api.get("imports/000000000000000000000000").expectError(404, 1130, "importId");
    }

    @Test
    void theInboxScanTakesCompleteFilesOnlyAndAPathImportsFromTheInbox() throws Exception {
        Files.createDirectories(inbox);
        String row = Imports.HEADER + "in-1," + direct + ",2001,,Loyalty,p1\n";
        Path writing = Files.writeString(inbox.resolve("tonight.csv.part"), row);
        Path fresh = Files.writeString(inbox.resolve("fresh.csv"), row.replace("in-1", "in-2"));
        Path complete = Files.writeString(inbox.resolve("complete.csv"), row.replace("in-1", "in-3"));
        Files.setLastModifiedTime(complete, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        Files.setLastModifiedTime(writing, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));

        var started = api.post("imports/scan", null).expect(200).json().getJsonArray("data");
        assertEquals(1, started.size(), "only the complete file: " + started);
        String id = started.getJsonObject(0).getString("id");
        assertEquals("complete.csv", started.getJsonObject(0).getString("fileName"));
        assertEquals(1, Imports.await(api, id, WAIT, "COMPLETED", "FAILED").getInt("rowsEarned"));
        assertTrue(Files.exists(writing) && Files.exists(fresh), "files still being written stay");

        String byPath = api.post("imports", "{\"path\":\"fresh.csv\"}").expect(202).data().getString("id");
        assertEquals(1, Imports.await(api, byPath, WAIT, "COMPLETED", "FAILED").getInt("rowsEarned"));
        assertEquals(2, api.get("imports").expect(200).data().getJsonObject("pagination").getInt("total"));
    }

    /**
     * A stop must land: the file has 100 chunks (1000 rows each), the stop is asked once the first is committed and
     * is read before the next, so the import cannot complete first. The restart resumes at the stopped checkpoint.
     */
    @Test
    void aStoppedImportRestartsWhereItStopped() throws Exception {
        StringBuilder file = new StringBuilder(Imports.HEADER);
        int rows = 100_000;
        for (int i = 1; i <= rows; i++) {
            file.append("stop-").append(i).append(',').append(direct).append(',').append(i % 5000).append(",,Loyalty,p1\n");
        }
        String id = Imports.upload(api, "big.csv", "text/csv", file.toString());
        Imports.await(api, id, WAIT, "RUNNING");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (api.get("imports/" + id).data().getInt("rowsRead") == 0 && System.nanoTime() < deadline) {
            Imports.sleep(50);
        }
        JsonObject stopping = api.post("imports/" + id + "/stop", null).expect(200).data();
        assertTrue(stopping.getString("status").startsWith("STOP"), stopping.toString());
        JsonObject stopped = Imports.await(api, id, WAIT, "STOPPED", "COMPLETED", "FAILED");
        assertEquals("STOPPED", stopped.getString("status"), stopped.toString());
        int committed = stopped.getInt("rowsRead");
        assertTrue(committed > 0 && committed < rows && committed % 1000 == 0, "whole chunks, mid-file: " + stopped);
        assertEquals(committed, stopped.getInt("rowsEarned"), stopped.toString());
        assertEquals(committed, api.get("badgeMeta/" + direct).expect(200).data().getInt("earnedCount"),
                "the committed chunks' earns, nothing of the stopped one");
        api.post("imports/" + id + "/stop", null).expectError(409, 1132, "importId");

        api.post("imports/" + id + "/restart", null).expect(200);
        JsonObject done = Imports.await(api, id, Duration.ofMinutes(3), "COMPLETED", "FAILED");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(rows, done.getInt("rowsRead"));
        assertEquals(rows, done.getInt("rowsEarned"), "none lost, none doubled");
        assertEquals(0, done.getInt("rowsDuplicate"));
        assertEquals(rows, api.get("badgeMeta/" + direct).expect(200).data().getInt("earnedCount"));
        if (BadgeworksServer.onPostgres()) {
            // the table itself (an embedded H2 file cannot be opened while the shared server runs)
            try (Connection c = BadgeworksServer.shared().database();
                 PreparedStatement count = c.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT import_line),"
                         + " COUNT(DISTINCT request_id) FROM badge_earn WHERE import_id = ?")) {
                count.setString(1, id);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    assertEquals(rows, rs.getLong(1), "earns of the import in badge_earn");
                    assertEquals(rows, rs.getLong(2), "one per line");
                    assertEquals(rows, rs.getLong(3), "one per requestId");
                }
            }
        }
        api.post("imports/" + id + "/restart", null).expectError(409, 1132, "importId");
    }
}
