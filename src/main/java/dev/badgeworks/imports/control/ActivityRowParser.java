package dev.badgeworks.imports.control;

import dev.badgeworks.activity.control.ActivityCommand;
import dev.badgeworks.activity.control.ActivityReader;
import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.Excerpt;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.imports.entity.ImportFormat;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a line of an activity file as the activity body {@code POST /activities} takes, with the same
 * {@link ActivityReader} (see {@link LineParser}). A CSV header names the columns {@value #COLUMNS_TEXT} (any case and
 * order; requestId and eventDate may be left out) and one column per attribute, named as the rules name it. Every
 * cell arrives as text, as a rule reads it by the type it asks for (AttributeType); an empty cell is a field or an
 * attribute the activity does not have. An activity without an event date is dated when its row is read.
 */
public final class ActivityRowParser extends LineParser<ActivityRow> {

    /** The columns that are fields of the body; any other column is an attribute. */
    public static final List<String> COLUMNS = List.of("requestId", "customerId", "activity", "eventDate");

    static final String COLUMNS_TEXT = "requestId,customerId,activity,eventDate";

    private ActivityRowParser(ImportFormat format, String importId, String contentHash, List<String> columns) {
        super(format, importId, contentHash, columns);
    }

    public static ActivityRowParser jsonLines(String importId, String contentHash) {
        return new ActivityRowParser(ImportFormat.JSONL, importId, contentHash, List.of());
    }

    /** For CSV: the header line names the fields and the attributes; a bad header is a whole-file error. */
    public static ActivityRowParser csv(String importId, String contentHash, String headerLine) {
        return new ActivityRowParser(ImportFormat.CSV, importId, contentHash, header(headerLine));
    }

    /**
     * The column names of an activity file's header line: the fields' canonical names, the attributes' as written.
     * IllegalArgumentException says what is wrong: a column without a name or twice, customerId or activity missing,
     * or a badgeMetaId column (an earn file's: with it the file could be meant as either).
     */
    public static List<String> header(String headerLine) {
        List<String> cells = cells(headerLine);
        if (cells == null) {
            throw new IllegalArgumentException("the header row is not valid CSV");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell.isEmpty()) {
                throw new IllegalArgumentException("column " + (i + 1) + " of the header row has no name");
            }
            if (cell.equalsIgnoreCase("badgeMetaId")) {
                throw new IllegalArgumentException("the header row names both activity and badgeMetaId: an"
                        + " activity file has no badgeMetaId column, an earn file no activity column");
            }
            String name = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(cell)).findFirst().orElse(cell);
            if (names.contains(name)) {
                throw new IllegalArgumentException("column '" + Excerpt.of(name) + "' appears twice in the header row");
            }
            names.add(name);
        }
        List<String> missing = List.of("customerId", "activity").stream().filter(c -> !names.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the header row lacks " + missing + "; an activity file names "
                    + COLUMNS_TEXT + " (requestId and eventDate may be left out), then one column per attribute");
        }
        return names;
    }

    @Override
    protected JsonObject body(List<String> columns, List<String> cells) {
        JsonObjectBuilder body = Jsons.JSON.createObjectBuilder();
        JsonObjectBuilder attributes = Jsons.JSON.createObjectBuilder();
        boolean anyAttribute = false;
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i);
            if (value.isEmpty()) {
                continue;
            }
            String column = columns.get(i);
            if (COLUMNS.contains(column)) {
                body.add(column, value);
            } else {
                attributes.add(column, value);
                anyAttribute = true;
            }
        }
        if (anyAttribute) {
            body.add("attributes", attributes);
        }
        return body.build();
    }

    @Override
    protected ActivityRow read(JsonInput in, long lineNumber, String text, long nextOffset) {
        ActivityCommand command = ActivityReader.read(in, Instant.now());
        return command == null ? null
                : new ActivityRow(lineNumber, text, nextOffset, command.from(importId(), lineNumber), null);
    }

    @Override
    public ActivityRow unreadable(long lineNumber, String text, long nextOffset, ApiError error) {
        return new ActivityRow(lineNumber, text, nextOffset, null, error);
    }
}
