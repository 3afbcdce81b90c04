package dev.badgeworks.imports.batch;

import dev.badgeworks.earn.boundary.EarnService;
import dev.badgeworks.earn.control.EarnOutcome;
import dev.badgeworks.imports.boundary.ImportLedger;
import dev.badgeworks.imports.control.ImportRow;
import dev.badgeworks.imports.entity.ImportReject;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands a chunk's rows to the earn service in one call (the same rules as REST, applied set-wise),
 * then records the outcomes, the rejects and the reader's position — all in the chunk's transaction.
 */
@Named("earnImportWriter")
@Dependent
public class EarnImportWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String importId;

    @Inject
    EarnService earns;

    @Inject
    ImportLedger ledger;

    private long orgId;

    @Override
    public void open(Serializable checkpoint) {
        orgId = ledger.get(importId).orgId();
    }

    @Override
    public void writeItems(List<Object> items) {
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
                case CONFLICT, REJECTED -> rejects.add(new ImportReject(importId, rows.get(i).lineNumber(),
                        outcome.error().code(), describe(outcome.error()), rows.get(i).text()));
            }
        }
        ImportRow last = rows.get(rows.size() - 1);
        ledger.recordChunk(importId, rows.size(), earned, duplicate, rejects, last.lineNumber() + 1, last.nextOffset());
    }

    private static String describe(dev.badgeworks.api.ApiError error) {
        return error.reference() == null ? error.message() : error.message() + " (" + error.reference() + ")";
    }
}
