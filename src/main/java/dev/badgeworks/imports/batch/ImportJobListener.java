package dev.badgeworks.imports.batch;

import dev.badgeworks.imports.boundary.ImportCompletion;
import dev.badgeworks.imports.boundary.ImportLedger;
import dev.badgeworks.imports.entity.ImportStatus;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Records how an import execution ended when it did not complete: stopped on request, or failed. */
@Named("importJobListener")
@Dependent
public class ImportJobListener extends AbstractJobListener {

    @Inject
    @BatchProperty
    String importId;

    @Inject
    JobContext jobContext;

    @Inject
    ImportLedger ledger;

    @Inject
    ImportCompletion completion;

    @Override
    public void afterJob() {
        ImportStatus status = ledger.get(importId).status();
        if (status == ImportStatus.COMPLETED) {
            return;
        }
        BatchStatus batch = jobContext.getBatchStatus();
        if (batch == BatchStatus.STOPPING || batch == BatchStatus.STOPPED || status == ImportStatus.STOPPING) {
            completion.stopped(importId);
            return;
        }
        String reason = jobContext.getExitStatus();
        completion.failed(importId, reason == null || reason.isBlank() || reason.equals(batch.name())
                ? "The import failed unexpectedly (see the server log); restart it to resume from line "
                + ledger.get(importId).nextLine() + "."
                : "The file cannot be imported: " + reason + ".");
    }
}
