package dev.badgeworks.imports.boundary;

import dev.badgeworks.api.JsonbConfiguration;
import dev.badgeworks.imports.control.ImportFiles;
import dev.badgeworks.imports.control.ImportReport;
import dev.badgeworks.imports.entity.ImportJob;
import dev.badgeworks.imports.entity.ImportStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    public void completed(String importId) {
        finish(importId, ImportStatus.COMPLETED, null, ImportFiles.DONE);
    }

    public void failed(String importId, String message) {
        finish(importId, ImportStatus.FAILED, message, ImportFiles.FAILED);
    }

    public void stopped(String importId) {
        ImportJob job = ledger.get(importId);
        ledger.ended(importId, ImportStatus.STOPPED, "Stopped on request; restart resumes at line "
                + job.nextLine() + ".", job.filePath());
    }

    /** Report and rejects are written first: once the import says it has ended, its files are complete. */
    private void finish(String importId, ImportStatus status, String message, String folder) {
        ImportJob job = ledger.get(importId);
        try {
            String path = job.filePath();
            Path file = Path.of(job.filePath());
            if (Files.exists(file)) {
                Path target = ImportFiles.fromSettings().folder(job.orgId(), folder).resolve(file.getFileName());
                if (!target.equals(file)) {
                    Files.move(file, target);
                }
                path = target.toString();
            }
            Path dir = ImportFiles.fromSettings().folder(job.orgId(), folder);
            String base = importId + "-" + job.fileName();
            ImportReport.writeRejects(dir.resolve(base + ".rejects.csv"),
                    after -> ledger.rejects(importId, after, REJECT_PAGE));
            long now = System.currentTimeMillis();
            ImportView view = ImportView.of(job, status.name(), message, now, ledger.errorCounts(importId), now);
            ImportReport.writeSummary(dir.resolve(base + ".report.json"), JsonbConfiguration.jsonb().toJson(view));
            ledger.ended(importId, status, message, path);
            LOG.info(() -> "Import " + importId + " of " + job.fileName() + " " + status + ": " + view.rowsEarned()
                    + " earned, " + view.rowsDuplicate() + " duplicate, " + view.rowsRejected() + " rejected");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report of import " + importId, e);
        }
    }
}
