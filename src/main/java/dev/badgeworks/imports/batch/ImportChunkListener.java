package dev.badgeworks.imports.batch;

import dev.badgeworks.platform.DatabaseOutage;
import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Notes on the job when a chunk of an import failed because the database could not be reached (its connection
 * ended, its server died, a failover was under way): the job listener then leaves the import to be resumed
 * instead of failing it. The batch runtime calls this for a failure anywhere in the chunk, its commit included.
 */
@Named("importChunkListener")
@Dependent
public class ImportChunkListener extends AbstractChunkListener {

    /** The job's transient user data once one of its chunks lost the database. */
    private static final String DATABASE_LOST = "database-lost";

    @Inject
    JobContext jobContext;

    @Override
    public void onError(Exception failure) {
        if (DatabaseOutage.causedBy(failure)) {
            jobContext.setTransientUserData(DATABASE_LOST);
        }
    }

    static boolean databaseLost(JobContext job) {
        return DATABASE_LOST.equals(job.getTransientUserData());
    }
}
