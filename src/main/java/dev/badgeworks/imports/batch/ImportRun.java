package dev.badgeworks.imports.batch;

import dev.badgeworks.imports.control.ImportLeaseLost;
import dev.badgeworks.imports.entity.Ownership;
import dev.badgeworks.imports.store.ImportLedger;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * The import this batch execution runs and the fencing token its claim gave it: the job-level properties of
 * earn-import.xml (from the job parameters), read here for every step and listener, so no artifact repeats them.
 */
@Dependent
public class ImportRun {

    @Inject
    JobContext job;

    @Inject
    ImportLedger ledger;

    public String importId() {
        return job.getProperties().getProperty("importId");
    }

    /** The fencing token every write of this execution is checked against. */
    public long fence() {
        return Long.parseLong(job.getProperties().getProperty("fence"));
    }

    /** Rows per chunk: one transaction each, with its checkpoint (the job parameter, as ImportService set it). */
    public int chunkSize() {
        return Integer.parseInt(job.getProperties().getProperty("chunkSize"));
    }

    /**
     * Whether this execution may write on, asked before each chunk or page: false when somebody asked the import to
     * stop (the execution is then stopped, and what it has not written waits for the restart); throws
     * {@link ImportLeaseLost} when another execution has taken the import over, so this one writes nothing more.
     */
    public boolean mayGoOn() {
        Ownership ownership = ledger.ownership(importId(), fence());
        if (ownership == Ownership.STOP_REQUESTED) {
            BatchRuntime.getJobOperator().stop(job.getExecutionId());
            return false;
        }
        if (ownership == Ownership.LOST) {
            throw new ImportLeaseLost(importId(), fence());
        }
        return true;
    }
}
