package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 32: the database server dies and no answered earn is lost. Two instances behind HAProxy on a PostgreSQL
 * primary and its synchronous standby (pg_auto_failover, {@code deploy/ha/formation}); clients send earns and retry
 * the same requestId on 503 or a timeout, an import runs, an endpoint is subscribed. The primary's machine is killed
 * (kill -9 of its keeper, PostgreSQL and sessions), later the standby's. Each earn answered is stored exactly once,
 * the import ends COMPLETED with exact counts, every earn's event is delivered. The figures go to
 * {@code target/failover-report.txt}. {@code -Dit.failover.importRows=200000} is the run docs/operations.md records.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverIT {

    private static final int IMPORT_ROWS = Integer.getInteger("it.failover.importRows", 30_000);
    private static final int CLIENTS = 8;
    private static final Duration WAIT = Duration.ofMinutes(3);

    private static Formation formation;
    private static BadgeworksServer one;
    private static BadgeworksServer two;
    private static LoadBalancer balancer;
    private static Receiver receiver;
    private static Api user;
    private static String badge;
    private static Path report;

    @BeforeAll
    static void startTheShape() throws Exception {
        assumeTrue(BadgeworksServer.onPostgres(), "the failover is PostgreSQL's");
        Path projectDir = Path.of(System.getProperty("it.projectDir", ".")).toAbsolutePath();
        // under /tmp, not the checkout: PostgreSQL runs as the postgres user, who may not reach a checkout under /root
        Path dir = Files.createTempDirectory("badgeworks-formation-");
        report = projectDir.resolve("target/failover-report.txt");
        formation = Formation.up(projectDir, dir);
        Map<String, String> env = new HashMap<>(BadgeworksServer.FAST_EVENTS);
        env.putAll(Map.of("BADGEWORKS_BOOTSTRAP_PASSWORD", BadgeworksServer.ADMIN_PASSWORD,
                "BADGEWORKS_DB_HOSTS", formation.hosts(),
                "BADGEWORKS_IMPORT_LEASE_SECONDS", "5",
                "BADGEWORKS_INBOX_DIR", dir.resolve("inbox").toString(),
                // the nightly scan, every 2 s: a file dropped after the failover is found
                "BADGEWORKS_IMPORT_SCHEDULE", "second=*/2;minute=*;hour=*", "BADGEWORKS_IMPORT_QUIET_SECONDS", "1",
                // a receiver's events wait out the failover: retried for ten minutes, not given up after four seconds
                "BADGEWORKS_EVENTS_RETRY_FOR_MS", "600000"));
        one = BadgeworksServer.onDatabase("failover-1", Formation.DATABASE, env);
        two = BadgeworksServer.onDatabase("failover-2", Formation.DATABASE, env);
        // the first creates the schema; the second starts on it
        one.start();
        two.start();
        balancer = new LoadBalancer(dir, List.of(one, two));
        Api admin = new Api(balancer.uri(), BadgeworksServer.ADMIN_USER, BadgeworksServer.ADMIN_PASSWORD);
        user = admin.newOrg("failover");
        badge = Badges.createClaimed(user, Badges.earnBadge(Badges.uniqueName("Failover")), "Loyalty", "program-1");
        receiver = new Receiver();
        admin.orgAdminOf(user).post("webhooks", "{\"url\":\"" + receiver.url() + "\"}").expect(201);
    }

    @AfterAll
    static void stopTheShape() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        if (balancer != null) {
            balancer.close();
        }
        for (BadgeworksServer server : new BadgeworksServer[] {one, two}) {
            if (server != null) {
                server.stop();
            }
        }
        if (formation != null) {
            formation.close();
        }
    }

    @Test
    @Order(1)
    void thePrimaryDiesUnderLoadAndEveryAnsweredEarnIsStoredOnce() throws Exception {
        String importId = Imports.upload(user, "failover.csv", "text/csv", file(IMPORT_ROWS));
        long killedAt;
        long primaryAgainAt;
        List<String> reads = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean reading = new java.util.concurrent.atomic.AtomicBoolean(true);
        // a support agent's screen reading the badge meanwhile: 200, or 503 1190 with Retry-After, nothing else
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                Api.Reply reply = user.get("badgeMeta/" + badge);
                if (reply.status() != 200 && !(reply.status() == 503 && reply.headers().containsKey("retry-after")
                        && reply.errors().getJsonObject(0).getInt("code") == 1190)) {
                    reads.add("HTTP " + reply.status() + " " + reply.body());
                }
                Imports.sleep(100);
            }
        });
        reader.start();
        try (EarnLoad load = new EarnLoad(balancer.uri(), user.authorization(), badge, "primary").start(CLIENTS)) {
            await("earns answered and the import under way", () -> load.settledCount() >= 200
                    && rowsRead(importId) >= Math.min(IMPORT_ROWS / 5, 5_000));
            killedAt = System.currentTimeMillis();
            formation.kill("node1");
            await("the standby promoted", () -> "node2".equals(primary()));
            primaryAgainAt = System.currentTimeMillis();
            int before = load.settledCount();
            await("earns answered again", () -> load.settledCount() >= before + 200);
            load.close();
            reading.set(false);
            reader.join();
            assertEquals(List.of(), load.unexpected(), "only 200, 809, or 503 1190 with Retry-After");
            assertEquals(List.of(), reads, "reads: only 200, or 503 1190 with Retry-After");
            List<EarnLoad.Settled> settled = load.settled();
            JsonObject imported = Imports.await(user, importId, WAIT, "COMPLETED", "FAILED", "STOPPED");
            assertEquals("COMPLETED", imported.getString("status"), imported.toString());
            assertEquals(IMPORT_ROWS, imported.getInt("rowsRead"), imported.toString());
            assertEquals(IMPORT_ROWS, imported.getInt("rowsEarned"), imported.toString());

            // the scan timer works on: a file dropped in the org's inbox now is imported by itself
            Path inbox = one.inbox().resolve(Long.toString(user.orgId()));
            Files.createDirectories(inbox);
            Files.writeString(inbox.resolve("after-failover.csv"), file(100));
            await("the inbox scan imported the file dropped after the failover", () -> scanned("after-failover.csv"));

            Map<String, String> stored = storedEarns();
            assertStoredOnce(settled, stored);
            assertEquals(settled.size() + IMPORT_ROWS + 100, stored.size(),
                    "the clients' earns and the files', no others");
            assertEventsDelivered(stored);

            record(String.format("%s primary killed (kill -9 of node1's keeper, PostgreSQL and sessions) under %d"
                            + " clients and a %,d-row import: no primary for %.1f s (the monitor's view); longest time"
                            + " without an earn answered %.1f s; earns answered %d (200: %d, 809 after a lost answer:"
                            + " %d), refused 503 %d, timed out %d, stored %d of them, lost 0, doubled 0; import"
                            + " COMPLETED %,d/%,d; events delivered for all %,d earns",
                    Instant.now(), CLIENTS, IMPORT_ROWS, (primaryAgainAt - killedAt) / 1000.0,
                    load.longestPauseMs(killedAt) / 1000.0, settled.size(), count(settled, 200), count(settled, 809),
                    load.refused(), load.timedOut(), settled.size(), imported.getInt("rowsEarned"), IMPORT_ROWS,
                    stored.size()));
        }
    }

    @Test
    @Order(2)
    void theStandbyDiesAndThePrimaryKeepsServing() throws Exception {
        formation.start("node1");
        awaitStandbyJoined();
        Throwable failed = null;
        try (EarnLoad load = new EarnLoad(balancer.uri(), user.authorization(), badge, "standby").start(CLIENTS)) {
            await("earns answered", () -> load.settledCount() >= 100);
            long killedAt = System.currentTimeMillis();
            formation.kill("node1");
            int before = load.settledCount();
            await("earns answered after the standby died", () -> load.settledCount() >= before + 300);
            load.close();
            assertEquals(List.of(), load.unexpected());
            assertEquals("node2", primary(), formation.state());
            List<EarnLoad.Settled> settled = load.settled();
            Map<String, String> stored = storedEarns();
            assertStoredOnce(settled, stored);
            record(String.format("%s standby killed under %d clients: the primary went on alone; longest time without"
                            + " an earn answered %.1f s (commits wait for the standby until the monitor lets the"
                            + " primary go on alone); earns answered %d, refused 503 %d, timed out %d, lost 0,"
                            + " doubled 0", Instant.now(), CLIENTS, load.longestPauseMs(killedAt) / 1000.0,
                    settled.size(), load.refused(), load.timedOut()));
        } catch (Throwable e) {
            failed = e;
            throw e;
        } finally {
            // the next test needs both nodes, whatever happened here (a node already running is left as it is); a
            // clean-up that fails too is told with the test's own failure, not instead of it
            try {
                formation.start("node1");
                awaitStandbyJoined();
            } catch (Throwable e) {
                if (failed == null) {
                    throw e;
                }
                failed.addSuppressed(e);
            }
        }
    }

    /**
     * A database blip rather than a failover: the import's chunk loses its connection (the session ended, as a
     * restarting server or a network cut does) while the database stays up. The execution ends; the import is not
     * FAILED but resumed by an instance once its lease runs out, and ends with exact counts.
     */
    @Test
    @Order(3)
    void anImportWhoseChunkLosesItsConnectionIsResumedNotFailed() throws Exception {
        int rows = 60_000;
        String importId = Imports.upload(user, "blip.csv", "text/csv", file(rows));
        await("the import under way", () -> rowsRead(importId) >= 3_000);
        int ended = 0;
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (Connection c = formation.primaryConnection();
             PreparedStatement terminate = c.prepareStatement("SELECT COUNT(pg_terminate_backend(pid))"
                     + " FROM pg_stat_activity WHERE application_name LIKE ?")) {
            // each chunk's transaction names its session after the import; end the one writing now
            terminate.setString(1, "badgeworks import " + importId + "%");
            while (ended == 0 && System.nanoTime() < deadline) {
                try (ResultSet rs = terminate.executeQuery()) {
                    rs.next();
                    ended = rs.getInt(1);
                }
            }
        }
        assertEquals(1, ended, "the chunk's session ended");
        JsonObject done = Imports.await(user, importId, WAIT, "COMPLETED", "FAILED", "STOPPED");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(rows, done.getInt("rowsRead"), done.toString());
        assertEquals(rows, done.getInt("rowsEarned"), done.toString());
        assertTrue(done.getInt("takeovers") >= 1, "resumed after its lease: " + done);
    }

    /**
     * The rejoined standby reports secondary and its primary has made it synchronous. Killed before the primary has,
     * it would leave the primary waiting for it: pg_auto_failover 2.0's primary, between the monitor's "primary" and
     * its keeper's report of it, has turned synchronous replication on but waits for the standby to catch up, and the
     * monitor lets a primary go on alone only once it reports "primary" (docs/operations.md, "the standby dies").
     */
    private static void awaitStandbyJoined() throws IOException {
        formation.await("node1", "secondary");
        formation.await("node2", "primary");
    }

    /** Each earn a client saw answered is in the table once, under the earn id it was answered with. */
    private static void assertStoredOnce(List<EarnLoad.Settled> settled, Map<String, String> stored) {
        Set<String> seen = new HashSet<>();
        for (EarnLoad.Settled earn : settled) {
            assertTrue(seen.add(earn.requestId()), "settled twice: " + earn);
            assertEquals(earn.earnId(), stored.get(earn.requestId()), "answered " + earn + ", stored as");
        }
    }

    /** requestId → earn id of the org's earns on the primary now; a requestId stored twice fails the test. */
    private static Map<String, String> storedEarns() throws Exception {
        Map<String, String> stored = new HashMap<>();
        try (Connection c = formation.primaryConnection();
             PreparedStatement s = c.prepareStatement("SELECT request_id, id FROM badge_earn WHERE org_id = ?")) {
            s.setLong(1, user.orgId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String earlier = stored.put(rs.getString(1), rs.getString(2));
                    assertEquals(null, earlier, "requestId stored twice: " + rs.getString(1));
                }
            }
        }
        return stored;
    }

    private static void assertEventsDelivered(Map<String, String> stored) {
        Set<String> earnIds = new TreeSet<>(stored.values());
        receiver.await(events -> delivered().containsAll(earnIds), WAIT.toMillis());
        Set<String> missing = new TreeSet<>(earnIds);
        missing.removeAll(delivered());
        assertEquals(Set.of(), missing.stream().limit(20).collect(Collectors.toSet()),
                missing.size() + " earns without a delivered event");
    }

    private static Set<String> delivered() {
        return receiver.accepted().stream().filter(e -> "badgeEarned".equals(e.getString("eventName", "")))
                .map(e -> e.getJsonObject("data").getString("earnId")).collect(Collectors.toSet());
    }

    private static boolean scanned(String fileName) {
        for (var item : user.get("imports").expect(200).data().getJsonArray("imports")) {
            JsonObject view = item.asJsonObject();
            if (view.getString("fileName").equals(fileName) && view.getString("status").equals("COMPLETED")) {
                assertEquals(100, view.getInt("rowsEarned"), view.toString());
                return true;
            }
        }
        return false;
    }

    private static int rowsRead(String importId) {
        try {
            return user.get("imports/" + importId).data().getInt("rowsRead");
        } catch (RuntimeException notNow) {
            return 0;
        }
    }

    private static String primary() {
        try {
            return formation.primary();
        } catch (IOException | RuntimeException notNow) {
            return "";
        }
    }

    private static String monitorView() {
        try {
            return formation.state();
        } catch (IOException | RuntimeException unavailable) {
            return unavailable.toString();
        }
    }

    private static long count(List<EarnLoad.Settled> settled, int status) {
        return settled.stream().filter(s -> s.status() == status).count();
    }

    private static String file(int rows) {
        return Imports.distinctEarns(badge, "program-1", rows);
    }

    private static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what + "; the monitor's view:\n" + monitorView());
            }
            Imports.sleep(200);
        }
    }

    private static void record(String line) throws IOException {
        System.out.println("FAILOVER " + line);
        Files.writeString(report, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
