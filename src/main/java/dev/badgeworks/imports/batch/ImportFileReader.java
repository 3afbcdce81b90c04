package dev.badgeworks.imports.batch;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.earn.boundary.EarnService;
import dev.badgeworks.imports.control.FileRow;
import dev.badgeworks.imports.control.ImportRow;
import dev.badgeworks.imports.control.LineParser;
import dev.badgeworks.imports.control.LineSource;
import dev.badgeworks.imports.control.ReadAhead;
import dev.badgeworks.imports.control.ReadAheadPace;
import dev.badgeworks.imports.entity.ImportFormat;
import dev.badgeworks.imports.entity.ImportJob;
import dev.badgeworks.imports.entity.ImportKind;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Streams the file one line at a time into rows of the file's kind (ImportRow: the earn body REST takes;
 * ActivityRow: the activity body), or why a line is unreadable. Lines are read and parsed a chunk ahead, on a thread
 * of their own ({@link ReadAhead}), while the writer's chunk is in the database. The checkpoint is a
 * {@link ReadPosition} after the last row handed to the chunk, whatever was read ahead of it: a chunk retried after
 * a rollback re-reads from it, and a new execution (a restart, a takeover) starts from the position committed with
 * the last chunk (ImportLedger).
 *
 * <p>The rows of an earn file read ahead are handed, a few hundred at a time, to the earn service's read-ahead on
 * threads of their own ({@link EarnService#readAhead}): the database reads the pages the next chunk will write while
 * this one is written, several at once, as often as {@link ReadAheadPace} says. Best effort: a batch the chunk reached
 * first is not read, and a failed read-ahead only leaves the chunk its own reads.
 */
@Named("importFileReader")
@Dependent
public class ImportFileReader extends AbstractItemReader {

    /** Rows of one read-ahead in the database, and how many run at once. */
    private static final int PAGES_BATCH = 250;
    private static final int PAGES_READERS = 4;
    private static final Logger LOG = Logger.getLogger(ImportFileReader.class.getName());

    @Inject
    ImportRun run;

    @Inject
    ImportLedger ledger;

    @Inject
    EarnService earns;

    @Resource
    ManagedThreadFactory threads;

    private ReadAhead<FileRow> rows;
    private ExecutorService pages;
    private ReadAheadPace pace;
    private List<ImportRow> unread;
    /** Read by the page readers too: a batch the chunk has reached is not read ahead. */
    private volatile long nextLine;
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
        unread = new ArrayList<>();
        // a chunk's rows ahead of the chunk: the next one is ready when this one commits
        int ahead = run.chunkSize();
        if (job.kind() == ImportKind.EARN) {
            // its queue holds at most the batches of the rows read ahead and of the chunk being taken
            pages = Executors.newFixedThreadPool(PAGES_READERS, threads);
            pace = new ReadAheadPace();
            long orgId = job.orgId();
            rows = new ReadAhead<>(threads, ahead, () -> collect(orgId, next(lines, parser)), () -> release(lines));
        } else {
            rows = new ReadAhead<>(threads, ahead, () -> next(lines, parser), () -> release(lines));
        }
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

    /**
     * On the read-ahead's thread: collects the row, and hands a full batch (or the last) to the page readers when the
     * pace says so. A batch whose first row the chunk has taken before a reader got to it is dropped: the chunk is
     * reading those pages itself by then.
     */
    private FileRow collect(long orgId, FileRow row) {
        if (row instanceof ImportRow earn && earn.command() != null) {
            unread.add(earn);
        }
        if (unread.size() >= PAGES_BATCH || row == null && !unread.isEmpty()) {
            List<ImportRow> batch = unread;
            unread = new ArrayList<>();
            if (pace.due()) {
                pages.execute(() -> readAhead(orgId, batch));
            }
        }
        return row;
    }

    /** On a page reader's thread. */
    private void readAhead(long orgId, List<ImportRow> batch) {
        if (nextLine > batch.get(0).lineNumber()) {
            return;
        }
        try {
            long start = System.nanoTime();
            earns.readAhead(orgId, batch);
            pace.took(batch.size(), System.nanoTime() - start);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a read-ahead of " + batch.size() + " rows failed; their chunk reads them", e);
        }
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
        if (pages != null) {
            pages.shutdownNow();
            pages = null;
        }
    }
}
