package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real Payara Micro process killed with SIGKILL in the middle of an import, then started again: the restarted
 * import ends with exactly the earns and rejects of a clean run. Chunks are small (50 rows, each one transaction
 * with its checkpoint), so the kill lands inside a chunk with many chunks committed before it; the database is read
 * between the kill and the restart (the committed checkpoint against the earns and rejects written so far) and
 * again at the end (the earns in badge_earn, not the import's own counters). The same server runs the inbox timer
 * every two seconds.
 */
class CrashIT {

    static final int CHUNK = 50;

    BadgeworksServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** What each data row of the test file is; data row {@code i} is line {@code i + 1} (line 1 is the header). */
    enum Kind { EARN, DUPLICATE, BAD }

    record TestFile(String content, Kind[] kinds) {

        int rows() {
            return kinds.length - 1;
        }

        /** How many rows of {@code kind} lie on lines before {@code line}. */
        int before(long line, Kind kind) {
            int n = 0;
            for (int i = 1; i < kinds.length && i + 1 < line; i++) {
                n += kinds[i] == kind ? 1 : 0;
            }
            return n;
        }

        int all(Kind kind) {
            return before(Long.MAX_VALUE, kind);
        }
    }

    /** Every 20th row repeats the row before it; with {@code badRows}, every 50th has a date that is no date. */
    static TestFile file(String badge, int rows, boolean badRows) {
        StringBuilder file = new StringBuilder(Imports.HEADER);
        Kind[] kinds = new Kind[rows + 1];
        for (int i = 1; i <= rows; i++) {
            if (badRows && i % 50 == 0) {
                file.append("bad-").append(i).append(',').append(badge).append(",c,not-a-date,Loyalty,p1\n");
                kinds[i] = Kind.BAD;
            } else if (i % 20 == 0) {
                int earlier = i - 1;
                file.append("k-").append(earlier).append(',').append(badge).append(',').append(earlier % 7000)
                        .append(",,Loyalty,p1\n");
                kinds[i] = Kind.DUPLICATE;
            } else {
                file.append("k-").append(i).append(',').append(badge).append(',').append(i % 7000).append(",,Loyalty,p1\n");
                kinds[i] = Kind.EARN;
            }
        }
        return new TestFile(file.toString(), kinds);
    }

    @Test
    void anImportKilledMidFileResumesFromItsCheckpointWithNothingLostOrDoubled() throws Exception {
        killMidImportAndResume("crash", false);
    }

    @Test
    void rejectsOfAnImportKilledMidFileSurviveTheCrashExactlyOnce() throws Exception {
        killMidImportAndResume("crash-rejects", true);
    }

    private void killMidImportAndResume(String name, boolean badRows) throws Exception {
        server = BadgeworksServer.create(name, Map.of(
                "BADGEWORKS_BOOTSTRAP_PASSWORD", BadgeworksServer.ADMIN_PASSWORD,
                "BADGEWORKS_IMPORT_CHUNK_SIZE", Integer.toString(CHUNK),
                "BADGEWORKS_IMPORT_LEASE_SECONDS", "3",
                "BADGEWORKS_IMPORT_QUIET_SECONDS", "1",
                "BADGEWORKS_IMPORT_SCHEDULE", "second=*/2;minute=*;hour=*"));
        server.start();
        Api api = server.admin().newOrg(name);
        String badge = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Crash")), "Loyalty", "p1");

        TestFile file = file(badge, 40_000, badRows);
        int rows = file.rows();
        int expectedEarned = file.all(Kind.EARN);
        int expectedDuplicates = file.all(Kind.DUPLICATE);
        int expectedRejected = file.all(Kind.BAD);
        String id = Imports.upload(api, name + ".csv", "text/csv", file.content());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int read = 0;
        while (read < 2_000 && System.nanoTime() < deadline) {
            read = api.get("imports/" + id).data().getInt("rowsRead");
            Imports.sleep(10);
        }
        assertTrue(read >= 2_000 && read < rows, "killed mid-file, after " + read + " rows");
        server.kill();
        long committed = checkpointAgreesWithTheTables(id, file);
        if (badRows) {
            keepARejectOfTheInterruptedChunk(id, badge, committed);
        }

        server.start();
        JsonObject orphan = api.get("imports/" + id).expect(200).data();
        assertEquals("RUNNING", orphan.getString("status"), "the dead execution still looks busy");
        // the new instance may already have taken the import over while it started: at least what was committed
        assertTrue(orphan.getInt("rowsRead") >= committed - 2, "what the table held at the kill: " + orphan);
        // nobody restarts it: the new instance takes the import over by itself once the dead owner's lease is over
        JsonObject done = Imports.await(api, id, Duration.ofMinutes(5), "COMPLETED", "FAILED");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(1, done.getInt("takeovers"), done.toString());
        assertEquals(rows, done.getInt("rowsRead"));
        assertEquals(expectedEarned, done.getInt("rowsEarned"), "none lost, none doubled");
        assertEquals(expectedDuplicates, done.getInt("rowsDuplicate"));
        assertEquals(expectedRejected, done.getInt("rowsRejected"));
        Path inbox = server.inbox().resolve(Long.toString(api.orgId()));
        if (badRows) {
            assertEquals(Json.createObjectBuilder().add("1104", expectedRejected).build(),
                    done.getJsonObject("errorCounts"), "counted from import_reject: each bad line once");
            Set<Long> badLines = new TreeSet<>();
            for (long line = 51; line <= rows + 1; line += 50) {
                badLines.add(line);
            }
            try (CSVParser rejects = CSVParser.parse(Imports.rejectsFile(inbox, "done", id),
                    CSVFormat.DEFAULT.builder().setHeader().get())) {
                List<Long> reported = rejects.stream().map(r -> Long.parseLong(r.get("line"))).toList();
                assertEquals(expectedRejected, reported.size(), "each bad line reported once");
                assertEquals(badLines, new TreeSet<>(reported));
            }
        }
        assertEquals(expectedEarned, api.get("badgeMeta/" + badge).expect(200).data().getInt("earnedCount"),
                "each good row earned once");

        if (badRows) {
            Files.createDirectories(inbox);
            Path again = Files.writeString(inbox.resolve("crash-again.csv"), file.content());
            Files.setLastModifiedTime(again, FileTime.from(Instant.now().minusSeconds(60)));
            JsonObject scanned = awaitScheduledImport(api, Duration.ofSeconds(30));
            JsonObject rerun = Imports.await(api, scanned.getString("id"), Duration.ofMinutes(5), "COMPLETED", "FAILED");
            assertEquals("INBOX", rerun.getString("source"));
            assertEquals(0, rerun.getInt("rowsEarned"), "the nightly re-run of the same file adds nothing");
            assertEquals(expectedEarned + expectedDuplicates, rerun.getInt("rowsDuplicate"));
        }

        // the table itself, not the import's counters (an embedded H2 file opens only while its server is down)
        server.stop();
        try (Connection c = server.database()) {
            long[] earns = longs(c, "SELECT COUNT(*), COUNT(DISTINCT request_id), COUNT(DISTINCT import_line)"
                    + " FROM badge_earn WHERE badge_id = ?", badge);
            assertEquals(expectedEarned, earns[0], "earns of the badge in badge_earn");
            assertEquals(expectedEarned, earns[1], "one earn per requestId");
            assertEquals(expectedEarned, earns[2], "one earn per good line");
            assertEquals(expectedEarned, longs(c, "SELECT COUNT(*) FROM badge_earn WHERE import_id = ?", id)[0],
                    "all written by the crashed import");
            long[] rejects = longs(c, "SELECT COUNT(*), COUNT(DISTINCT line_number) FROM import_reject"
                    + " WHERE import_id = ?", id);
            assertEquals(expectedRejected, rejects[0], "rejects in import_reject");
            assertEquals(expectedRejected, rejects[1]);
        }
    }

    @Test
    void anActivityFileKilledMidFileResumesAndItsRuleEarnsExactlyOnce() throws Exception {
        server = BadgeworksServer.create("crash-activities", Map.of(
                "BADGEWORKS_BOOTSTRAP_PASSWORD", BadgeworksServer.ADMIN_PASSWORD,
                "BADGEWORKS_IMPORT_CHUNK_SIZE", Integer.toString(CHUNK),
                "BADGEWORKS_IMPORT_LEASE_SECONDS", "3",
                "BADGEWORKS_IMPORT_QUIET_SECONDS", "1"));
        server.start();
        Api api = server.admin().newOrg("crash-activities");
        // every 3 purchases of a customer earn again
        String badge = ActivitiesIT.ruleBadge(api, "{\"activity\":\"TransactionAdd\",\"measure\":\"COUNT\","
                + "\"target\":3,\"repeat\":true,\"triggeredBy\":{\"ownerType\":\"Milestones\","
                + "\"referenceId\":\"rule-1\"}}", true);
        int customers = 1_500;
        StringBuilder file = new StringBuilder("requestId,customerId,activity,eventDate,amount\n");
        int[] recordedOf = new int[customers];
        int recorded = 0;
        int duplicates = 0;
        Instant start = Instant.now().minus(Duration.ofDays(20));
        for (int i = 1; i <= 24_000; i++) {
            // every 20th row repeats the row before it
            int row = i % 20 == 0 ? i - 1 : i;
            int customer = row % customers;
            file.append("a-").append(row).append(",c").append(customer).append(",TransactionAdd,")
                    .append(start.plusSeconds(row * 60L)).append(',').append(row % 90).append('\n');
            if (row == i) {
                recordedOf[customer]++;
                recorded++;
            } else {
                duplicates++;
            }
        }
        int expectedEarns = 0;
        for (int n : recordedOf) {
            expectedEarns += n / 3;
        }
        String id = Imports.upload(api, "purchases.csv", "text/csv", file.toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int read = 0;
        while (read < 2_000 && System.nanoTime() < deadline) {
            read = api.get("imports/" + id).data().getInt("rowsRead");
            Imports.sleep(10);
        }
        assertTrue(read >= 2_000 && read < 24_000, "killed mid-file, after " + read + " rows");
        server.kill();
        server.start();
        JsonObject done = Imports.await(api, id, Duration.ofMinutes(5), "COMPLETED", "FAILED");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(1, done.getInt("takeovers"), done.toString());
        assertEquals(recorded, done.getInt("rowsRecorded"), "none lost, none doubled");
        assertEquals(duplicates, done.getInt("rowsDuplicate"));
        assertEquals(expectedEarns, api.get("badgeMeta/" + badge).expect(200).data().getInt("earnedCount"),
                "each customer's every third purchase earned once");
        server.stop();
        try (Connection c = server.database()) {
            long[] activities = longs(c, "SELECT COUNT(*), COUNT(DISTINCT request_id) FROM activity"
                    + " WHERE import_id = ?", id);
            assertEquals(recorded, activities[0], "activities stored by the crashed import");
            assertEquals(recorded, activities[1]);
            long[] earns = longs(c, "SELECT COUNT(*), COUNT(DISTINCT request_id) FROM badge_earn WHERE badge_id = ?",
                    badge);
            assertEquals(expectedEarns, earns[0], "earns in badge_earn");
            assertEquals(expectedEarns, earns[1], "one earn per derived requestId");
            assertEquals(0, longs(c, "SELECT COUNT(*) FROM activity_customer WHERE unsettled_since_ms IS NOT NULL")[0],
                    "the taken-over import settled every customer its file touched");
        }
    }

    /**
     * Read while the server is down: the checkpoint committed in import_job (the next line to read) and what the
     * committed chunks wrote agree — no earn or reject on or past that line, each good row before it earned once,
     * each bad one rejected once, the counters those of the lines before it. Returns the checkpoint's next line.
     */
    private long checkpointAgreesWithTheTables(String id, TestFile file) throws SQLException {
        try (Connection c = server.database()) {
            long[] job = longs(c, "SELECT next_line, rows_read, rows_earned, rows_duplicate, rows_rejected"
                    + " FROM import_job WHERE id = ?", id);
            long next = job[0];
            String at = "checkpoint at line " + next;
            assertTrue(next > 2 && next < file.rows() + 2, at + ": killed mid-file, after a committed chunk");
            long[] earns = longs(c, "SELECT COUNT(*), COALESCE(MAX(import_line), 0), COUNT(DISTINCT import_line)"
                    + " FROM badge_earn WHERE import_id = ?", id);
            long[] rejects = longs(c, "SELECT COUNT(*), COALESCE(MAX(line_number), 0) FROM import_reject"
                    + " WHERE import_id = ?", id);
            assertTrue(earns[1] < next, at + ": an earn of line " + earns[1] + " outlived its chunk");
            assertTrue(rejects[1] < next, at + ": a reject of line " + rejects[1] + " outlived its chunk");
            assertEquals(file.before(next, Kind.EARN), earns[0], at + ": earns of the committed lines");
            assertEquals(earns[0], earns[2], at + ": one earn per line");
            assertEquals(file.before(next, Kind.BAD), rejects[0], at + ": rejects of the committed lines");
            // the counters committed with the checkpoint: those of the lines before it, in chunks of CHUNK rows
            // (no blank lines in the file), so the small chunk size is in force
            assertEquals(0, (next - 2) % CHUNK, at);
            assertEquals(next - 2, job[1], at + ": rows read");
            assertEquals(earns[0], job[2], at + ": rows earned");
            assertEquals(file.before(next, Kind.DUPLICATE), job[3], at + ": rows duplicate");
            assertEquals(rejects[0], job[4], at + ": rows rejected");
            return next;
        }
    }

    private static long[] longs(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next(), sql);
                long[] values = new long[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getLong(i + 1);
                }
                return values;
            }
        }
    }

    /** The timer picks the file up by itself; nobody calls the scan endpoint here. */
    private static JsonObject awaitScheduledImport(Api api, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (var item : api.get("imports").expect(200).data().getJsonArray("imports")) {
                if (item.asJsonObject().getString("fileName").equals("crash-again.csv")) {
                    return item.asJsonObject();
                }
            }
            Imports.sleep(500);
        }
        throw new AssertionError("the scheduled scan did not pick up crash-again.csv in " + timeout);
    }

    /**
     * What an embedded H2 killed mid-chunk was once seen to keep of the interrupted chunk (issue 9, finding 14; the
     * check above now finds none): here a reject of the first bad line after the committed checkpoint, put there by
     * hand. The resumed chunk rejects that line again and must not report it twice.
     */
    private void keepARejectOfTheInterruptedChunk(String importId, String badge, long next) throws SQLException {
        long line = next;
        while ((line - 1) % 50 != 0) {
            line++;
        }
        try (Connection c = server.database();
             PreparedStatement kept = c.prepareStatement("INSERT INTO import_reject"
                     + " (import_id, line_number, code, message, line) VALUES (?, ?, 1104, 'Invalid date.', ?)")) {
            kept.setString(1, importId);
            kept.setLong(2, line);
            kept.setString(3, "bad-" + (line - 1) + "," + badge + ",c,not-a-date,Loyalty,p1");
            kept.executeUpdate();
        }
    }
}
