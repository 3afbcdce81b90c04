package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files of activities (issue 29) through the running server: the same import job as earn files, each chunk handed to
 * the activity service — so a file's activities earn what the same activities earn over REST, bad rows are reported
 * with their line, code and field, and a re-run or a restart adds nothing.
 */
class ActivityImportIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String HEADER = "requestId,customerId,activity,eventDate,amount,storeId\n";

    /** Three purchases of at least 10.00 (the amount read as a number, whether sent as one or as CSV text). */
    static final String THREE_PURCHASES = "{\"activity\":\"TransactionAdd\",\"conditions\":[{\"attribute\":\"amount\","
            + "\"operator\":\"GE\",\"value\":10}],\"measure\":\"COUNT\",\"target\":3,"
            + "\"triggeredBy\":{\"ownerType\":\"Milestones\",\"referenceId\":\"rule-1\"}}";

    private final Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(10));

    Api api;
    Path inbox;

    @BeforeEach
    void org() {
        BadgeworksServer server = BadgeworksServer.shared();
        api = server.admin().newOrg("activity-import");
        inbox = server.inbox().resolve(Long.toString(api.orgId()));
    }

    private Instant hour(int h) {
        return base.plus(Duration.ofHours(h));
    }

    @Test
    void aFileImportsItsGoodActivitiesReportsEachBadRowAndTheRuleEarnsOnceOnTheCompletingDate() {
        String badge = ActivitiesIT.ruleBadge(api, THREE_PURCHASES, true);
        String c = ActivitiesIT.customer();
        Instant future = Instant.now().plus(Duration.ofDays(3));
        String content = HEADER
                + "t1," + c + ",TransactionAdd," + hour(1) + ",25.00,S1\n"                       // 2 recorded
                + "t2," + c + ",TransactionAdd," + hour(2) + ",5,S1\n"                           // 3 recorded, < 10
                + "t3," + c + ",TransactionAdd,not-a-date,30,S1\n"                               // 4 1104
                + "t4," + c + ",TransactionAdd," + future + ",30,S1\n"                           // 5 750
                + "," + c + ",TransactionAdd," + hour(3) + ",12.5,\n"                            // 6 recorded, derived id
                + "t1," + c + ",TransactionAdd," + hour(1) + ",99,S1\n"                          // 7 809: other content
                + "t1," + c + ",TransactionAdd," + hour(1) + ",25.00,S1\n"                       // 8 duplicate
                + "\n"                                                                           // blank: skipped
                + "t6," + c + ",TransactionAdd," + hour(4) + ",40,S2\n"                          // 10 recorded: 3rd
                + "t7,,TransactionAdd," + hour(5) + ",40,S2\n"                                   // 11 812
                + "too,few\n"                                                                    // 12 1105
                + "t8," + c + ",TransactionAdd," + hour(5) + ",50,S2\n";                         // 13 recorded

        String id = Imports.upload(api, "activities.csv", "text/csv", content);
        JsonObject done = Imports.await(api, id, WAIT, "COMPLETED", "FAILED");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals("ACTIVITY", done.getString("kind"));
        assertEquals(11, done.getInt("rowsTotal"));
        assertEquals(11, done.getInt("rowsRead"));
        assertEquals(5, done.getInt("rowsRecorded"));
        assertEquals(0, done.getInt("rowsEarned"), "no row is an earn: the rule's earn is the badge's");
        assertEquals(1, done.getInt("rowsDuplicate"));
        assertEquals(5, done.getInt("rowsRejected"));
        JsonObject counts = done.getJsonObject("errorCounts");
        for (String code : new String[] {"1104", "750", "809", "812", "1105"}) {
            assertEquals(1, counts.getInt(code), () -> code + " in " + counts);
        }
        String rejects = Imports.rejectsFile(inbox, "done", id);
        for (String line : new String[] {"\n4,1104,eventDate,", "\n5,750,eventDate,", "\n7,809,requestId,",
                "\n11,812,customerId,", "\n12,1105,line,"}) {
            assertTrue(rejects.contains(line), () -> line.strip() + " in " + rejects);
        }
        JsonObject report = Imports.report(inbox, "done", id);
        assertEquals("ACTIVITY", report.getString("kind"));
        assertEquals(5, report.getInt("rowsRecorded"));
        assertEquals(List.of(hour(4)), ActivitiesIT.earnDates(api, c, badge),
                "one earn, dated by the third purchase of at least 10.00");

        String again = Imports.upload(api, "activities-again.csv", "text/csv", content);
        JsonObject rerun = Imports.await(api, again, WAIT, "COMPLETED", "FAILED");
        assertEquals(0, rerun.getInt("rowsRecorded"), "re-running a file adds nothing: " + rerun);
        assertEquals(6, rerun.getInt("rowsDuplicate"), "the derived requestId included");
        assertEquals(5, rerun.getInt("rowsRejected"));
        assertEquals(List.of(hour(4)), ActivitiesIT.earnDates(api, c, badge), "no new earn");
    }

    /** One refusal: an activity body (string fields only, so a CSV row can say the same) and what REST answers. */
    private record Refusal(String requestId, String customer, String activity, String date, String storeId, int code,
                           String reference) {

        String json() {
            var b = Json.createObjectBuilder().add("requestId", requestId);
            if (customer != null) {
                b.add("customerId", customer);
            }
            if (activity != null) {
                b.add("activity", activity);
            }
            if (date != null) {
                b.add("eventDate", date);
            }
            return b.add("attributes", Json.createObjectBuilder().add("storeId", storeId)).build().toString();
        }

        String csv() {
            return String.join(",", requestId, customer == null ? "" : customer, activity == null ? "" : activity,
                    date == null ? "" : date, "", storeId);
        }
    }

    /**
     * As ImportIT's parity test for earns: each refused activity gets, on its line of a CSV file and of a JSON Lines
     * file, the code and the field POST /activities answers for the same body — a reused requestId (809) included.
     */
    @Test
    void eachRefusedRowGetsTheCodeAndFieldRestAnswersForTheSameBody() {
        String c = ActivitiesIT.customer();
        api.post("activities", ActivitiesIT.activity("taken-" + c, c, "Visit", hour(1), "{}")).expect(200);
        String at = hour(2).toString();
        List<Refusal> refusals = List.of(
                new Refusal("n1-" + c, null, "Visit", at, "S1", 812, "customerId"),
                new Refusal("n2-" + c, c, null, at, "S1", 1101, "activity"),
                new Refusal("n3-" + c, c, "Visit", "yesterday", "S1", 1104, "eventDate"),
                new Refusal("n4-" + c, c, "Visit", Instant.now().plus(Duration.ofDays(2)).toString(), "S1", 750,
                        "eventDate"),
                new Refusal("n5-" + c, c, "Visit", at, "s".repeat(257), 1103, "attributes.storeId"),
                new Refusal("n6-" + c, c, "V".repeat(101), at, "S1", 1103, "activity"),
                new Refusal("n7-" + c, "c".repeat(101), "Visit", at, "S1", 1103, "customerId"),
                new Refusal("taken-" + c, c, "Visit", hour(3).toString(), "S1", 809, "requestId"));
        StringBuilder csv = new StringBuilder(HEADER);
        StringBuilder jsonl = new StringBuilder();
        for (Refusal r : refusals) {
            api.post("activities", r.json()).expectError(400, r.code(), r.reference());
            csv.append(r.csv()).append('\n');
            jsonl.append(r.json()).append('\n');
        }
        for (String[] file : new String[][] {{"refused.csv", "text/csv", csv.toString()},
                {"refused.jsonl", "application/x-ndjson", jsonl.toString()}}) {
            String id = Imports.upload(api, file[0], file[1], file[2]);
            JsonObject done = Imports.await(api, id, WAIT, "COMPLETED", "FAILED");
            assertEquals(refusals.size(), done.getInt("rowsRejected"), done.toString());
            assertEquals(0, done.getInt("rowsRecorded"), done.toString());
            String rejects = Imports.rejectsFile(inbox, "done", id);
            int first = file[0].endsWith(".csv") ? 2 : 1;
            for (int i = 0; i < refusals.size(); i++) {
                String line = "\n" + (first + i) + "," + refusals.get(i).code() + "," + refusals.get(i).reference()
                        + ",";
                assertTrue(rejects.contains(line), () -> file[0] + ": " + line.strip() + " in " + rejects);
            }
        }
    }

    /**
     * One customer's purchases all over REST; another's, the same ones, partly over REST (the later ones first) and
     * the rest back-dated in a CSV upload and a JSON Lines file dropped in the inbox: the same earns on the same
     * dates. Every 100.00 earns again.
     */
    @Test
    void activitiesSplitBetweenRestAndFilesEarnWhatTheyEarnAllOverRest() throws Exception {
        String badge = ActivitiesIT.ruleBadge(api, "{\"activity\":\"TransactionAdd\",\"measure\":{\"type\":\"SUM\","
                + "\"attribute\":\"amount\"},\"target\":100,\"repeat\":true,\"triggeredBy\":{\"ownerType\":"
                + "\"Milestones\",\"referenceId\":\"rule-1\"}}", true);
        String[] amounts = {"40", "70", "30", "60", "50", "35.5", "64.5"};
        String viaRest = ActivitiesIT.customer();
        String split = ActivitiesIT.customer();
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (int i = 0; i < amounts.length; i++) {
            all.add(body("r" + i, viaRest, i, amounts[i]));
        }
        api.post("activities/bulk", Json.createObjectBuilder().add("activities", all).build().toString())
                .expect(200);

        for (int i : new int[] {1, 3, 4}) {
            api.post("activities", body("s" + i, split, i, amounts[i]).toString()).expect(200);
        }
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i : new int[] {0, 2}) {
            csv.append("s").append(i).append(',').append(split).append(",TransactionAdd,").append(hour(i)).append(',')
                    .append(amounts[i]).append(",S1\n");
        }
        String uploaded = Imports.upload(api, "split.csv", "text/csv", csv.toString());
        assertEquals(2, Imports.await(api, uploaded, WAIT, "COMPLETED", "FAILED").getInt("rowsRecorded"));

        Files.createDirectories(inbox);
        Path dropped = Files.writeString(inbox.resolve("split.jsonl"), body("s5", split, 5, amounts[5]) + "\n"
                + body("s6", split, 6, amounts[6]) + "\n");
        Files.setLastModifiedTime(dropped, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        var started = api.post("imports/scan", null).expect(200).json().getJsonArray("data");
        assertEquals(1, started.size(), started.toString());
        JsonObject scanned = Imports.await(api, started.getJsonObject(0).getString("id"), WAIT, "COMPLETED", "FAILED");
        assertEquals("ACTIVITY", scanned.getString("kind"));
        assertEquals("JSONL", scanned.getString("format"));
        assertEquals(2, scanned.getInt("rowsRecorded"), scanned.toString());

        List<Instant> expected = ActivitiesIT.earnDates(api, viaRest, badge);
        // 40, 110 (1st), 140, 200 (2nd), 250, 285.5, 350 (3rd)
        assertEquals(List.of(hour(1), hour(3), hour(6)), expected);
        assertEquals(expected, ActivitiesIT.earnDates(api, split, badge), "same count and event dates");
        assertEquals(ActivitiesIT.progressOf(api, viaRest, badge).getJsonObject("progress").getJsonNumber("value")
                .bigDecimalValue(), ActivitiesIT.progressOf(api, split, badge).getJsonObject("progress")
                .getJsonNumber("value").bigDecimalValue());
    }

    /** An activity body as REST takes it, the amount a JSON number. */
    private JsonObject body(String requestId, String customer, int hour, String amount) {
        return Json.createReader(new StringReader(ActivitiesIT.activity(requestId, customer, "TransactionAdd",
                hour(hour), "{\"amount\":" + amount + ",\"storeId\":\"S1\"}"))).readObject();
    }

    /**
     * As ImportIT's stop test, for activities: 30 chunks of 1000 rows, the stop asked once the first is committed.
     * Whatever was committed before the stop is recorded (its earns wait for the settling pass after the file),
     * nothing of the stopped chunk; the restart goes on from the checkpoint and, in the end, every customer has
     * earned exactly what its activities earn.
     */
    @Test
    void aStoppedActivityImportRestartsWhereItStopped() {
        String badge = ActivitiesIT.ruleBadge(api, "{\"activity\":\"Visit\",\"measure\":\"COUNT\",\"target\":5,"
                + "\"repeat\":true,\"triggeredBy\":{\"ownerType\":\"Milestones\",\"referenceId\":\"rule-1\"}}", true);
        int rows = 30_000;
        int customers = 200; // each chunk brings every customer 5 visits: an earn each
        StringBuilder file = new StringBuilder("requestId,customerId,activity,eventDate\n");
        for (int i = 1; i <= rows; i++) {
            file.append("visit-").append(i).append(",c").append(i % customers).append(",Visit,")
                    .append(base.getEpochSecond() + i).append('\n');
        }
        String id = Imports.upload(api, "visits.csv", "text/csv", file.toString());
        Imports.await(api, id, WAIT, "RUNNING");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (api.get("imports/" + id).data().getInt("rowsRead") == 0 && System.nanoTime() < deadline) {
            Imports.sleep(50);
        }
        api.post("imports/" + id + "/stop", null).expect(200);
        JsonObject stopped = Imports.await(api, id, WAIT, "STOPPED", "COMPLETED", "FAILED");
        assertEquals("STOPPED", stopped.getString("status"), stopped.toString());
        int committed = stopped.getInt("rowsRead");
        assertTrue(committed > 0 && committed < rows && committed % 1000 == 0, "whole chunks, mid-file: " + stopped);
        assertEquals(committed, stopped.getInt("rowsRecorded"), stopped.toString());
        // the committed chunks' activities are recorded and count toward progress; their rules are settled once the
        // file has been read, so their earns wait for the restart
        assertEquals(0, api.get("badgeMeta/" + badge).expect(200).data().getInt("earnedCount"),
                "a stopped file's earns wait for its restart");
        assertEquals(committed / customers / 5, ActivitiesIT.progressOf(api, "c1", badge).getInt("completions"),
                "the committed visits count");

        assertEquals("RUNNING", api.post("imports/" + id + "/restart", null).expect(200).data().getString("status"));
        JsonObject done = Imports.await(api, id, Duration.ofMinutes(5), "COMPLETED", "FAILED");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(rows, done.getInt("rowsRead"));
        assertEquals(rows, done.getInt("rowsRecorded"), "none lost");
        assertEquals(0, done.getInt("rowsDuplicate"), "none read twice: the restart began after the checkpoint");
        assertEquals(earnsOf(rows, customers), api.get("badgeMeta/" + badge).expect(200).data()
                .getInt("earnedCount"));
    }

    /**
     * Two files of one org at once, sharing every customer and in opposite date orders: both import and settle over
     * the same waiting customers (each settling pass locks them as any evaluation does), and every customer ends with
     * exactly the earns all of their activities make, on the dates the completing visits had.
     */
    @Test
    void twoFilesAtOnceSharingCustomersEarnExactlyWhatTheirActivitiesMake() {
        String badge = ActivitiesIT.ruleBadge(api, "{\"activity\":\"Visit\",\"measure\":\"COUNT\",\"target\":5,"
                + "\"repeat\":true,\"triggeredBy\":{\"ownerType\":\"Milestones\",\"referenceId\":\"rule-1\"}}", true);
        int customers = 150;
        int perFile = 6_000; // each customer 40 visits per file: 80 in all, 16 earns
        StringBuilder forwards = new StringBuilder("requestId,customerId,activity,eventDate\n");
        StringBuilder backwards = new StringBuilder("requestId,customerId,activity,eventDate\n");
        for (int i = 1; i <= perFile; i++) {
            forwards.append("f-").append(i).append(",c").append(i % customers).append(",Visit,")
                    .append(base.getEpochSecond() + 2L * i).append('\n');
            int j = perFile + 1 - i;
            backwards.append("b-").append(j).append(",c").append(j % customers).append(",Visit,")
                    .append(base.getEpochSecond() + 2L * j + 1).append('\n');
        }
        String first = Imports.upload(api, "forwards.csv", "text/csv", forwards.toString());
        String second = Imports.upload(api, "backwards.csv", "text/csv", backwards.toString());
        for (String id : List.of(first, second)) {
            JsonObject done = Imports.await(api, id, Duration.ofMinutes(3), "COMPLETED", "FAILED");
            assertEquals("COMPLETED", done.getString("status"), done.toString());
            assertEquals(perFile, done.getInt("rowsRecorded"), done.toString());
        }
        assertEquals(customers * 16, api.get("badgeMeta/" + badge).expect(200).data().getInt("earnedCount"),
                "one earn per 5 visits of each customer, none twice");
        // customer c7's visits: f-i at 2i and b-i at 2i + 1 for i = 7, 157, 307, ...; the 5th is f-307
        Instant fifth = base.plusSeconds(2L * (7 + 2 * customers));
        assertEquals(fifth, ActivitiesIT.earnDates(api, "c7", badge).get(0), "the first earn on the 5th visit's date");
        assertEquals(16, ActivitiesIT.earnDates(api, "c7", badge).size());
        assertEquals(16, ActivitiesIT.progressOf(api, "c7", badge).getInt("completions"));
    }

    /** Earns of "every 5 visits" once the first {@code rows} visits (visit i by customer i % customers) are in. */
    private static int earnsOf(int rows, int customers) {
        int earns = 0;
        for (int c = 0; c < customers; c++) {
            int visits = rows / customers + (c >= 1 && c <= rows % customers ? 1 : 0);
            earns += visits / 5;
        }
        return earns;
    }
}
