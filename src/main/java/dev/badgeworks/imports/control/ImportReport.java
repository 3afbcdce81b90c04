package dev.badgeworks.imports.control;

import dev.badgeworks.imports.entity.ImportReject;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the summary report (JSON) and the rejects file (CSV: line, code, reference, reason, original line) of an
 * import. The rejects file is opened by operators in spreadsheets, and its text is the sender's: a cell that a
 * spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage return, OWASP's list) gets a
 * leading apostrophe, and so does a cell that already began with one, so that removing one leading apostrophe from
 * every cell that has one gives back the original bytes.
 */
public final class ImportReport {

    private ImportReport() {
    }

    public static void writeSummary(Path file, String json) throws IOException {
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }

    /** Streams rejects page by page ({@code nextPage.apply(lastLine)}), so a file of any size fits in memory. */
    public static long writeRejects(Path file, LongFunction<List<ImportReject>> nextPage) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return writeRejects(out, nextPage);
        }
    }

    /** As {@link #writeRejects(Path, LongFunction)}, to any writer (a download); flushes, does not close it. */
    public static long writeRejects(Writer out, LongFunction<List<ImportReject>> nextPage) throws IOException {
        long written = 0;
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("line", "code", "reference", "reason", "original").get());
        long last = 0;
        List<ImportReject> page;
        while (!(page = nextPage.apply(last)).isEmpty()) {
            for (ImportReject r : page) {
                csv.printRecord(r.lineNumber(), r.code(), inert(r.reference()), inert(r.message()), inert(r.line()));
                last = r.lineNumber();
                written++;
            }
        }
        csv.flush();
        return written;
    }

    /** The text as a cell no spreadsheet runs (see the class comment); null stays null. */
    static String inert(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\'' -> "'" + cell;
            default -> cell;
        };
    }
}
