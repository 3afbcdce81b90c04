package dev.badgeworks.imports.control;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.Excerpt;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.imports.entity.ImportFormat;
import dev.badgeworks.imports.entity.ImportKind;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns a line of an import file into the JSON body the REST endpoint of its kind takes, then has that endpoint's
 * own body reader read it (see the subclasses): a field REST would refuse with code N is refused here with code N,
 * at the same field. A JSON line is the body itself; a CSV row becomes it cell by cell. A row without a requestId
 * gets one derived from the file's content hash and the line number, stable across re-runs.
 *
 * @param <R> the row this parser reads, handed to the service of its kind
 */
public abstract class LineParser<R extends FileRow> {

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setTrim(true).get();

    private final ImportFormat format;
    private final String importId;
    private final String requestIdPrefix;
    private final List<String> columns;

    /** {@code columns}: for CSV, the header's column names in the file's order; empty for JSON Lines. */
    protected LineParser(ImportFormat format, String importId, String contentHash, List<String> columns) {
        this.format = format;
        this.importId = importId;
        this.requestIdPrefix = contentHash.substring(0, 16) + ":";
        this.columns = List.copyOf(columns);
    }

    /** The parser of an inspected file: its kind, its format and, for CSV, its header line. */
    public static LineParser<?> of(ImportKind kind, ImportFormat format, String importId, String contentHash,
                                   String headerLine) {
        if (kind == ImportKind.ACTIVITY) {
            return format == ImportFormat.CSV ? ActivityRowParser.csv(importId, contentHash, headerLine)
                    : ActivityRowParser.jsonLines(importId, contentHash);
        }
        return format == ImportFormat.CSV ? RowParser.csv(importId, contentHash, headerLine)
                : RowParser.jsonLines(importId, contentHash);
    }

    public R parse(long lineNumber, String text, long nextOffset) {
        try {
            JsonObject body = format == ImportFormat.CSV ? body(columns, cells(text, columns.size()))
                    : JsonInput.parseObject(text);
            if (!body.containsKey("requestId") || body.isNull("requestId")
                    || (body.get("requestId") instanceof JsonString s && s.getString().isBlank())) {
                body = Jsons.JSON.createObjectBuilder(body).add("requestId", requestIdPrefix + lineNumber).build();
            }
            JsonInput in = JsonInput.of(body);
            R row = read(in, lineNumber, text, nextOffset);
            if (row != null) {
                return row;
            }
            ApiError error = in.errors().get(0);
            List<String> values = new ArrayList<>();
            strings(body, values);
            // a refused value may be echoed (an unknown enum value is): the file's text only as an excerpt
            return unreadable(lineNumber, text, nextOffset,
                    new ApiError(error.code(), Excerpt.scrub(error.message(), values), error.reference()));
        } catch (ApiException e) {
            return unreadable(lineNumber, text, nextOffset, e.errors().get(0));
        }
    }

    /** The import this parser reads for: the origin of every command it makes. */
    protected String importId() {
        return importId;
    }

    /** A CSV row's body: each non-empty cell under its column's name, where the REST body has that field. */
    protected abstract JsonObject body(List<String> columns, List<String> cells);

    /** The row the REST body reader makes of {@code in}, or null when it found errors (they are in {@code in}). */
    protected abstract R read(JsonInput in, long lineNumber, String text, long nextOffset);

    /** A line that cannot be imported, with the reason. */
    public abstract R unreadable(long lineNumber, String text, long nextOffset, ApiError error);

    private static List<String> cells(String text, int expected) {
        List<String> cells = cells(text);
        if (cells == null) {
            throw new ApiException(ErrorCode.INVALID_REQUEST.at("line", "The line is not valid CSV."));
        }
        if (cells.size() != expected) {
            throw new ApiException(ErrorCode.INVALID_VALUE.at("line",
                    "Expected " + expected + " columns, found " + cells.size() + "."));
        }
        return cells;
    }

    private static void strings(JsonValue value, List<String> into) {
        if (value instanceof JsonString s) {
            into.add(s.getString());
        } else if (value instanceof JsonObject o) {
            o.values().forEach(v -> strings(v, into));
        } else if (value instanceof JsonArray a) {
            a.forEach(v -> strings(v, into));
        }
    }

    /**
     * The cells of one CSV line, or null when it is not exactly one valid record. A line without quotes (or carriage
     * returns) has only commas to split at; such a line is cut here exactly as commons-csv cuts it, which costs a
     * fraction of a parser per line — that parser was an eighth of an import's server time.
     */
    static List<String> cells(String line) {
        if (!line.isEmpty() && line.indexOf('"') < 0 && line.indexOf('\r') < 0) {
            List<String> cells = new ArrayList<>();
            int from = 0;
            for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', from)) {
                cells.add(line.substring(from, comma).trim());
                from = comma + 1;
            }
            cells.add(line.substring(from).trim());
            return cells;
        }
        try (CSVParser parser = CSV.parse(new StringReader(line))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return null;
            }
            return records.get(0).toList();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
