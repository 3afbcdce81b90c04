package dev.badgeworks.imports.control;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.Excerpt;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.earn.control.EarnCommand;
import dev.badgeworks.earn.control.EarnRequestReader;
import dev.badgeworks.imports.entity.ImportFormat;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a line of an earn file as the earn body {@code POST /customer/earn} takes, with the same
 * {@link EarnRequestReader} (see {@link LineParser}).
 */
public final class RowParser extends LineParser<ImportRow> {

    /** The CSV columns; requestId may be empty. Header names match case-insensitively, in any order. */
    public static final List<String> COLUMNS =
            List.of("requestId", "badgeMetaId", "customerId", "earnEventDate", "ownerType", "referenceId");

    private RowParser(ImportFormat format, String importId, String contentHash, List<String> columns) {
        super(format, importId, contentHash, columns);
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

    @Override
    protected JsonObject body(List<String> columns, List<String> cells) {
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

    @Override
    protected ImportRow read(JsonInput in, long lineNumber, String text, long nextOffset) {
        EarnCommand command = EarnRequestReader.read(in);
        return in.valid() ? new ImportRow(lineNumber, text, nextOffset, command.from(importId(), lineNumber), null)
                : null;
    }

    @Override
    public ImportRow unreadable(long lineNumber, String text, long nextOffset, ApiError error) {
        return new ImportRow(lineNumber, text, nextOffset, null, error);
    }
}
