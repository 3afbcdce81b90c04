package dev.badgeworks.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** A CSV line is cut into the cells commons-csv makes of it, whichever way the reader takes. */
class LineParserCellsTest {

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setTrim(true).get();

    @Test
    void plainLinesAreCutAsTheLibraryCutsThem() throws IOException {
        for (String line : List.of("a,b,c", " a , b ,c ", "a,,c", "a,b,", ",", ",,,", "x", "\tx\t, y",
                "Kunde 42,Käse ☕,2024-01-01T00:00:00Z", "a;b,c d", "'quoted',x")) {
            assertEquals(library(line), LineParser.cells(line), line);
        }
    }

    @Test
    void randomLinesOfCellCharactersAgreeWithTheLibrary() throws IOException {
        String alphabet = "ab ,\t,xyz09-:.;'é€\u00a0 ";
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder line = new StringBuilder();
            int length = 1 + random.nextInt(30);
            for (int i = 0; i < length; i++) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = line.toString();
            if (!text.isBlank()) {
                assertEquals(library(text), LineParser.cells(text), "[" + text + "]");
            }
        }
    }

    @Test
    void quotedCellsStillGoThroughTheLibrary() throws IOException {
        assertEquals(List.of("a,b", "say \"hi\"", "c"), LineParser.cells("\"a,b\",\"say \"\"hi\"\"\",c"));
        assertEquals(library(" \"a\" ,b"), LineParser.cells(" \"a\" ,b"));
        assertNull(LineParser.cells("\"open,b"), "an unclosed quote is not a record");
        assertNull(LineParser.cells("a,b\rc,d"), "a carriage return inside the line ends a record: two records");
    }

    private static List<String> library(String line) throws IOException {
        try (CSVParser parser = CSV.parse(new StringReader(line))) {
            List<CSVRecord> records = parser.getRecords();
            return records.size() == 1 ? records.get(0).toList() : null;
        }
    }
}
