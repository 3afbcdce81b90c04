package dev.badgeworks.imports.batch;

import dev.badgeworks.platform.Metrics;
import jakarta.batch.api.chunk.listener.RetryWriteListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.logging.Logger;

/**
 * Counts (as a lost race of the import) and logs in one line each chunk rolled back and run again because another
 * writer took one of its requestIds first (a REST earn or activity, another import, the same file on another
 * instance): the second run finds those earns or activities as duplicates.
 */
@Named("importRetryListener")
@Dependent
public class ImportRetryListener implements RetryWriteListener {

    private static final Logger LOG = Logger.getLogger(ImportRetryListener.class.getName());

    @Inject
    ImportRun run;

    @Inject
    Metrics metrics;

    @Override
    public void onRetryWriteException(List<Object> items, Exception e) {
        metrics.raceLost("import");
        LOG.info(() -> "Import " + run.importId() + ": chunk of " + items.size() + " rows retried after a requestId"
                + " collision with another writer");
    }
}
