package dev.badgeworks.imports.control;

/**
 * Which batches of an earn file's rows the database should read ahead. A read-ahead pays when the pages the rows
 * will write are on disk: then it reads them several at once, while the previous chunk is written. When they are in
 * memory already it only spends the database's processor on reads the chunk makes again. So: every batch while
 * read-aheads are slow (at least {@link #SLOW_NANOS_PER_ROW} a row: their pages came from disk), one batch in
 * {@link #SAMPLE} while they are quick, to notice when that changes. Starts by reading ahead.
 *
 * <p>{@link #due()} is asked by the one thread that reads the file, {@link #took} told by the read-aheads' threads.
 */
public final class ReadAheadPace {

    /** Several index entries a row, each found in memory, take a few tens of microseconds together. */
    public static final long SLOW_NANOS_PER_ROW = 100_000;
    public static final int SAMPLE = 8;

    private volatile boolean slow = true;
    private int sinceLast;

    /** Whether the next batch is to be read ahead. */
    public boolean due() {
        if (slow || ++sinceLast >= SAMPLE) {
            sinceLast = 0;
            return true;
        }
        return false;
    }

    /** A read-ahead of {@code rows} rows took {@code nanos}. */
    public void took(int rows, long nanos) {
        slow = nanos >= SLOW_NANOS_PER_ROW * rows;
    }
}
