package dev.badgeworks.imports.batch;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.imports.control.FileRow;
import dev.badgeworks.imports.control.LineParser;
import dev.badgeworks.imports.control.LineSource;
import dev.badgeworks.imports.control.ReadAhead;
import dev.badgeworks.imports.entity.ImportFormat;
import dev.badgeworks.imports.entity.ImportJob;
import dev.badgeworks.imports.store.ImportLedger;
import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Streams the file one line at a time into rows of the file's kind (ImportRow: the earn body REST takes;
 * ActivityRow: the activity body), or why a line is unreadable. Lines are read and parsed a chunk ahead, on a thread
 * of their own ({@link ReadAhead}), while the writer's chunk is in the database. The checkpoint is a
 * {@link ReadPosition} after the last row handed to the chunk, whatever was read ahead of it: a chunk retried after
 * a rollback re-reads from it, and a new execution (a restart, a takeover) starts from the position committed with
 * the last chunk (ImportLedger).
 */
@Named("importFileReader")
@Dependent
public class ImportFileReader extends AbstractItemReader {

    /** Rows read ahead of the chunk: a chunk of the default size, so the next one is ready when this one commits. */
    private static final int AHEAD = 1000;

    @Inject
    ImportRun run;

    @Inject
    ImportLedger ledger;

    @Resource
    ManagedThreadFactory threads;

    private ReadAhead<FileRow> rows;
    private long nextLine;
    private long nextOffset;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        close();
        ImportJob job = ledger.get(run.importId());
        Path file = Path.of(job.filePath());
        if (checkpoint instanceof ReadPosition position) {
            nextLine = position.nextLine();
            nextOffset = position.nextOffset();
        } else {
            nextLine = job.nextLine();
            nextOffset = job.nextOffset();
        }
        String header = null;
        if (job.format() == ImportFormat.CSV) {
            try (LineSource first = new LineSource(file, 0, 1)) {
                header = first.next().text();
            }
        }
        LineParser<?> parser = LineParser.of(job.kind(), job.format(), run.importId(), job.contentHash(), header);
        LineSource lines = new LineSource(file, nextOffset, nextLine);
        rows = new ReadAhead<>(threads, AHEAD, () -> next(lines, parser), () -> release(lines));
    }

    /** The next row of the file, on the read-ahead's thread: blank lines are skipped, over-long ones refused. */
    private static FileRow next(LineSource lines, LineParser<?> parser) throws IOException {
        LineSource.Line line;
        while ((line = lines.next()) != null) {
            if (line.tooLong()) {
                return parser.unreadable(line.number(), line.text(), line.nextOffset(), ErrorCode.TOO_LONG.at("line",
                        "A line may have at most " + LineSource.MAX_LINE_BYTES + " bytes."));
            }
            if (!line.text().isBlank()) {
                return parser.parse(line.number(), line.text(), line.nextOffset());
            }
        }
        return null;
    }

    private static void release(LineSource lines) {
        try {
            lines.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Object readItem() throws Exception {
        FileRow row = rows.next();
        if (row != null) {
            nextLine = row.lineNumber() + 1;
            nextOffset = row.nextOffset();
        }
        return row;
    }

    @Override
    public Serializable checkpointInfo() {
        return new ReadPosition(nextLine, nextOffset);
    }

    @Override
    public void close() throws Exception {
        if (rows != null) {
            rows.close();
            rows = null;
        }
    }
}
