package dev.badgeworks.imports.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.activity.boundary.ActivityService;
import dev.badgeworks.activity.control.Activity;
import dev.badgeworks.activity.control.ActivityCommand;
import dev.badgeworks.activity.control.ActivityOutcome;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.earn.boundary.EarnService;
import dev.badgeworks.earn.control.EarnCommand;
import dev.badgeworks.earn.control.EarnOutcome;
import dev.badgeworks.imports.boundary.ImportLeases;
import dev.badgeworks.imports.boundary.ImportService;
import dev.badgeworks.imports.control.ImportFiles;
import dev.badgeworks.imports.entity.ImportClaim;
import dev.badgeworks.imports.entity.ImportFormat;
import dev.badgeworks.imports.entity.ImportJob;
import dev.badgeworks.imports.entity.ImportKind;
import dev.badgeworks.imports.entity.ImportStatus;
import dev.badgeworks.imports.store.ImportLedger;
import dev.badgeworks.imports.store.ImportRuntime;
import dev.badgeworks.incontainer.InContainer;
import dev.badgeworks.incontainer.Racing;
import dev.badgeworks.incontainer.TestData;
import dev.badgeworks.platform.Ids;
import dev.badgeworks.platform.Metrics;
import io.micrometer.core.instrument.Counter;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nightly import's chunk reader and writers through the server's real {@code JobOperator}: a chunk that loses a
 * requestId race (of an earn file or an activity file) is rolled back and run again from its checkpoint, a stopped
 * import resumes from its last committed checkpoint, and the ledger's counters agree with the earns table. Small
 * chunks (a job parameter) put the interesting moments inside the file. A test pins a chunk in place by holding,
 * uncommitted, an earn or an activity on one of the file's requestIds: the chunk's insert waits on the database's
 * unique key until the test commits or rolls back.
 */
