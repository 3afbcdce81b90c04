package dev.badgeworks.imports.batch;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.imports.control.LineParser;
import dev.badgeworks.imports.control.LineSource;
import dev.badgeworks.imports.entity.ImportFormat;
import dev.badgeworks.imports.entity.ImportJob;
import dev.badgeworks.imports.store.ImportLedger;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * Streams the file one line at a time into rows of the file's kind (ImportRow: the earn body REST takes;
 * ActivityRow: the activity body), or why a line is unreadable. The checkpoint is a {@link ReadPosition}: a chunk
 * retried after a rollback re-reads from it, and a new execution (a restart, a takeover) starts from the position
 * committed with the last chunk (ImportLedger).
 */
@Named("importFileReader")
@Dependent
public class ImportFileReader extends AbstractItemReader {

    @Inject
    ImportRun run;

    @Inject
    ImportLedger ledger;

    private LineSource lines;
    private LineParser<?> parser;
    private long nextLine;
    private long nextOffset;

    @Override
    public void open(Serializable checkpoint) throws Exception {
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
        parser = LineParser.of(job.kind(), job.format(), run.importId(), job.contentHash(), header);
        lines = new LineSource(file, nextOffset, nextLine);
    }

    @Override
    public Object readItem() throws Exception {
        LineSource.Line line;
        while ((line = lines.next()) != null) {
            nextLine = line.number() + 1;
            nextOffset = line.nextOffset();
            if (line.tooLong()) {
                return parser.unreadable(line.number(), line.text(), nextOffset, ErrorCode.TOO_LONG.at("line",
                        "A line may have at most " + LineSource.MAX_LINE_BYTES + " bytes."));
            }
            if (!line.text().isBlank()) {
                return parser.parse(line.number(), line.text(), nextOffset);
            }
        }
        return null;
    }

    @Override
    public Serializable checkpointInfo() {
        return new ReadPosition(nextLine, nextOffset);
    }

    @Override
    public void close() throws Exception {
        if (lines != null) {
            lines.close();
        }
    }
}
