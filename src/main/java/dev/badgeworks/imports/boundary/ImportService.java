package dev.badgeworks.imports.boundary;

import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.imports.control.FileNames;
import dev.badgeworks.imports.control.ImportFiles;
import dev.badgeworks.imports.entity.ImportFormat;
import dev.badgeworks.imports.entity.ImportJob;
import dev.badgeworks.imports.entity.ImportStatus;
import dev.badgeworks.platform.Ids;
import dev.badgeworks.platform.Settings;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts, stops and restarts imports. Each import is one batch execution of {@code earn-import}; a restart is a
 * new execution that resumes from the checkpoint committed with the last chunk, which also works after a crash
 * (a killed execution stays STARTED in the batch repository forever and cannot be restarted there).
 * Runs outside transactions: starting a batch job from inside one is unreliable on Payara.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportService {

    static final String JOB = "earn-import";
    /** An import whose last chunk committed longer ago than this is considered dead (its server crashed). */
    static Duration staleAfter() {
        return Duration.ofSeconds(Long.parseLong(Settings.get("badgeworks.import.stale.seconds", "60")));
    }
    private static final Logger LOG = Logger.getLogger(ImportService.class.getName());

    @Inject
    ImportLedger ledger;

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
                    .exception("path", "No such file in this org's inbox folder."));
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

    public ImportJob stop(long orgId, String id) {
        ImportJob job = ledger.find(orgId, id);
        if (job.status() != ImportStatus.RUNNING) {
            throw ErrorCode.IMPORT_STATE.exception("importId", "Only a RUNNING import can be stopped; it is "
                    + job.status() + ".");
        }
        ledger.setStatus(id, ImportStatus.STOPPING);
        try {
            BatchRuntime.getJobOperator().stop(job.executionId());
        } catch (JobExecutionNotRunningException e) {
            ledger.ended(id, ImportStatus.STOPPED, "Stopped; its execution was no longer running.", job.filePath());
        }
        return ledger.get(id);
    }

    /** Resumes a STOPPED or FAILED import, or one whose server died mid-file, from its last checkpoint. */
    public ImportJob restart(long orgId, String id) {
        ImportJob job = ledger.find(orgId, id);
        boolean dead = (job.status() == ImportStatus.RUNNING || job.status() == ImportStatus.STOPPING)
                && (job.heartbeatOnMs() == null
                || job.heartbeatOnMs() < System.currentTimeMillis() - staleAfter().toMillis())
                && !runningHere(job);
        if (job.status() != ImportStatus.STOPPED && job.status() != ImportStatus.FAILED && !dead) {
            throw ErrorCode.IMPORT_STATE.exception("importId", "Only a STOPPED or FAILED import, or one whose server "
                    + "stopped mid-file, can be restarted; it is " + job.status() + ".");
        }
        return start(id);
    }

    /** Every complete file in every org's inbox folder becomes an import. */
    public List<ImportJob> scanInbox() {
        List<ImportJob> started = new ArrayList<>();
        Path inbox = ImportFiles.fromSettings().inbox();
        if (!Files.isDirectory(inbox)) {
            return started;
        }
        try (DirectoryStream<Path> orgs = Files.newDirectoryStream(inbox, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path org : orgs) {
                started.addAll(scanInbox(Long.parseLong(org.getFileName().toString())));
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot scan the inbox " + inbox, e);
        }
        return started;
    }

    public List<ImportJob> scanInbox(long orgId) {
        List<ImportJob> started = new ArrayList<>();
        ImportFiles files = ImportFiles.fromSettings();
        Instant now = Instant.now();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(files.orgInbox(orgId))) {
            for (Path file : entries) {
                if (!files.isComplete(orgId, file, now)) {
                    continue;
                }
                if (ImportFormat.ofFileName(file.getFileName().toString()).isEmpty()) {
                    LOG.warning(() -> "Inbox file " + file + " is neither .csv nor .jsonl/.ndjson: left alone");
                    continue;
                }
                try {
                    started.add(fromInbox(orgId, file.getFileName().toString(), "INBOX"));
                } catch (ApiException e) {
                    LOG.warning(() -> "Inbox file " + file + " not imported: " + e.getMessage());
                } catch (UncheckedIOException e) {
                    LOG.log(Level.WARNING, "Inbox file " + file + " not imported (another instance took it?)", e);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot scan the inbox of org " + orgId, e);
        }
        return started;
    }

    private ImportJob start(String id) {
        ledger.starting(id);
        Properties parameters = new Properties();
        parameters.setProperty("importId", id);
        long execution = BatchRuntime.getJobOperator().start(JOB, parameters);
        ledger.executionStarted(id, execution);
        return ledger.get(id);
    }

    private static boolean runningHere(ImportJob job) {
        if (job.executionId() == null) {
            return false;
        }
        JobOperator operator = BatchRuntime.getJobOperator();
        try {
            return operator.getRunningExecutions(JOB).contains(job.executionId());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static ImportFormat formatOf(String name, String reference) {
        return ImportFormat.ofFileName(name).orElseThrow(() -> ErrorCode.IMPORT_FILE_INVALID.exception(reference,
                "Name the file .csv (header row: requestId,badgeMetaId,customerId,earnEventDate,ownerType,referenceId)"
                        + " or .jsonl/.ndjson (one earn body per line)."));
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
