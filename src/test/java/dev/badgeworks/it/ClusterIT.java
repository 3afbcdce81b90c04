package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 10: several instances on one PostgreSQL and one shared inbox, each test reproducing a finding first.
 * Imports are owned through the database (a claim with a fencing token and a lease of 3 s here): restarts racing
 * on two instances run one execution, a stop through either instance stops the import, a dead or frozen owner's
 * import is taken over by itself and the frozen owner writes nothing when it wakes, and the same file uploaded to
 * both instances earns each row once. A user change reaches the other instance's credential cache in seconds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final Map<String, String> ENV = env();

    private static Map<String, String> env() {
        Map<String, String> env = new java.util.HashMap<>(BadgeworksServer.FAST_EVENTS);
        env.putAll(Map.of(
                "BADGEWORKS_BOOTSTRAP_PASSWORD", BadgeworksServer.ADMIN_PASSWORD,
                "BADGEWORKS_IMPORT_LEASE_SECONDS", "3",
                // every instance's scan timer fires every 2 s (the inbox root stays empty: nothing is imported by it)
                "BADGEWORKS_IMPORT_SCHEDULE", "second=*/2;minute=*;hour=*",
                // events: a receiver that is down for a while is retried, not given up
                "BADGEWORKS_EVENTS_RETRY_FOR_MS", "600000"));
        return env;
    }

    private static BadgeworksServer first;
    private static BadgeworksServer second;

    @BeforeAll
    static void startTwoInstances() {
        assumeTrue(BadgeworksServer.onPostgres(), "several instances share only a PostgreSQL database");
        first = BadgeworksServer.create("imports-cluster", ENV);
        first.start();
        second = first.sharingDatabase("imports-cluster-2");
        second.start();
    }

    @AfterAll
    static void stop() {
        for (BadgeworksServer server : new BadgeworksServer[] {second, first}) {
            if (server != null) {
                server.resume();
                server.stop();
            }
        }
    }

    /** A file of {@code rows} good, distinct earns of one badge. */
    private static String file(String badge, int rows) {
        return Imports.distinctEarns(badge, "p1", rows);
    }

    private static JsonObject awaitRead(Api api, String id, int atLeast) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonObject view = api.get("imports/" + id).data();
        while (view.getInt("rowsRead") < atLeast && System.nanoTime() < deadline) {
            Imports.sleep(50);
            view = api.get("imports/" + id).data();
        }
        return view;
    }

    /** Read through an org admin's view: an org's plain users are not shown the instance. */
    private static boolean ownedBy(JsonObject view, BadgeworksServer server) {
        return !view.isNull("instance") && view.getString("instance").startsWith(server.pid() + "@");
    }

    @Test
    void aStopThroughTheOtherInstanceStopsItAndRacingRestartsRunOneExecution() throws Exception {
        Api one = first.admin().orgAdminOf(first.admin().newOrg("cluster-restart"));
        Api two = one.on(second);
        String badge = Badges.createClaimed(one, Badges.earnBadge(Badges.uniqueName("Restart")), "Loyalty", "p1");
        int rows = 100_000;
        String id = Imports.upload(one, "restart.csv", "text/csv", file(badge, rows));
        assertTrue(ownedBy(awaitRead(one, id, 3_000), first), "uploaded to and run by the first instance");

        // stop through the instance that does not run it: it used to answer STOPPED while the import ran on
        two.post("imports/" + id + "/stop", null).expect(200);
        JsonObject stopped = Imports.await(one, id, WAIT, "STOPPED", "COMPLETED", "FAILED");
        assertEquals("STOPPED", stopped.getString("status"), stopped.toString());
        int atStop = stopped.getInt("rowsRead");
        assertTrue(atStop < rows, stopped.toString());
        Imports.sleep(1_000);
        assertEquals(atStop, one.get("imports/" + id).data().getInt("rowsRead"), "nothing runs after STOPPED");

        // six restarts at once, alternating instances: four used to be accepted and the import read 285 %
        List<Api.Reply> replies = Concurrently.run(6, i -> (i % 2 == 0 ? one : two)
                .post("imports/" + id + "/restart", null));
        assertEquals(1, replies.stream().filter(r -> r.status() == 200).count(), replies.toString());
        replies.stream().filter(r -> r.status() != 200).forEach(r -> r.expectError(409, 1132, "importId"));
        JsonObject done = Imports.await(one, id, WAIT, "COMPLETED", "FAILED");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(rows, done.getInt("rowsRead"), done.toString());
        assertEquals(rows, done.getInt("rowsEarned"), done.toString());
        assertEquals(rows, one.get("badgeMeta/" + badge).data().getInt("earnedCount"));
        Path inbox = first.inbox().resolve(Long.toString(one.orgId()));
        Imports.assertFileIn(inbox, "done", id, ".report.json");
        assertFalse(Files.isDirectory(inbox.resolve("failed")) && Files.list(inbox.resolve("failed"))
                .anyMatch(p -> p.getFileName().toString().startsWith(id)), "no report in failed/");
    }

    @Test
    void aKilledOwnersImportIsTakenOverByItselfAndEndsExact() throws Exception {
        BadgeworksServer doomed = first.sharingDatabase("imports-cluster-doomed");
        doomed.start();
        try {
            Api viaDoomed = doomed.admin().orgAdminOf(doomed.admin().newOrg("cluster-kill"));
            Api survivor = viaDoomed.on(first);
            String badge = Badges.createClaimed(viaDoomed, Badges.earnBadge(Badges.uniqueName("Kill")), "Loyalty", "p1");
            int rows = 100_000;
            String id = Imports.upload(viaDoomed, "kill.csv", "text/csv", file(badge, rows));
            assertTrue(ownedBy(awaitRead(viaDoomed, id, 3_000), doomed));
            long deadExecution = executionOf(id);
            doomed.kill();

            // nobody calls restart: an instance finds the lease over and resumes from the committed checkpoint
            JsonObject done = Imports.await(survivor, id, WAIT, "COMPLETED", "FAILED");
            assertEquals("COMPLETED", done.getString("status"), done.toString());
            assertEquals(1, done.getInt("takeovers"), done.toString());
            assertEquals(rows, done.getInt("rowsRead"));
            assertEquals(rows, done.getInt("rowsEarned"), "none lost, none doubled");
            assertEquals(rows, survivor.get("badgeMeta/" + badge).data().getInt("earnedCount"));
            assertEquals("ABANDONED", batchStatus(deadExecution),
                    "the dead instance's execution is marked ended in the batch repository");
            assertEquals("COMPLETED", batchStatus(executionOf(id)));
        } finally {
            doomed.kill();
        }
    }

    private static long executionOf(String importId) throws java.sql.SQLException {
        return ((Number) single("SELECT execution_id FROM import_job WHERE id = ?", importId)).longValue();
    }

    /** The batch repository's status of an execution. */
    private static String batchStatus(long executionId) throws java.sql.SQLException {
        return (String) single("SELECT batchstatus FROM jbatchexecutioninstancedata WHERE jobexecid = ?", executionId);
    }

    /** The one value a query of the shared database answers. */
    private static Object single(String sql, Object parameter) throws java.sql.SQLException {
        try (var db = first.database(); var q = db.prepareStatement(sql)) {
            q.setObject(1, parameter);
            try (var rows = q.executeQuery()) {
                rows.next();
                return rows.getObject(1);
            }
        }
    }

    /**
     * A session of the frozen owner's chunk caught in the middle of a statement, holding the import's row lock:
     * PostgreSQL's idle-in-transaction timeout does not end such a session (it is not idle), so it stands for the
     * owner frozen while sending a batch, which once left the taking-over instance waiting for three minutes
     * and the import FAILED. It ends with the takeover's "terminating connection" (57P01), or the test's timeout.
     */
    private static CompletableFuture<String> frozenMidStatement(String importId) throws Exception {
        long fence = ((Number) single("SELECT fence FROM import_job WHERE id = ?", importId)).longValue();
        CompletableFuture<String> ended = new CompletableFuture<>();
        Thread session = new Thread(() -> {
            try (var db = first.database(); var s = db.createStatement()) {
                db.setAutoCommit(false);
                s.execute("SELECT set_config('application_name', 'badgeworks import " + importId + " #" + fence
                        + "', true)");
                s.execute("SELECT id FROM import_job WHERE id = '" + importId + "' FOR UPDATE");
                s.execute("SELECT pg_sleep(" + WAIT.toSeconds() + ")");
                ended.complete("never ended");
            } catch (java.sql.SQLException e) {
                ended.complete(e.getSQLState());
            }
        }, "frozen-chunk");
        session.setDaemon(true);
        session.start();
        return ended;
    }

    /**
     * Last of the tests on the two instances: the woken owner's pool may still hold the session the takeover ended,
     * and requests that draw it are answered 503 (1190, retry) while the pool replaces its connections
     * (docs/operations.md) — a test after this one, racing requests through the woken instance, met that answer.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aFrozenOwnerIsFencedOffAndWritesNothingWhenItWakes() throws Exception {
        Api viaSecond = second.admin().orgAdminOf(second.admin().newOrg("cluster-freeze"));
        Api viaFirst = viaSecond.on(first);
        String badge = Badges.createClaimed(viaSecond, Badges.earnBadge(Badges.uniqueName("Freeze")), "Loyalty", "p1");
        int rows = 150_000;
        String id = Imports.upload(viaSecond, "freeze.csv", "text/csv", file(badge, rows));
        assertTrue(ownedBy(awaitRead(viaSecond, id, 3_000), second));
        second.pause();
        CompletableFuture<String> midStatement = frozenMidStatement(id);
        List<String> statuses = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + WAIT.toNanos();
            JsonObject view = viaFirst.get("imports/" + id).data();
            while (!ownedBy(view, first) && System.nanoTime() < deadline) {
                Imports.sleep(100);
                view = viaFirst.get("imports/" + id).data();
            }
            assertTrue(ownedBy(view, first), "taken over while its owner was frozen: " + view);
            assertEquals("57P01", midStatement.get(10, TimeUnit.SECONDS),
                    "the takeover ended the frozen owner's session that held the import's lock");
            awaitRead(viaFirst, id, view.getInt("rowsRead") + 5_000);
        } finally {
            second.resume();
        }
        // the woken owner finds another token: it must not fail, complete or count anything
        JsonObject view = viaFirst.get("imports/" + id).data();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!view.getString("status").equals("COMPLETED") && System.nanoTime() < deadline) {
            statuses.add(view.getString("status"));
            Imports.sleep(100);
            view = viaFirst.get("imports/" + id).data();
        }
        assertEquals("COMPLETED", view.getString("status"), view.toString());
        assertTrue(statuses.stream().allMatch("RUNNING"::equals), "never FAILED or STOPPED on the way: " + statuses);
        assertEquals(rows, view.getInt("rowsRead"));
        assertEquals(rows, view.getInt("rowsEarned"), view.toString());
        assertEquals(rows, viaFirst.get("badgeMeta/" + badge).data().getInt("earnedCount"));
        assertTrue(second.log().contains("lost it to another") || second.log().contains("no longer owned"),
                "the woken owner noticed it lost the import");
    }

    @Test
    void theSameFileUploadedToBothInstancesAtOnceEarnsEachRowOnce() throws Exception {
        Api one = first.admin().orgAdminOf(first.admin().newOrg("cluster-twice"));
        Api two = one.on(second);
        String badge = Badges.createClaimed(one, Badges.earnBadge(Badges.uniqueName("Twice")), "Loyalty", "p1");
        int rows = 40_000;
        String content = file(badge, rows);
        List<Api.Reply> uploads = Concurrently.run(2, i -> (i == 0 ? one : two)
                .postBytes("imports?fileName=twice.csv", "text/csv", content.getBytes()));
        long earned = 0;
        long duplicates = 0;
        for (Api.Reply upload : uploads) {
            String id = upload.expect(202).data().getString("id");
            // requestIds collide between the two mid-chunk: the chunk is retried, never the import failed
            JsonObject done = Imports.await(one, id, WAIT, "COMPLETED", "FAILED");
            assertEquals("COMPLETED", done.getString("status"), done.toString());
            earned += done.getInt("rowsEarned");
            duplicates += done.getInt("rowsDuplicate");
        }
        assertEquals(rows, earned, "each row earned by exactly one of the two");
        assertEquals(rows, duplicates, "and a duplicate for the other");
        assertEquals(rows, one.get("badgeMeta/" + badge).data().getInt("earnedCount"));
    }

    @Test
    void aUserDisabledOnOneInstanceIsRefusedOnTheOtherWithinSeconds() {
        Api operator = first.admin();
        long orgId = operator.post("admin/orgs", "{\"name\": \"cluster-users-" + UUID.randomUUID() + "\"}").expect(201)
                .data().getJsonNumber("id").longValue();
        String username = "cluster-user-" + UUID.randomUUID();
        long userId = operator.post("admin/orgs/" + orgId + "/users", "{\"username\": \"" + username
                + "\", \"password\": \"cluster-user-password\"}").expect(201).data().getJsonNumber("id").longValue();
        Api onSecond = operator.as(username, "cluster-user-password").on(second);
        onSecond.get("badgeMeta").expect(200);
        onSecond.get("badgeMeta").expect(200); // remembered by the second instance now

        operator.put("admin/orgs/" + orgId + "/users/" + userId, "{\"disabled\": true}").expect(200);
        long changed = System.nanoTime();
        while (onSecond.get("badgeMeta").status() == 200 && System.nanoTime() - changed < 10_000_000_000L) {
            Imports.sleep(100);
        }
        long millis = (System.nanoTime() - changed) / 1_000_000;
        onSecond.get("badgeMeta").expectError(401, 401, null);
        assertTrue(millis <= 5_000, "refused on the other instance after " + millis + " ms (documented: 2 s poll)");
    }

    /**
     * Issue 12: each instance keeps badge definitions and claims, checked by version on every read. A change made
     * through one instance must decide the very next request on the other, without waiting for anything.
     */
    @Test
    void aBadgeOrClaimChangedOnOneInstanceDecidesTheNextRequestOnTheOther() {
        Api one = first.admin().orgAdminOf(first.admin().newOrg("cluster-definitions"));
        Api two = one.on(second);
        String badge = Badges.createClaimed(one, Badges.earnBadge(Badges.uniqueName("Kept")), "Loyalty", "program-1");
        two.post("customer/earn", EarnIT.earn(badge, "c-1", UUID.randomUUID().toString()).build().toString()).expect(200);
        assertTrue(two.get("badgeMeta/" + badge).data().getBoolean("active"), "the second instance keeps it now");

        String claim = "{\"ownerType\": \"Loyalty\", \"referenceId\": \"program-1\"}";
        one.post("badgeMeta/" + badge + "/unclaim", claim).expect(200);
        two.post("customer/earn", EarnIT.earn(badge, "c-2", UUID.randomUUID().toString()).build().toString())
                .expectError(409, 810, "triggeredBy");
        one.post("badgeMeta/" + badge + "/claim", claim).expect(200);
        two.post("customer/earn", EarnIT.earn(badge, "c-3", UUID.randomUUID().toString()).build().toString()).expect(200);

        one.put("badgeMeta/" + badge + "/deactivate", null).expect(200);
        JsonObject seen = two.get("badgeMeta/" + badge).data();
        assertFalse(seen.getBoolean("active"), seen.toString());
        two.post("customer/earn", EarnIT.earn(badge, "c-4", UUID.randomUUID().toString()).build().toString())
                .expectError(409, 1120, "badgeMetaId");
        assertEquals(2, two.get("badgeMeta/" + badge).data().getInt("earnedCount"));
    }

    @Test
    void earnsAndRevokesRacingThroughALoadBalancerOverBothInstancesStayExact() throws Exception {
        try (LoadBalancer balancer = new LoadBalancer(first.workDir(), List.of(first, second))) {
            Api api = first.admin().newOrg("cluster-balanced").at(balancer.uri());
            List<Api.Reply> same = ConcurrentEarnIT.oneRequestIdRacing(api);
            List<Api.Reply> distinct = ConcurrentEarnIT.distinctRequestsRacing(api);
            // 20 revokes and 20 unclaims split over both instances: one success each (several succeeded before)
            ConcurrentChangesIT.revokeEarnRacing(api);
            ConcurrentChangesIT.unclaimRacing(api);
            // issue 28: 8 creates of one group name over both instances: one group
            GroupsIT.groupNameRacing(api);
            // issue 31: earns migrated into past days while the chart is read, over both instances: all counted
            EarnStatsIT.pastDaysRacing(api);
            java.util.Set<String> servedBy = new java.util.HashSet<>();
            for (Api.Reply reply : same) {
                servedBy.addAll(reply.headers().getOrDefault("x-served-by", List.of()));
            }
            for (Api.Reply reply : distinct) {
                servedBy.addAll(reply.headers().getOrDefault("x-served-by", List.of()));
            }
            assertEquals(java.util.Set.of("instance-1", "instance-2"), servedBy, "both instances served requests");
        }
    }

    @Test
    void anInstanceThatSeesAnotherInboxSaysSoAtStartUp() {
        BadgeworksServer elsewhere = first.sharingDatabase("imports-cluster-elsewhere",
                Map.of("BADGEWORKS_INBOX_DIR", first.workDir().resolve("another-inbox").toString()));
        elsewhere.start();
        try {
            assertTrue(elsewhere.log().contains("is not the one other instances on this database use"),
                    "warned about its own inbox");
            assertFalse(second.log().contains("is not the one other instances on this database use"));
        } finally {
            elsewhere.stop();
        }
    }

    @Test
    void eventsAreDeliveredOnceByEitherInstanceAndAllOfThemWhenOneDies() throws Exception {
        BadgeworksServer doomed = first.sharingDatabase("events-cluster-doomed");
        doomed.start();
        try (Receiver receiver = new Receiver()) {
            Api viaFirst = first.admin().orgAdminOf(first.admin().newOrg("cluster-events"));
            first.admin().orgAdminOf(viaFirst).post("webhooks", "{\"url\":\"" + receiver.url()
                    + "\",\"batchSize\":5}").expect(201);
            String badge = Badges.createClaimed(viaFirst, Badges.earnBadge(Badges.uniqueName("Told")), "Loyalty",
                    "program-1");
            Api[] instances = {viaFirst, viaFirst.on(second), viaFirst.on(doomed)};
            for (int i = 0; i < 30; i++) {
                instances[i % 3].post("customer/earn", EarnIT.earn(badge, 8000 + i, EarnIT.rid()).build().toString())
                        .expect(200);
            }
            receiver.await(e -> receiver.accepted().size() >= 30, 60_000);
            Imports.sleep(1_500);
            assertEquals(30, receiver.accepted().stream().map(e -> e.getString("eventId")).distinct().count());
            assertEquals(30, receiver.accepted().size(), "three instances polling, each event sent once");

            receiver.failNext(Integer.MAX_VALUE);
            for (int i = 30; i < 60; i++) {
                instances[i % 3].post("customer/earn", EarnIT.earn(badge, 8000 + i, EarnIT.rid()).build().toString())
                        .expect(200);
            }
            Imports.sleep(1_000);
            doomed.kill();
            receiver.failNext(0);
            // what the dead instance had claimed waits for its lease (10 x 1.5 s + 30 s); the rest goes at once
            receiver.await(e -> receiver.accepted().stream().map(x -> x.getString("eventId")).distinct().count() >= 60,
                    120_000);
            Set<Long> customers = new java.util.TreeSet<>();
            receiver.accepted().forEach(e -> customers.add(e.getJsonObject("data").getJsonObject("customerIdentifiers")
                    .getJsonNumber("customerId").longValueExact()));
            assertEquals(60, customers.size(), "every earn told, those made through the dead instance too");
        } finally {
            doomed.kill();
        }
    }

    @Test
    void aScanTimerFiringLateOnOneInstanceStillScansOnce() throws Exception {
        // freeze the second instance across a firing, so its timer fires about half a second late
        long now = System.currentTimeMillis();
        long nextEven = (now / 2000 + 1) * 2000;
        Thread.sleep(Math.max(0, nextEven - now - 200));
        long started = System.currentTimeMillis();
        second.pause();
        Thread.sleep(700);
        second.resume();
        Thread.sleep(4_500);
        List<Long> runs = new ArrayList<>();
        try (var db = first.database(); var q = db.prepareStatement("SELECT created_on_ms FROM scheduler_run"
                + " WHERE name = 'inbox-scan' AND created_on_ms >= ? ORDER BY created_on_ms")) {
            q.setLong(1, started - 500);
            try (var rows = q.executeQuery()) {
                while (rows.next()) {
                    runs.add(rows.getLong(1));
                }
            }
        }
        assertTrue(runs.size() >= 2, "the scan ran: " + runs);
        for (int i = 1; i < runs.size(); i++) {
            // one run per firing (2 s apart); the late instance's firing used to count as a run of its own
            assertTrue(runs.get(i) - runs.get(i - 1) > 1_000, "two scans for one firing: " + runs);
        }
    }

    @Test
    void oneCustomersActivitiesThroughBothInstancesAtOnceEarnAsIfSentOneByOne() throws Exception {
        Api one = first.admin().newOrg("cluster-activities");
        Api two = one.on(second);
        // every 100.00 of purchases earns again
        String badge = ActivitiesIT.ruleBadge(one, "{\"activity\":\"TransactionAdd\",\"measure\":{\"type\":\"SUM\","
                + "\"attribute\":\"amount\"},\"target\":100,\"repeat\":true,\"triggeredBy\":{\"ownerType\":"
                + "\"Milestones\",\"referenceId\":\"rule-1\"}}", true);
        java.util.Random random = new java.util.Random(10);
        Instant now = Instant.now();
        List<String> bodies = new java.util.ArrayList<>();
        String racing = "race-" + UUID.randomUUID();
        String alone = "alone-" + UUID.randomUUID();
        List<String[]> activities = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            activities.add(new String[] {"a" + i, now.minus(Duration.ofMinutes(random.nextInt(20 * 24 * 60))).toString(),
                    (random.nextInt(6000) / 100.0) + ""});
        }
        for (String[] a : activities) {
            one.post("activities", ActivitiesIT.activity(a[0] + alone, alone, "TransactionAdd", Instant.parse(a[1]),
                    "{\"amount\":" + a[2] + "}")).expect(200);
        }
        // 12 clients, alternating instances, each a bulk of 15 of the activities (every one sent at least once)
        for (int c = 0; c < 12; c++) {
            StringBuilder bulk = new StringBuilder("{\"activities\":[");
            for (int k = 0; k < 15; k++) {
                String[] a = activities.get(k < 5 ? (c * 5 + k) % 60 : random.nextInt(60));
                bulk.append(k == 0 ? "" : ",").append(ActivitiesIT.activity(a[0] + racing, racing, "TransactionAdd",
                        Instant.parse(a[1]), "{\"amount\":" + a[2] + "}"));
            }
            bodies.add(bulk.append("]}").toString());
        }
        List<Api.Reply> replies = Concurrently.run(12, i -> (i % 2 == 0 ? one : two).post("activities/bulk",
                bodies.get(i)));
        long recorded = 0;
        for (Api.Reply r : replies) {
            recorded += r.expect(200).data().getInt("recordedCount");
        }
        assertEquals(60, recorded, "each activity recorded once");
        List<Instant> expected = ActivitiesIT.earnDates(one, alone, badge);
        assertTrue(expected.size() >= 10, expected.toString());
        assertEquals(expected, ActivitiesIT.earnDates(two, racing, badge), "the same earns at the same dates");
    }
}
