package dev.badgeworks.imports.batch;

import dev.badgeworks.api.LogSafe;
import dev.badgeworks.imports.control.FileInspector;
import dev.badgeworks.imports.control.ImportFiles;
import dev.badgeworks.imports.entity.ImportJob;
import dev.badgeworks.imports.store.ImportLedger;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * First step: the whole-file checks (exists, UTF-8, header) and what the file's rows are. A file that fails them
 * fails the import before a single row is imported. A resumed import was inspected already and only needs its file to
 * be there — taken back from done/ or failed/ if a finish crashed before recording the end. The step answers the
 * file's kind ({@code EARN} or {@code ACTIVITY}), which the job follows to the chunk step of that kind. A refused file
 * is the user's problem, not the server's: the step answers {@value #REFUSED} and the job's {@code <fail>} ends it,
 * with the reason as the job's exit status and no exception (which the batch runtime would log with its stack trace).
 */
@Named("inspectImportFile")
@Dependent
public class InspectImportFile extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(InspectImportFile.class.getName());

    static final String REFUSED = "REFUSED";

    @Inject
    ImportRun run;

    @Inject
    JobContext jobContext;

    @Inject
    ImportLedger ledger;

    @Override
    public String process() throws Exception {
        ImportJob job = ledger.get(run.importId());
        Path file = Path.of(job.filePath());
        boolean present = ImportFiles.fromSettings().reclaim(job.orgId(), file).isPresent();
        if (job.contentHash() != null) {
            if (!present) {
                return refuse("the file is gone: " + file.getFileName());
            }
            return job.kind().name();
        }
        try {
            FileInspector.Inspection inspection = FileInspector.inspect(file, job.format());
            ledger.inspected(run.importId(), inspection.contentHash(), inspection.kind(), inspection.dataRows(),
                    inspection.firstDataLine(), inspection.firstDataOffset());
            return inspection.kind().name();
        } catch (FileInspector.FileProblem problem) {
            if (problem.getCause() != null) {
                LOG.log(Level.WARNING, "Import " + run.importId() + ": cannot read " + LogSafe.text(file),
                        LogSafe.failure(problem.getCause()));
            }
            return refuse(problem.getMessage());
        }
    }

    private String refuse(String reason) {
        jobContext.setExitStatus(reason);
        return REFUSED;
    }
}
