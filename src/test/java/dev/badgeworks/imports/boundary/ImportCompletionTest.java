package dev.badgeworks.imports.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.badgeworks.imports.control.ImportFiles;
import dev.badgeworks.imports.entity.ImportFormat;
import dev.badgeworks.imports.entity.ImportJob;
import dev.badgeworks.imports.entity.ImportReject;
import dev.badgeworks.imports.entity.ImportStatus;
import dev.badgeworks.imports.store.ImportLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, finding 13: however a finish is interrupted — a failure writing the reports, a crash after the file
 * moved but before the end was recorded — the next finish leaves the file and its reports together, and the
 * import records where the file is.
 */
class ImportCompletionTest {

    static final String ID = "6b0771b9b215c6ac0dad26b8";
    static final String BASE = ID + "-night.csv";

    @TempDir
    Path data;

    ImportFiles files;
    Path processing;
    FlakyLedger ledger;
    ImportCompletion completion;

    @BeforeEach
    void anImportWithOneReject() throws IOException {
        System.setProperty("badgeworks.inbox.dir", data.resolve("inbox").toString());
        files = ImportFiles.fromSettings();
        processing = Files.writeString(files.folder(7, ImportFiles.PROCESSING).resolve(BASE), "the data");
        ledger = new FlakyLedger(new ImportJob(ID, 7, "night.csv", processing.toString(), ImportFormat.CSV, "API", 0));
        completion = new ImportCompletion();
        completion.ledger = ledger;
    }

    @AfterEach
    void forgetTheInbox() {
        System.clearProperty("badgeworks.inbox.dir");
    }

    @Test
    void aFailureWritingTheReportsLeavesTheFileForTheFailureThatFollows() throws IOException {
        ledger.rejectsFail = true;
        assertThrows(IllegalStateException.class, () -> completion.completed(ID, 0));
        assertEquals(Set.of(BASE), names(ImportFiles.PROCESSING), "the data did not move before its reports");

        ledger.rejectsFail = false;
        completion.failed(ID, 0, "The import failed unexpectedly");
        assertAllIn(ImportFiles.FAILED);
        assertEquals(ImportStatus.FAILED, ledger.endedAs);
    }

    @Test
    void aFinishRunAgainAfterACrashBeforeTheEndWasRecordedEndsConsistently() throws IOException {
        ledger.endedFails = true;
        assertThrows(IllegalStateException.class, () -> completion.completed(ID, 0));
        assertEquals(Set.of(BASE, BASE + ".report.json", BASE + ".rejects.csv"), names(ImportFiles.DONE));

        ledger.endedFails = false;
        completion.completed(ID, 0);
        assertAllIn(ImportFiles.DONE);
        assertEquals(ImportStatus.COMPLETED, ledger.endedAs);
    }

    @Test
    void aFinishThatEndsOtherwiseTheSecondTimeTakesTheFileAndLeavesNoStaleReport() throws IOException {
        ledger.endedFails = true;
        assertThrows(IllegalStateException.class, () -> completion.completed(ID, 0));

        ledger.endedFails = false;
        completion.failed(ID, 0, "The import failed unexpectedly");
        assertAllIn(ImportFiles.FAILED);
    }

    @Test
    void aRestartAfterSuchACrashFindsTheFileAgain() throws IOException {
        ledger.endedFails = true;
        assertThrows(IllegalStateException.class, () -> completion.completed(ID, 0));

        assertEquals(processing, files.reclaim(7, processing).orElseThrow(), "what the inspection step does");
        assertEquals(Set.of(BASE), names(ImportFiles.PROCESSING));
    }

    private void assertAllIn(String folder) throws IOException {
        assertEquals(Set.of(BASE, BASE + ".report.json", BASE + ".rejects.csv"), names(folder));
        assertEquals("the data", Files.readString(files.folder(7, folder).resolve(BASE)));
        assertEquals(List.of("line,code,reference,reason,original", "3,1104,earnEventDate,Invalid date.,\"r,x\""),
                Files.readAllLines(files.folder(7, folder).resolve(BASE + ".rejects.csv")));
        assertEquals(files.folder(7, folder).resolve(BASE).toString(), ledger.endedPath);
        for (String other : new String[] {ImportFiles.PROCESSING, ImportFiles.DONE, ImportFiles.FAILED}) {
            if (!other.equals(folder)) {
                assertEquals(Set.of(), names(other), other);
            }
        }
    }

    private Set<String> names(String folder) throws IOException {
        try (Stream<Path> list = Files.list(files.folder(7, folder))) {
            return list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The ledger of one import, without a database, failing where a test asks it to. */
    static final class FlakyLedger extends ImportLedger {
        final ImportJob job;
        boolean rejectsFail;
        boolean endedFails;
        ImportStatus endedAs;
        String endedPath;

        FlakyLedger(ImportJob job) {
            this.job = job;
        }

        @Override
        public ImportJob get(String id) {
            return job;
        }

        @Override
        public List<ImportReject> rejects(String id, long afterLine, int pageSize) {
            if (rejectsFail) {
                throw new IllegalStateException("the database went away");
            }
            return afterLine < 3 ? List.of(new ImportReject(id, 3, 1104, "earnEventDate", "Invalid date.", "r,x")) : List.of();
        }

        @Override
        public Map<Integer, Long> errorCounts(String id) {
            return Map.of(1104, 1L);
        }

        @Override
        public boolean ended(String id, long fence, ImportStatus status, String message, String filePath) {
            if (endedFails) {
                throw new IllegalStateException("killed before the commit");
            }
            endedAs = status;
            endedPath = filePath;
            return true;
        }
    }
}
