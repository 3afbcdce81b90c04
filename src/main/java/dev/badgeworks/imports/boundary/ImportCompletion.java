package dev.badgeworks.imports.boundary;

import dev.badgeworks.api.JsonbConfiguration;
import dev.badgeworks.imports.control.ImportFiles;
import dev.badgeworks.imports.control.ImportReport;
import dev.badgeworks.imports.entity.ImportJob;
import dev.badgeworks.imports.entity.ImportKind;
import dev.badgeworks.imports.entity.ImportStatus;
import dev.badgeworks.imports.store.ImportLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The end of an import: the file moves to done/ (or failed/) with its summary report and rejects file beside
 * it, and the import row records the outcome. A stopped import keeps its file in processing/ for the restart.
 */
@ApplicationScoped
public class ImportCompletion {

    private static final Logger LOG = Logger.getLogger(ImportCompletion.class.getName());
    static final int REJECT_PAGE = 5_000;

    @Inject
    ImportLedger ledger;

    public void completed(String importId, long fence) {
        finish(importId, fence, ImportStatus.COMPLETED, null, ImportFiles.DONE);
    }

    public void failed(String importId, long fence, String message) {
        finish(importId, fence, ImportStatus.FAILED, message, ImportFiles.FAILED);
    }

    public void stopped(String importId, long fence) {
        ImportJob job = ledger.get(importId);
        ledger.ended(importId, fence, ImportStatus.STOPPED, "Stopped on request; restart resumes at line "
                + job.nextLine() + ".", job.filePath());
    }

    /**
     * Report and rejects are written first, the file is moved last, then the end is recorded: a failure before
     * the move leaves the file in processing/ for whatever ends the import next, and a finish run again after a
     * crash anywhere in between takes the file back (ImportFiles.reclaim), writes the reports again and removes
     * those an earlier attempt left in the other folder. The file and its reports always end up together.
     */
    private void finish(String importId, long fence, ImportStatus status, String message, String folder) {
        ImportJob job = ledger.get(importId);
        if (job.fence() != fence) {
            // taken over meanwhile: its files and its end belong to the execution that took it
            LOG.info(() -> "Import " + importId + ": not finished by an execution that lost it (token " + fence + ")");
            return;
        }
        try {
            ImportFiles files = ImportFiles.fromSettings();
            Path recorded = Path.of(job.filePath());
            Optional<Path> file = files.reclaim(job.orgId(), recorded);
            Path dir = files.folder(job.orgId(), folder);
            String base = importId + "-" + job.fileName();
            ImportReport.writeRejects(dir.resolve(base + ImportFiles.REJECTS),
                    after -> ledger.rejects(importId, after, REJECT_PAGE));
            long now = System.currentTimeMillis();
            ImportView view = ImportView.of(job, status.name(), message, now, ledger.errorCounts(importId), now);
            ImportReport.writeSummary(dir.resolve(base + ImportFiles.REPORT), JsonbConfiguration.jsonb().toJson(view));
            files.deleteReports(job.orgId(), folder.equals(ImportFiles.DONE) ? ImportFiles.FAILED : ImportFiles.DONE,
                    base);
            Path path = recorded;
            if (file.isPresent()) {
                Path target = dir.resolve(file.get().getFileName());
                path = target.equals(file.get()) ? target
                        : Files.move(file.get(), target, StandardCopyOption.ATOMIC_MOVE);
            }
            ledger.ended(importId, fence, status, message, path.toString());
            LOG.info(() -> "Import " + importId + " of " + job.fileName() + " " + status + ": "
                    + (job.kind() == ImportKind.ACTIVITY ? view.rowsRecorded() + " recorded, "
                    : view.rowsEarned() + " earned, ") + view.rowsDuplicate() + " duplicate, " + view.rowsRejected()
                    + " rejected");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report of import " + importId, e);
        }
    }
}