@ExtendWith(ArquillianExtension.class)
class ImportJobIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Deployment
    static WebArchive deployment() {
        return InContainer.war(ImportJobIT.class);
    }

    @Inject
    TestData data;

    @Inject
    EarnService earns;

    @Inject
    ActivityService activities;

    @Inject
    ImportLedger ledger;

    @Inject
    ImportRuntime runtime;

    @Inject
    ImportService imports;

    @Inject
    Metrics metrics;

    @Resource
    ManagedThreadFactory threads;

    private final Instant eventDate = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aChunkThatLosesARequestIdRaceIsRunAgainAndCountsTheWinnerAsADuplicate() throws Exception {
        long org = data.newOrg("import-race");
        String badge = data.earnBadge(org);
        List<String> rids = rids(10);
        double retriesBefore = retries();

        // the same earn as the file's 5th row, not yet committed: the chunk's insert waits for it
        try (HeldWrite held = heldEarn(org, command(badge, rids.get(4), 4))) {
            String id = launch(org, csv(badge, rids), 1000);
            await(data::someoneWaitsToInsertAnEarn, "the chunk to wait for the uncommitted requestId");
            held.commit();

            ImportJob done = awaitEnd(id);
            assertEquals(ImportStatus.COMPLETED, done.status(), String.valueOf(done.message()));
            assertTrue(retries() > retriesBefore, "the chunk was not retried: the collision path never ran");
            assertEquals(9, done.rowsEarned());
            assertEquals(1, done.rowsDuplicate(), "the live earn's requestId, met again by the rerun");
            assertEquals(0, done.rowsRejected());
            assertEquals(10, data.count("SELECT COUNT(*) FROM badge_earn WHERE org_id = ?1", org));
            assertEquals(9, data.count("SELECT COUNT(*) FROM badge_earn WHERE import_id = ?1", id));
            assertEquals(10, data.count("SELECT COUNT(DISTINCT request_id) FROM badge_earn WHERE org_id = ?1", org));
        }
    }

    /**
     * Issue 29: an activity file's chunk goes through the same retry. The live activity takes the file's 5th
     * requestId for another customer, uncommitted: the chunk's insert waits on the unique key, fails once it commits,
     * and the chunk run again finds the requestId used for other content (809 on its line); the rest is recorded.
     */
    @Test
    void anActivityChunkThatLosesARequestIdRaceIsRunAgainAndRejectsTheTakenRequestId() throws Exception {
        long org = data.newOrg("activity-import-race");
        List<String> rids = rids(10);
        double retriesBefore = retries();
        ActivityCommand live = new ActivityCommand(new Activity(rids.get(4), "someone-else", "Visit", eventDate,
                Map.of()), true, false, null);
        try (HeldWrite held = new HeldWrite(() -> assertEquals(ActivityOutcome.Kind.RECORDED,
                activities.recordAll(org, List.of(live)).get(0).kind()))) {
            StringBuilder csv = new StringBuilder("requestId,customerId,activity,eventDate,storeId\n");
            for (int i = 0; i < rids.size(); i++) {
                csv.append(rids.get(i)).append(",customer-").append(i).append(",Visit,").append(eventDate)
                        .append(",S").append(i).append('\n');
            }
            String id = launch(org, csv.toString(), 1000);
            await(data::someoneWaitsToInsertAnActivity, "the chunk to wait for the uncommitted requestId");
            held.commit();

            ImportJob done = awaitEnd(id);
            assertEquals(ImportStatus.COMPLETED, done.status(), String.valueOf(done.message()));
            assertEquals(ImportKind.ACTIVITY, done.kind());
            assertTrue(retries() > retriesBefore, "the chunk was not retried: the collision path never ran");
            assertEquals(9, done.rowsRecorded());
            assertEquals(0, done.rowsEarned());
            assertEquals(1, done.rowsRejected());
            assertEquals(List.of(6L), ledger.rejects(id, 0, 10).stream().map(r -> r.lineNumber()).toList());
            assertEquals(809, ledger.rejects(id, 0, 10).get(0).code());
            assertEquals(10, data.count("SELECT COUNT(*) FROM activity WHERE org_id = ?1", org));
            assertEquals(9, data.count("SELECT COUNT(*) FROM activity WHERE import_id = ?1", id));
        }
    }

    /**
     * A live earn holding the row longer than H2's LOCK_TIMEOUT (10 s, server-config/h2.asadmin) used to fail the
     * whole import ("cannot write N earns"): the wait that timed out is the same undecided race, run again.
     * PostgreSQL waits without a limit, so there the chunk simply waits.
     */
    @Test
    void aChunkWaitingLongerThanTheLockTimeoutIsRunAgainNotFailed() throws Exception {
        long org = data.newOrg("import-held-long");
        String badge = data.earnBadge(org);
        List<String> rids = rids(10);
        try (HeldWrite held = heldEarn(org, command(badge, rids.get(4), 4))) {
            String id = launch(org, csv(badge, rids), 1000);
            await(data::someoneWaitsToInsertAnEarn, "the chunk to wait for the uncommitted requestId");
            Thread.sleep(12_000);
            assertEquals(ImportStatus.RUNNING, ledger.get(id).status(), String.valueOf(ledger.get(id).message()));
            held.commit();

            ImportJob done = awaitEnd(id);
            assertEquals(ImportStatus.COMPLETED, done.status(), String.valueOf(done.message()));
            assertEquals(9, done.rowsEarned());
            assertEquals(1, done.rowsDuplicate());
            assertEquals(10, data.count("SELECT COUNT(DISTINCT request_id) FROM badge_earn WHERE org_id = ?1", org));
            assertEquals(10, data.count("SELECT COUNT(*) FROM badge_earn WHERE org_id = ?1", org));
        }
    }

    @Test
    void aStoppedImportKeepsWhatItCommittedAndARestartGoesOnFromItsCheckpoint() throws Exception {
        long org = data.newOrg("import-stop");
        String badge = data.earnBadge(org);
        List<String> rids = rids(10);
        String id;
        // pin the third chunk of two rows (rows 5 and 6), ask for a stop, then let the chunk go on. The held earn is
        // of another badge of the org: its requestId pins the chunk all the same (requestIds are unique per org), and
        // it holds none of this badge's counter stripes, which the first two chunks would otherwise wait for (one
        // in 16 runs, each transaction drawing its stripe at random) until H2's lock timeout failed them
        try (HeldWrite held = heldEarn(org, command(data.earnBadge(org), rids.get(4), 4))) {
            id = launch(org, csv(badge, rids), 2);
            await(data::someoneWaitsToInsertAnEarn, "the third chunk to wait");
            assertEquals(ImportStatus.STOPPING, imports.stop(org, id).status());
        }

        ImportJob stopped = awaitEnd(id);
        assertEquals(ImportStatus.STOPPED, stopped.status(), String.valueOf(stopped.message()));
        assertEquals(6, stopped.rowsRead(), "the pinned chunk committed, the next never started");
        assertEquals(6, stopped.rowsEarned());
        // the database agrees with the checkpoint: every earn of the import lies before the line it resumes from
        assertEquals(6, data.count("SELECT COUNT(*) FROM badge_earn WHERE import_id = ?1", id));
        assertEquals(0, data.count("SELECT COUNT(*) FROM badge_earn WHERE import_id = ?1 AND import_line >= ?2",
                id, stopped.nextLine()));

        assertEquals(ImportStatus.RUNNING, imports.restart(org, id).status());
        ImportJob done = awaitEnd(id);
        assertEquals(ImportStatus.COMPLETED, done.status(), String.valueOf(done.message()));
        assertEquals(10, done.rowsRead());
        assertEquals(10, done.rowsEarned());
        assertEquals(0, done.rowsDuplicate(), "nothing read twice: the restart began after the checkpoint");
        assertEquals(10, data.count("SELECT COUNT(*) FROM badge_earn WHERE import_id = ?1", id));
        assertEquals(10, data.count("SELECT COUNT(DISTINCT import_line) FROM badge_earn WHERE import_id = ?1", id));
        assertTrue(done.filePath().contains("/" + ImportFiles.DONE + "/") && Files.isRegularFile(
                Path.of(done.filePath())), "the file lies in done/: " + done.filePath());
    }

    /** Every instance's timer tries every slot: the losers say nothing in the server's log (it is no fault). */
    @Test
    void ofInstancesClaimingOneScheduledSlotAtOnceExactlyOneRunsIt() {
        String slot = UUID.randomUUID().toString();
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        List<Boolean> claimed;
        try {
            claimed = Racing.run(threads, 8, i -> runtime.claimSlot("in-container-test", slot, "racer-" + i));
        } finally {
            root.removeHandler(handler);
        }
        assertEquals(1, claimed.stream().filter(Boolean::booleanValue).count(), claimed.toString());
        assertEquals(1, data.count("SELECT COUNT(*) FROM scheduler_run WHERE slot = ?1", slot));
        assertEquals(List.of(), warnings.stream().map(r -> r.getLoggerName() + ": " + r.getMessage() + " " + r.getThrown()).toList());
    }

    /**
     * A write (an earn, an activity) held uncommitted on a thread of its own (the import's rows must be committed
     * apart from it): rolled back on close unless committed.
     */
    private final class HeldWrite implements AutoCloseable {

        private final CompletableFuture<Void> held = new CompletableFuture<>();
        private final CompletableFuture<Boolean> decision = new CompletableFuture<>();
        private final CompletableFuture<Void> ended = new CompletableFuture<>();

        HeldWrite(Runnable write) throws Exception {
            // looked up here, on the test's request thread: on the managed thread java:comp/ now and then failed to
            // resolve (a CI run); a UserTransaction acts on the transaction of whichever thread calls it
            UserTransaction tx = InitialContext.doLookup("java:comp/UserTransaction");
            threads.newThread(() -> {
                try {
                    tx.begin();
                    try {
                        write.run();
                        held.complete(null);
                        if (decision.get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                            tx.commit();
                        } else {
                            tx.rollback();
                        }
                    } finally {
                        if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                            tx.rollback();
                        }
                    }
                    ended.complete(null);
                } catch (Throwable e) {
                    held.completeExceptionally(e);
                    ended.completeExceptionally(e);
                }
            }).start();
            held.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        void commit() throws Exception {
            decision.complete(true);
            ended.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            decision.complete(false);
            ended.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private HeldWrite heldEarn(long org, EarnCommand command) throws Exception {
        return new HeldWrite(() -> assertEquals(EarnOutcome.Kind.EARNED,
                earns.earnAll(org, List.of(command)).get(0).kind()));
    }

    /** Starts the import job as ImportService does, with a chunk size of our choosing (a job parameter). */
    private String launch(long org, String csv, int chunkSize) throws Exception {
        String id = Ids.newId();
        Path file = ImportFiles.fromSettings().folder(org, ImportFiles.PROCESSING).resolve(id + "-test.csv");
        Files.writeString(file, csv);
        ledger.create(id, org, "test.csv", file.toString(), ImportFormat.CSV, "UPLOAD");
        long fence = ledger.claim(id, ImportClaim.START, ImportLeases.lease()).orElseThrow();
        Properties parameters = new Properties();
        parameters.setProperty("importId", id);
        parameters.setProperty("fence", Long.toString(fence));
        parameters.setProperty("chunkSize", Integer.toString(chunkSize));
        ledger.executionStarted(id, fence, BatchRuntime.getJobOperator().start("earn-import", parameters));
        return id;
    }

    private String csv(String badge, List<String> rids) {
        StringBuilder csv = new StringBuilder("requestId,badgeMetaId,customerId,earnEventDate,ownerType,referenceId\n");
        for (int i = 0; i < rids.size(); i++) {
            csv.append(rids.get(i)).append(',').append(badge).append(",customer-").append(i).append(',')
                    .append(eventDate).append(",Loyalty,").append(TestData.PROGRAM).append('\n');
        }
        return csv.toString();
    }

    private EarnCommand command(String badge, String rid, int row) {
        return EarnCommand.live(badge, "customer-" + row, rid, eventDate, OwnerType.Loyalty, TestData.PROGRAM);
    }

    private ImportJob awaitEnd(String id) {
        Set<ImportStatus> ended = Set.of(ImportStatus.COMPLETED, ImportStatus.FAILED, ImportStatus.STOPPED);
        await(() -> ended.contains(ledger.get(id).status()), "import " + id + " to end");
        return ledger.get(id);
    }

    private double retries() {
        Counter counter = metrics.registry().find("badgeworks.request.races").tag("request", "import").counter();
        return counter == null ? 0 : counter.count();
    }

    private static void await(BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static List<String> rids(int n) {
        return IntStream.range(0, n).mapToObj(i -> UUID.randomUUID().toString()).toList();
    }
}
