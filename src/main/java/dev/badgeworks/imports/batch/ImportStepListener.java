package dev.badgeworks.imports.batch;

import dev.badgeworks.platform.DatabaseOutage;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Notes on the job when a step of an import failed because the database could not be reached (its server died, a
 * failover was under way): the job listener then leaves the import to be resumed instead of failing it.
 */
@Named("importStepListener")
@Dependent
public class ImportStepListener extends AbstractStepListener {

    /** The job's transient user data when one of its steps lost the database. */
    private static final String DATABASE_LOST = "database-lost";

    @Inject
    JobContext jobContext;

    @Inject
    StepContext stepContext;

    @Override
    public void afterStep() {
        Exception failure = stepContext.getException();
        if (failure != null && DatabaseOutage.causedBy(failure)) {
            jobContext.setTransientUserData(DATABASE_LOST);
        }
    }

    static boolean databaseLost(JobContext job) {
        return DATABASE_LOST.equals(job.getTransientUserData());
    }
}
