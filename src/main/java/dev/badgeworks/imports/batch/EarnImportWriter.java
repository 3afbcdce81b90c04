package dev.badgeworks.imports.batch;

import dev.badgeworks.earn.boundary.EarnService;
import dev.badgeworks.earn.control.EarnCommand;
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
 * Hands a chunk's readable rows to the earn service in one call (the same rules as REST, applied set-wise),
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
        List<EarnCommand> commands = new ArrayList<>(items.size());
        for (Object item : items) {
            ImportRow row = (ImportRow) item;
            rows.add(row);
            if (row.command() != null) {
                commands.add(row.command());
            }
        }
        List<EarnOutcome> outcomes = commands.isEmpty() ? List.of() : earns.earnAll(orgId, commands);
        long earned = 0;
        long duplicate = 0;
        List<ImportReject> rejects = new ArrayList<>();
        int next = 0;
        for (ImportRow row : rows) {
            if (row.command() == null) {
                rejects.add(new ImportReject(importId, row.lineNumber(), row.error().code(), describe(row.error()), row.text()));
                continue;
            }
            EarnOutcome outcome = outcomes.get(next++);
            switch (outcome.kind()) {
                case EARNED -> earned++;
                case DUPLICATE -> duplicate++;
                case CONFLICT, REJECTED -> rejects.add(new ImportReject(importId, row.lineNumber(),
                        outcome.error().code(), describe(outcome.error()), row.text()));
            }
        }
        ImportRow last = rows.get(rows.size() - 1);
        ledger.recordChunk(importId, rows.size(), earned, duplicate, rejects, last.lineNumber() + 1, last.nextOffset());
    }

    private static String describe(dev.badgeworks.api.ApiError error) {
        return error.reference() == null ? error.message() : error.message() + " (" + error.reference() + ")";
    }
}
