package dev.badgeworks.imports.batch;

import dev.badgeworks.earn.boundary.EarnService;
import dev.badgeworks.earn.control.EarnOutcome;
import dev.badgeworks.imports.control.ChunkResult;
import dev.badgeworks.imports.control.ImportRow;
import dev.badgeworks.imports.entity.ImportReject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/** Hands a chunk of an earn file to the earn service in one call: the same rules as REST, applied set-wise. */
@Named("earnImportWriter")
@Dependent
public class EarnImportWriter extends ImportChunkWriter<ImportRow> {

    @Inject
    EarnService earns;

    public EarnImportWriter() {
        super(ImportRow.class);
    }

    @Override
    ChunkResult write(long orgId, List<ImportRow> rows) {
        List<EarnOutcome> outcomes = earns.earnAll(orgId, rows);
        long earned = 0;
        long duplicate = 0;
        List<ImportReject> rejects = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            EarnOutcome outcome = outcomes.get(i);
            switch (outcome.kind()) {
                case EARNED -> earned++;
                case DUPLICATE -> duplicate++;
                case CONFLICT, REJECTED -> rejects.add(reject(rows.get(i), outcome.error()));
            }
        }
        return new ChunkResult(earned, 0, duplicate, rejects);
    }
}
