package dev.badgeworks.imports.batch;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.imports.boundary.ImportLeases;
import dev.badgeworks.imports.control.ChunkResult;
import dev.badgeworks.imports.control.FileRow;
import dev.badgeworks.imports.entity.ImportReject;
import dev.badgeworks.imports.store.ImportLedger;
import dev.badgeworks.imports.store.ImportRuntime;
import dev.badgeworks.platform.Metrics;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;

/**
 * What every chunk writer of an import does around the one service of its file's kind: before anything is written,
 * checks that this execution's fencing token still owns the import and that nobody asked it to stop; then has the
 * subclass hand the chunk's rows to its service in one call; then records the outcomes, the rejects and the reader's
 * position — all in the chunk's transaction, and only while the token still owns the import.
 *
 * @param <R> the rows of the file's kind
 */
abstract class ImportChunkWriter<R extends FileRow> extends AbstractItemWriter {

    @Inject
    ImportRun run;

    @Inject
    ImportLedger ledger;

    @Inject
    ImportRuntime runtime;

    @Inject
    Metrics metrics;

    private final Class<R> rowType;
    private long orgId;

    ImportChunkWriter(Class<R> rowType) {
        this.rowType = rowType;
    }

    @Override
    public void open(Serializable checkpoint) {
        orgId = ledger.get(run.importId()).orgId();
    }

    @Override
    public void writeItems(List<Object> items) {
        long token = run.fence();
        runtime.nameChunkSession(run.importId(), token);
        // before the service: a stop request ends the execution here (nothing of this chunk is written: its lines
        // stay after the committed checkpoint, for the restart), and an execution that lost the import writes nothing
        if (!run.mayGoOn()) {
            return;
        }
        List<R> rows = items.stream().map(rowType::cast).toList();
        ChunkResult result = write(orgId, rows);
        R last = rows.get(rows.size() - 1);
        ledger.recordChunk(run.importId(), token, rows.size(), result, last.lineNumber() + 1, last.nextOffset(),
                ImportLeases.lease());
        int read = rows.size();
        metrics.afterCommit(() -> metrics.count("badgeworks.import.rows",
                "Rows of import files read and committed on this instance (its rate is rows per second)", read));
    }

    /** Hands the rows to the service of the file's kind in one call, in the chunk's transaction. */
    abstract ChunkResult write(long orgId, List<R> rows);

    /** The reject of a row the service refused: its line and text, the error's code, field and reason. */
    ImportReject reject(R row, ApiError error) {
        return new ImportReject(run.importId(), row.lineNumber(), error.code(), error.reference(), error.message(),
                row.text());
    }
}
