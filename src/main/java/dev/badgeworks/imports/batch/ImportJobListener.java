package dev.badgeworks.imports.batch;

import dev.badgeworks.imports.boundary.ImportCompletion;
import dev.badgeworks.imports.boundary.RunningImports;
import dev.badgeworks.imports.entity.ImportJob;
import dev.badgeworks.imports.entity.ImportStatus;
import dev.badgeworks.imports.store.ImportLedger;
import dev.badgeworks.platform.DatabaseOutage;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/**
 * Keeps this instance's list of running import executions (whose leases it renews), and records how an import
 * execution ended when it did not complete: stopped on request, or failed — unless the import was taken over
 * meanwhile, which then belongs to the execution that took it, or the execution failed because the database could
 * not be reached: then the import stays RUNNING, its lease runs out and an instance resumes it from its last
 * checkpoint once the database is back (a failover is not the file's fault, and needs nobody to restart it).
 */
@Named("importJobListener")
@Dependent
public class ImportJobListener extends AbstractJobListener {

    private static final Logger LOG = Logger.getLogger(ImportJobListener.class.getName());

    @Inject
    ImportRun run;

    @Inject
    JobContext jobContext;

    @Inject
    ImportLedger ledger;

    @Inject
    ImportCompletion completion;

    @Inject
    RunningImports running;

    @Override
    public void beforeJob() {
        running.started(jobContext.getExecutionId());
    }

    @Override
    public void afterJob() {
        running.ended(jobContext.getExecutionId());
        try {
            recordEnd();
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causedBy(e)) {
                throw e;
            }
            leftForResumption();
        }
    }

    private void leftForResumption() {
        LOG.warning(() -> "Import " + run.importId() + ": the database could not be reached; the import is resumed from"
                + " its last checkpoint once the database is back and its lease has run out");
    }

    private void recordEnd() {
        long token = run.fence();
        ImportJob job = ledger.get(run.importId());
        if (job.fence() != token) {
            LOG.info(() -> "Import " + run.importId() + ": this execution lost it to another (token " + token + " < "
                    + job.fence() + "); it leaves the import to that one");
            return;
        }
        if (job.status() == ImportStatus.COMPLETED) {
            return;
        }
        if (ImportChunkListener.databaseLost(jobContext)) {
            leftForResumption();
            return;
        }
        BatchStatus batch = jobContext.getBatchStatus();
        if (batch == BatchStatus.STOPPING || batch == BatchStatus.STOPPED || job.status() == ImportStatus.STOPPING
                || job.stopRequested()) {
            completion.stopped(run.importId(), token);
            return;
        }
        String reason = jobContext.getExitStatus();
        completion.failed(run.importId(), token, reason == null || reason.isBlank() || reason.equals(batch.name())
                ? "The import failed unexpectedly (see the server log); restart it to resume from line "
                + job.nextLine() + "."
                : "The file cannot be imported: " + reason + ".");
    }
}
