package dev.badgeworks.imports.boundary;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.Excerpt;
import dev.badgeworks.api.LogSafe;
import dev.badgeworks.imports.control.FileNames;
import dev.badgeworks.imports.control.ImportFiles;
import dev.badgeworks.imports.entity.ImportClaim;
import dev.badgeworks.imports.entity.ImportFormat;
import dev.badgeworks.imports.entity.ImportJob;
import dev.badgeworks.imports.entity.ImportStatus;
import dev.badgeworks.imports.store.ImportLedger;
import dev.badgeworks.imports.store.ImportRuntime;
import dev.badgeworks.platform.Ids;
import dev.badgeworks.platform.Settings;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts, stops, restarts and takes over imports, of earn files and activity files alike. Each run of an import
 * is one batch execution of {@code earn-import} on the instance that claimed it in the database
 * (ImportLedger.claim); a restart or a takeover is a new execution that resumes from the checkpoint committed with
 * the last chunk, which also works after a crash (a killed execution stays STARTED in the batch repository and
 * cannot be restarted there).
 * Runs outside transactions: starting a batch job from inside one is unreliable on Payara.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportService {

    static final String JOB = "earn-import";
    private static final Logger LOG = Logger.getLogger(ImportService.class.getName());

    @Inject
    ImportLedger ledger;

    @Inject
    ImportRuntime runtime;

    @Inject
    ImportCompletion completion;

    public ImportJob upload(long orgId, String fileName, InputStream body) {
        FileNames.checkName(fileName, "fileName");
        String name = FileNames.stored(fileName);
        ImportFormat format = formatOf(name, "fileName");
        String id = Ids.newId();
        Path target = null;
        try {
            target = ImportFiles.fromSettings().folder(orgId, ImportFiles.PROCESSING).resolve(id + "-" + name);
            Files.copy(body, target);
            ledger.create(id, orgId, name, target.toString(), format, "UPLOAD");
        } catch (IOException | RuntimeException e) {
            // an upload cut off (too large, too slow, client gone) leaves no half file behind
            deleteQuietly(target);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        return start(id);
    }

    /** Imports a file that already lies in the org's inbox folder (a relative path; never outside it). */
    public ImportJob fromInbox(long orgId, String relativePath, String source) {
        try {
            FileNames.checkPath(relativePath, "path");
            ImportFiles files = ImportFiles.fromSettings();
            // no server path in an answer: the org knows the folder only as its inbox
            Path file = files.resolveInOrgInbox(orgId, relativePath).orElseThrow(() -> ErrorCode.IMPORT_FILE_INVALID
                    .exception("path", "No such file in this org's inbox folder (processing/, done/ and"
                    + " failed/ hold the service's own files)."));
            FileNames.checkFileName(file.getFileName().toString(), "path");
            String name = FileNames.stored(file.getFileName().toString());
            ImportFormat format = formatOf(name, "path");
            String id = Ids.newId();
            Path moved = files.moveTo(file, orgId, ImportFiles.PROCESSING, id, name);
            ledger.create(id, orgId, name, moved.toString(), format, source);
            return start(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asks a running import to stop, wherever it runs: its owner reads the flag before its next chunk and ends it
     * STOPPED. One whose owner is gone is STOPPED at once.
     */
    public ImportJob stop(long orgId, String id) {
        ImportJob job = ledger.find(orgId, id);
        if (ledger.requestStop(orgId, id).isEmpty()) {
            throw ErrorCode.IMPORT_STATE.exception("importId", "Only a RUNNING import can be stopped; it is "
                    + ledger.get(job.id()).status() + ".");
        }
        return ledger.get(id);
    }

    /**
     * Resumes a STOPPED or FAILED import, or one whose owner's lease ran out, from its last checkpoint. Of several
     * restarts at once (on any instances) exactly one is accepted.
     */
    public ImportJob restart(long orgId, String id) {
        ImportJob job = ledger.find(orgId, id);
        OptionalLong fence = ledger.claim(job.id(), ImportClaim.RESTART, ImportLeases.lease());
        if (fence.isEmpty()) {
            throw ErrorCode.IMPORT_STATE.exception("importId", "Only a STOPPED or FAILED import, or one whose instance "
                    + "stopped working on it, can be restarted; it is " + ledger.get(id).status() + ".");
        }
        return launch(id, fence.getAsLong());
    }

    /**
     * Resumes an import whose owner's lease ran out (its instance died or froze) on this instance, from its last
     * committed checkpoint; one that was asked to stop is STOPPED instead. False when another instance was first.
     */
    public boolean takeOver(ImportJob abandoned) {
        if (abandoned.status() == ImportStatus.STOPPING) {
            return ledger.stopAbandoned(abandoned.id());
        }
        endFrozenChunks(abandoned);
        OptionalLong fence = ledger.claim(abandoned.id(), ImportClaim.TAKEOVER, ImportLeases.lease());
        if (fence.isEmpty()) {
            return false;
        }
        LOG.warning(() -> "Import " + abandoned.id() + " taken over from " + abandoned.owner() + " (lease ended "
                + Instant.ofEpochMilli(abandoned.leaseUntilMs()) + "); resuming at line " + abandoned.nextLine());
        abandonExecution(abandoned.executionId());
        launch(abandoned.id(), fence.getAsLong());
        return true;
    }

    /** Before the claim, which would wait for their row locks: a frozen owner's open chunk transactions end. */
    private void endFrozenChunks(ImportJob abandoned) {
        try {
            int ended = runtime.endFrozenChunks(abandoned.id(), abandoned.fence());
            if (ended > 0) {
                LOG.warning(() -> "Import " + abandoned.id() + ": ended " + ended + " database session(s) its frozen"
                        + " owner " + abandoned.owner() + " left open");
            }
        } catch (RuntimeException e) {
            // the owner's sessions end by the idle-in-transaction timeout alone, or when it wakes
            LOG.log(Level.WARNING, "Import " + abandoned.id() + ": cannot end its frozen owner's sessions",
                    LogSafe.failure(e));
        }
    }

    private ImportJob start(String id) {
        OptionalLong fence = ledger.claim(id, ImportClaim.START, ImportLeases.lease());
        return fence.isPresent() ? launch(id, fence.getAsLong()) : ledger.get(id);
    }

    /** Runs the import's batch execution here, with the fencing token every step checks before it writes. */
    private ImportJob launch(String id, long fence) {
        Properties parameters = new Properties();
        parameters.setProperty("importId", id);
        parameters.setProperty("fence", Long.toString(fence));
        parameters.setProperty("chunkSize", Integer.toString(chunkSize()));
        try {
            long execution = BatchRuntime.getJobOperator().start(JOB, parameters);
            ledger.executionStarted(id, fence, execution);
        } catch (RuntimeException e) {
            // the server refused the job (its security, repository or resources): FAILED with the reason, the file
            // beside its report in failed/, restartable once the server is fixed — never RUNNING with nobody on it
            LOG.log(Level.WARNING, "Import " + id + ": its batch execution could not start", LogSafe.failure(e));
            completion.failed(id, fence, "The import could not start on this server: "
                    + Excerpt.of(String.valueOf(e.getMessage())) + " Restart it once the server runs batch jobs.");
        }
        return ledger.get(id);
    }

    /**
     * Rows per chunk (BADGEWORKS_IMPORT_CHUNK_SIZE, 4000): each chunk is one transaction with its checkpoint, and what
     * a chunk costs whatever its size (a dozen round trips, the batch runtime's checkpoint, a commit) was almost a third
     * of a 1,000-row chunk's time (BENCHMARKS.md, fifteenth session). Small chunks let the crash and stop tests land
     * inside a file of modest size; a bad value is the default.
     */
    static int chunkSize() {
        return Settings.intBetween("badgeworks.import.chunk.size", 1, 10_000, 4000);
    }

    /**
     * The batch repository still shows a dead instance's execution as started; marking it abandoned keeps the
     * repository truthful. Best effort: the import itself is decided by its row, not by the repository.
     */
    private void abandonExecution(Long executionId) {
        if (executionId == null) {
            return;
        }
        try {
            BatchRuntime.getJobOperator().abandon(executionId);
        } catch (RuntimeException refused) {
            // the runtime will not abandon what its repository says is STARTED, though no thread runs it anywhere
            try {
                runtime.markExecutionAbandoned(executionId);
            } catch (RuntimeException e) {
                LOG.fine(() -> "Execution " + executionId + " left as the batch repository has it: " + LogSafe.text(e));
            }
        }
    }

    private static ImportFormat formatOf(String name, String reference) {
        return ImportFormat.ofFileName(name).orElseThrow(() -> ErrorCode.IMPORT_FILE_INVALID.exception(reference,
                "Name the file .csv (header row: requestId,badgeMetaId,customerId,earnEventDate,ownerType,referenceId"
                        + " for earns; requestId,customerId,activity,eventDate and one column per attribute for"
                        + " activities) or .jsonl/.ndjson (one earn or activity body per line)."));
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warning(() -> "Could not delete the partial upload " + file + ": " + e);
        }
    }
}
