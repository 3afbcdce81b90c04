package dev.badgeworks.imports.batch;

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

    public String importId() {
        return job.getProperties().getProperty("importId");
    }

    /** The fencing token every write of this execution is checked against. */
    public long fence() {
        return Long.parseLong(job.getProperties().getProperty("fence"));
    }
}
