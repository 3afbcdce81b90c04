package dev.badgeworks.imports.control;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.Excerpt;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.earn.control.EarnCommand;
import dev.badgeworks.earn.control.EarnRequestReader;
import dev.badgeworks.imports.entity.ImportFormat;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
 * Turns a line of an import file into the earn body the REST endpoint takes, then reads it with the same
 * {@link EarnRequestReader}: a field REST would refuse with code N is refused here with code N. A row without a
 * requestId gets one derived from the file's content hash and the line number, stable across re-runs.
 */
public final class RowParser {

    /** The CSV columns; requestId may be empty. Header names match case-insensitively, in any order. */
    public static final List<String> COLUMNS =
            List.of("requestId", "badgeMetaId", "customerId", "earnEventDate", "ownerType", "referenceId");

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setTrim(true).get();

    private final ImportFormat format;
    private final String importId;
    private final String requestIdPrefix;
    private final List<String> columns;

    private RowParser(ImportFormat format, String importId, String contentHash, List<String> columns) {
        this.format = format;
        this.importId = importId;
        this.requestIdPrefix = contentHash.substring(0, 16) + ":";
        this.columns = columns;
    }

    public static RowParser jsonLines(String importId, String contentHash) {
        return new RowParser(ImportFormat.JSONL, importId, contentHash, List.of());
    }

    /** For CSV: the header line decides the column order; an unknown or missing column is a whole-file error. */
    public static RowParser csv(String importId, String contentHash, String headerLine) {
        return new RowParser(ImportFormat.CSV, importId, contentHash, header(headerLine));
    }

    /** The canonical column names of a header line, or IllegalArgumentException saying what is wrong. */
    public static List<String> header(String headerLine) {
        List<String> cells = cells(headerLine);
        if (cells == null) {
            throw new IllegalArgumentException("the header row is not valid CSV");
        }
        List<String> names = new ArrayList<>();
        for (String cell : cells) {
            String name = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(cell.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown column '" + Excerpt.of(cell)
                            + "' in the header row; expected " + String.join(",", COLUMNS)));
            if (names.contains(name)) {
                throw new IllegalArgumentException("column '" + name + "' appears twice in the header row");
            }
            names.add(name);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !c.equals("requestId") && !names.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the header row lacks " + missing + "; expected "
                    + String.join(",", COLUMNS));
        }
        return names;
    }

    public ImportRow parse(long lineNumber, String text, long nextOffset) {
        try {
            JsonObject body = format == ImportFormat.CSV ? csvBody(text) : JsonInput.parseObject(text);
            if (!body.containsKey("requestId") || body.isNull("requestId")
                    || (body.get("requestId") instanceof JsonString s && s.getString().isBlank())) {
                body = Jsons.JSON.createObjectBuilder(body).add("requestId", requestIdPrefix + lineNumber).build();
            }
            JsonInput in = JsonInput.of(body);
            EarnCommand command = EarnRequestReader.read(in);
            if (in.valid()) {
                return new ImportRow(lineNumber, text, nextOffset, command.from(importId, lineNumber), null);
            }
            ApiError error = in.errors().get(0);
            List<String> values = new ArrayList<>();
            strings(body, values);
            // a refused value may be echoed (an unknown enum value is): the file's text only as an excerpt
            return new ImportRow(lineNumber, text, nextOffset, null,
                    new ApiError(error.code(), Excerpt.scrub(error.message(), values), error.reference()));
        } catch (ApiException e) {
            return new ImportRow(lineNumber, text, nextOffset, null, e.errors().get(0));
        }
    }

    private JsonObject csvBody(String text) {
        List<String> cells = cells(text);
        if (cells == null) {
            throw new ApiException(ErrorCode.INVALID_REQUEST.at("line", "The line is not valid CSV."));
        }
        if (cells.size() != columns.size()) {
            throw new ApiException(ErrorCode.INVALID_VALUE.at("line",
                    "Expected " + columns.size() + " columns, found " + cells.size() + "."));
        }
        JsonObjectBuilder body = Jsons.JSON.createObjectBuilder();
        JsonObjectBuilder trigger = Jsons.JSON.createObjectBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i);
            if (value.isEmpty()) {
                continue;
            }
            String column = columns.get(i);
            if (column.equals("ownerType") || column.equals("referenceId")) {
                trigger.add(column, value);
            } else {
                body.add(column, value);
            }
        }
        JsonObject triggeredBy = trigger.build();
        if (!triggeredBy.isEmpty()) {
            body.add("triggeredBy", triggeredBy);
        }
        return body.build();
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

    /** The cells of one CSV line, or null when it is not exactly one valid record. */
    private static List<String> cells(String line) {
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
