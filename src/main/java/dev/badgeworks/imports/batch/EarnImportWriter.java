package dev.badgeworks.imports.batch;

import dev.badgeworks.earn.boundary.EarnService;
import dev.badgeworks.earn.control.EarnOutcome;
import dev.badgeworks.imports.boundary.ImportLeases;
import dev.badgeworks.imports.control.ImportLeaseLost;
import dev.badgeworks.imports.control.ImportRow;
import dev.badgeworks.imports.entity.ImportReject;
import dev.badgeworks.imports.entity.Ownership;
import dev.badgeworks.imports.store.ImportLedger;
import dev.badgeworks.imports.store.ImportRuntime;
import dev.badgeworks.platform.Metrics;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands a chunk's rows to the earn service in one call (the same rules as REST, applied set-wise),
 * then records the outcomes, the rejects and the reader's position — all in the chunk's transaction, and only
 * while this execution's fencing token still owns the import.
 */
@Named("earnImportWriter")
@Dependent
public class EarnImportWriter extends AbstractItemWriter {

    @Inject
    ImportRun run;

    @Inject
    JobContext jobContext;

    @Inject
    EarnService earns;

    @Inject
    ImportLedger ledger;

    @Inject
    ImportRuntime runtime;

    @Inject
    Metrics metrics;

    private long orgId;

    @Override
    public void open(Serializable checkpoint) {
        orgId = ledger.get(run.importId()).orgId();
    }

    @Override
    public void writeItems(List<Object> items) {
        long token = run.fence();
        runtime.nameChunkSession(run.importId(), token);
        // before any earn: a stop request ends the execution here, and an execution that lost the import writes nothing
        Ownership ownership = ledger.ownership(run.importId(), token);
        if (ownership == Ownership.STOP_REQUESTED) {
            // nothing of this chunk is written: its lines stay after the committed checkpoint, for the restart
            BatchRuntime.getJobOperator().stop(jobContext.getExecutionId());
            return;
        }
        if (ownership == Ownership.LOST) {
            throw new ImportLeaseLost(run.importId(), token);
        }
        List<ImportRow> rows = new ArrayList<>(items.size());
        items.forEach(item -> rows.add((ImportRow) item));
        List<EarnOutcome> outcomes = earns.earnAll(orgId, rows);
        long earned = 0;
        long duplicate = 0;
        List<ImportReject> rejects = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            EarnOutcome outcome = outcomes.get(i);
            switch (outcome.kind()) {
                case EARNED -> earned++;
                case DUPLICATE -> duplicate++;
                case CONFLICT, REJECTED -> rejects.add(new ImportReject(run.importId(), rows.get(i).lineNumber(),
                        outcome.error().code(), outcome.error().reference(), outcome.error().message(),
                        rows.get(i).text()));
            }
        }
        ImportRow last = rows.get(rows.size() - 1);
        ledger.recordChunk(run.importId(), token, rows.size(), earned, duplicate, rejects, last.lineNumber() + 1,
                last.nextOffset(), ImportLeases.lease());
        int read = rows.size();
        metrics.afterCommit(() -> metrics.count("badgeworks.import.rows",
                "Rows of import files read and committed on this instance (its rate is rows per second)", read));
    }
}
