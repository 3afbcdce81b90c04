package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.platform.EarnWritesWithoutForeignKeys;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 31: the history loader of the benchmarks (bench/LoadHistory.java) writes what the service itself would
 * have written. Orgs, badges, claims and webhooks made through the API; two stages of earns and two of activities
 * loaded with the server down; then the invariants the benchmarks check (bench/lib/history-invariants.sql) hold,
 * and the service, started again, answers from the loaded rows as from its own: the badges' counts, a customer's
 * standing, a stored requestId repeated as a repeat (809 with the stored earn: the loader's fingerprints are the
 * service's), a new earn adding to the loaded standing, a stored activity repeated as a repeat, and a rule made
 * after the load replaying a customer's loaded purchases.
 */
class HistoryLoadIT {

    @Test
    void theLoadedHistoryHoldsTheServicesInvariantsAndTheServiceReadsItAsItsOwn() throws Exception {
        Map<String, String> env = new HashMap<>(BadgeworksServer.FAST_EVENTS);
        env.put("BADGEWORKS_BOOTSTRAP_PASSWORD", BadgeworksServer.ADMIN_PASSWORD);
        BadgeworksServer server = BadgeworksServer.create("history", env);
        server.start();
        List<String> lines = new ArrayList<>();
        Map<Long, Api> orgs = new HashMap<>();
        long past = Instant.now().minusSeconds(3L * 366 * 86400).getEpochSecond();
        for (int o = 0; o < 2; o++) {
            Api org = server.admin().newOrg("history");
            orgs.put(org.orgId(), org);
            String hook = server.admin().orgAdminOf(org).post("webhooks", "{\"url\":\"http://127.0.0.1:9/hooks\",\"eventTypes\":[\"badgeEarned\"],"
                    + "\"active\":false}").expect(201).data().getString("id");
            for (int b = 0; b < 4; b++) {
                JsonObject badge = Badges.with(Badges.with(Badges.earnBadge(Badges.uniqueName("History")), "startOn",
                        past), "earnedBadgeExpiry", Json.createObjectBuilder().add("expiryType", "RELATIVE")
                        .add("relativeExpirytype", "DAYS").add("value", 365).build());
                boolean issue = b == 3;
                if (issue) {
                    badge = Badges.issueEarnBadge(badge.getString("name"));
                    badge = Badges.with(badge, "startOn", past);
                }
                String id = org.post("badgeMeta", badge.toString(), BadgeMetaIT.MIGRATION).expect(201).data()
                        .getString("id");
                org.post("badgeMeta/" + id + "/claim", "{\"ownerType\":\"Loyalty\",\"referenceId\":\"history\"}")
                        .expect(200);
                lines.add(org.orgId() + " " + id + " " + (issue ? "ISSUE" : "EARN") + " " + hook);
            }
        }
        server.stop();
        Path badges = Files.write(server.workDir().resolve("badges.txt"), lines);
        long now = System.currentTimeMillis();
        load(server, badges, 0, 20_000, now);
        load(server, badges, 20_000, 30_000, now);
        load(server, badges, 0, 3_000, now, "--activities");
        load(server, badges, 3_000, 5_000, now, "--activities");

        Map<String, Long> activeEarns = new HashMap<>();
        String[] stored;
        String[] storedActivity;
        int purchases;
        long heavyStanding;
        try (Connection c = server.database(); Statement s = c.createStatement()) {
            for (String check : invariants()) {
                try (ResultSet rs = s.executeQuery(check)) {
                    rs.next();
                    assertTrue(rs.getString(1).startsWith("PASS") || rs.getString(1).startsWith("INFO"), rs.getString(1));
                }
            }
            // the check can fail: one standing off by one is found
            s.executeUpdate("UPDATE customer_badge SET earned = earned + 1 WHERE customer_id = 'm1'");
            try (ResultSet rs = s.executeQuery(invariants().get(0))) {
                rs.next();
                assertTrue(rs.getString(1).startsWith("FAIL standings"), rs.getString(1));
            }
            s.executeUpdate("UPDATE customer_badge SET earned = earned - 1 WHERE customer_id = 'm1'");
            s.executeUpdate("UPDATE activity_customer SET activities = activities + 1 WHERE customer_id = 'm1'");
            assertTrue(failing(s).contains("activity customers"), "a customer's activity count off by one is found");
            s.executeUpdate("UPDATE activity_customer SET activities = activities - 1 WHERE customer_id = 'm1'");
            assertEquals("", failing(s));
            // migration 23: no foreign key guards the earns' badges any more, so the check does: an earn of a badge
            // that does not exist, or of another org's badge, is found
            for (String table : List.of("badge_earn", "activity", "activity_customer")) {
                assertEquals(Set.of(), EarnWritesWithoutForeignKeys.foreignKeys(c, table), table);
            }
            c.setAutoCommit(false);
            s.executeUpdate("UPDATE badge_earn SET badge_id = 'nosuchbadge' WHERE customer_id = 'm1'");
            assertTrue(failing(s).contains("earns: each of a badge of its org"), "an earn of no badge is found");
            s.executeUpdate("UPDATE badge_earn e SET badge_id = (SELECT MIN(b.id) FROM badge_meta b"
                    + " WHERE b.org_id <> e.org_id) WHERE customer_id = 'm1'");
            assertTrue(failing(s).contains("earns: each of a badge of its org"), "an earn of another org's badge is found");
            c.rollback();
            c.setAutoCommit(true);
            assertEquals("", failing(s));
            if (BadgeworksServer.onPostgres()) {
                // migration 19: the standings leave room on their pages for HOT updates, also as the loader refilled them
                try (ResultSet rs = s.executeQuery("SELECT array_to_string(reloptions, ',') FROM pg_class"
                        + " WHERE relname = 'customer_badge'")) {
                    rs.next();
                    assertEquals("fillfactor=90", rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT badge_id, COUNT(*) FROM badge_earn WHERE revoked_on_ms IS NULL"
                    + " GROUP BY badge_id")) {
                while (rs.next()) {
                    activeEarns.put(rs.getString(1), rs.getLong(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT request_id, badge_id, customer_id, earn_event_ms, id, org_id"
                    + " FROM badge_earn WHERE revoked_on_ms IS NULL AND customer_id = 'm0' ORDER BY request_id")) {
                assertTrue(rs.next(), "the heavy org's heaviest customer has earns");
                stored = new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)};
            }
            try (ResultSet rs = s.executeQuery("SELECT earned FROM customer_badge WHERE customer_id = 'm0'"
                    + " AND badge_id = '" + stored[1] + "'")) {
                rs.next();
                heavyStanding = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM badge_earn WHERE request_id LIKE 'h%'")) {
                rs.next();
                assertEquals(30_000, rs.getLong(1), "two stages: exactly the rows of one load of 30,000");
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM badge_earn WHERE customer_id LIKE 'ref-%'")) {
                rs.next();
                assertEquals(1_005, rs.getLong(1), "the reference customers, loaded once");
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT org_id) FROM activity")) {
                rs.next();
                assertEquals(5_000, rs.getLong(1), "two stages: exactly the activities of one load of 5,000");
                assertEquals(1, rs.getLong(2), "the heavy org's");
            }
            try (ResultSet rs = s.executeQuery("SELECT request_id, event_ms, attributes FROM activity"
                    + " WHERE customer_id = 'm0' ORDER BY request_id")) {
                assertTrue(rs.next(), "the heavy org's heaviest customer has purchases");
                storedActivity = new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
                purchases = 1;
                while (rs.next()) {
                    purchases++;
                }
            }
        }
        assertTrue(heavyStanding > 1, "a heavy customer: " + heavyStanding);

        server.start();
        try {
            for (String line : lines) {
                String[] f = line.split(" ");
                JsonObject badge = orgs.get(Long.parseLong(f[0])).get("badgeMeta/" + f[1]).expect(200).data();
                assertEquals(activeEarns.getOrDefault(f[1], 0L), badge.getJsonNumber("earnedCount").longValue(),
                        "badge " + f[1] + "'s earned count");
            }
            Api org = orgs.get(Long.parseLong(stored[5]));
            assertEquals(heavyStanding, supportCount(org, stored[1]), "the support view reads the loaded standing");
            String repeat = Json.createObjectBuilder().add("badgeMetaId", stored[1]).add("customerId", "m0")
                    .add("requestId", stored[0])
                    .add("earnEventDateISO", Instant.ofEpochMilli(Long.parseLong(stored[3])).toString())
                    .add("triggeredBy", Json.createObjectBuilder().add("ownerType", "Loyalty")
                            .add("referenceId", "history")).build().toString();
            Api.Reply again = org.post("customer/earn", repeat).expectError(400, 809, "requestId");
            assertEquals(stored[4], again.data().getString("earnedBadgeId"), "a repeat of the stored earn");

            org.post("customer/earn", Json.createObjectBuilder(Json.createReader(new java.io.StringReader(repeat))
                    .readObject()).add("requestId", EarnIT.rid()).build().toString()).expect(200);
            assertEquals(heavyStanding + 1, supportCount(org, stored[1]), "a new earn adds to the loaded standing");

            String activity = "{\"requestId\":\"" + storedActivity[0] + "\",\"customerId\":\"m0\","
                    + "\"activity\":\"TransactionAdd\",\"eventDateISO\":\""
                    + Instant.ofEpochMilli(Long.parseLong(storedActivity[1])) + "\",\"attributes\":"
                    + storedActivity[2] + "}";
            org.post("activities", activity).expectError(400, 809, "requestId");
            // a rule made after the load counts the loaded purchases: the new one is the customer's target-th
            String rule = ActivitiesIT.ruleBadge(org, "{\"activity\":\"TransactionAdd\",\"measure\":\"COUNT\","
                    + "\"target\":" + (purchases + 1) + ",\"triggeredBy\":{\"ownerType\":\"Milestones\","
                    + "\"referenceId\":\"rule-1\"}}", true);
            JsonObject answer = ActivitiesIT.ruleOf(org.post("activities", ActivitiesIT.activity(EarnIT.rid(), "m0",
                    "TransactionAdd", Instant.now().minusSeconds(60), "{\"amount\":\"12.5\",\"storeId\":\"S1\"}"))
                    .expect(200).data(), rule);
            assertEquals(purchases + 1, answer.getJsonObject("progress").getInt("value"),
                    "the " + purchases + " loaded purchases and the new one");
            assertEquals("EARNED", answer.getJsonArray("earns").getJsonObject(0).getString("status"));
        } finally {
            server.stop();
        }
    }

    /** The support view's count of the heavy customer's unrevoked earns of the badge. */
    private static long supportCount(Api org, String badge) {
        return org.get("management/m0?badgeType=EARNED&includeExpired=true&size=100").expect(200).data()
                .getJsonArray("customerBadges").stream().map(jakarta.json.JsonValue::asJsonObject)
                .filter(b -> b.getString("badgeMetaId").equals(badge)).findFirst().orElseThrow()
                .getJsonNumber("earnCount").longValue();
    }

    /** The invariants' statements that answer FAIL, one line each ("" when all pass). */
    private static String failing(Statement s) throws IOException, SQLException {
        StringBuilder failing = new StringBuilder();
        for (String check : invariants()) {
            try (ResultSet rs = s.executeQuery(check)) {
                rs.next();
                if (rs.getString(1).startsWith("FAIL")) {
                    failing.append(rs.getString(1)).append('\n');
                }
            }
        }
        return failing.toString();
    }

    /** The loader run as the benchmarks run it: a JVM of its own on the product's classes and the JDBC drivers. */
    private static void load(BadgeworksServer server, Path badges, long from, long to, long now, String... mode)
            throws IOException, InterruptedException {
        Path project = Path.of(System.getProperty("it.projectDir", ".")).toAbsolutePath();
        String classpath = String.join(java.io.File.pathSeparator, project.resolve("target/classes").toString(),
                project.resolve("target/runtime/postgresql.jar").toString(),
                project.resolve("target/runtime/h2.jar").toString(),
                project.resolve("target/runtime/jakarta.json-api.jar").toString(),
                project.resolve("target/runtime/parsson.jar").toString());
        boolean pg = BadgeworksServer.onPostgres();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classpath, project.resolve("bench/LoadHistory.java").toString()));
        command.addAll(List.of(mode));
        command.addAll(List.of(server.jdbcUrl(), pg ? System.getProperty("it.pg.user") : "sa",
                pg ? System.getProperty("it.pg.password", "") : "sa", badges.toString(), "2000", Long.toString(from),
                Long.toString(to), Long.toString(now)));
        String log = "load-" + String.join("", mode) + to + ".log";
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(server.workDir().resolve(log).toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the loader finished");
        assertEquals(0, p.exitValue(), () -> {
            try {
                return Files.readString(server.workDir().resolve(log));
            } catch (IOException e) {
                return e.toString();
            }
        });
    }

    /** bench/lib/history-invariants.sql, statement by statement. */
    private static List<String> invariants() throws IOException {
        Path project = Path.of(System.getProperty("it.projectDir", ".")).toAbsolutePath();
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(project.resolve("bench/lib/history-invariants.sql"))) {
            if (line.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.trim().endsWith(";")) {
                statements.add(current.toString().trim().replaceAll(";$", ""));
                current.setLength(0);
            }
        }
        return statements;
    }
}
