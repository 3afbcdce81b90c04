package dev.badgeworks.badge.control;

import dev.badgeworks.api.Jsons;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Validates and normalises earn limits (customerConstraints / badgeConstraints) into the shape the API
 * echoes. Enforcement on earn comes with its own issue; here they are accepted, checked and stored.
 */
public final class ConstraintReader {

    public enum Level { CUSTOMER, BADGE }

    public enum CustomerConstraintType {
        CUSTOMER_BADGE_FIXED_VALUE, CUSTOMER_BADGE_ROLLING_WINDOW, CUSTOMER_BADGE_FIXED_WINDOW, CUSTOMER_BADGE_NO_LIMIT
    }

    public enum BadgeConstraintType { BADGE_FIXED_VALUE, BADGE_ROLLING_WINDOW, BADGE_FIXED_WINDOW, BADGE_NO_LIMIT }

    public enum WindowUnit { DAYS, WEEKS, MONTHS }

    /** For the rule that a live badge may not switch between fixed windows and other limits (826). */
    public enum Kind { NONE, FIXED_WINDOW, OTHER_LIMIT }

    private static final int MAX_LIMIT = 1_000_000;
    private static final Map<String, WindowUnit> DURATION_ALIASES =
            Map.of("DAILY", WindowUnit.DAYS, "WEEKLY", WindowUnit.WEEKS, "MONTHLY", WindowUnit.MONTHS);

    private ConstraintReader() {
    }

    /** The normalised JSON array text, or null when the field is absent. */
    public static String read(JsonInput in, String field, Level level) {
        if (!in.has(field)) {
            return null;
        }
        List<JsonObjectBuilder> items = in.objects(field, null, c -> level == Level.CUSTOMER ? customer(c) : badge(c));
        JsonArrayBuilder array = Jsons.JSON.createArrayBuilder();
        items.forEach(array::add);
        return array.build().toString();
    }

    private static JsonObjectBuilder customer(JsonInput c) {
        JsonObjectBuilder out = Jsons.JSON.createObjectBuilder();
        CustomerConstraintType type = c.enumValue("constraintType", CustomerConstraintType.class, ErrorCode.FIELD_REQUIRED);
        if (type == null) {
            return out;
        }
        out.add("constraintType", type.name());
        switch (type) {
            case CUSTOMER_BADGE_FIXED_VALUE -> limit(c, out);
            case CUSTOMER_BADGE_ROLLING_WINDOW -> {
                int pairs = pair(c, out, "maxEarnForDays", "rollForDays")
                        + pair(c, out, "maxEarnForWeeks", "rollForWeeks")
                        + pair(c, out, "maxEarnForMonths", "rollForMonths");
                if (pairs == 0) {
                    c.fail(ErrorCode.FIELD_REQUIRED, "maxEarnForDays",
                            "A rolling window needs maxEarnForDays/rollForDays, maxEarnForWeeks/rollForWeeks or "
                                    + "maxEarnForMonths/rollForMonths.");
                }
            }
            case CUSTOMER_BADGE_FIXED_WINDOW -> fixedWindow(c, out);
            case CUSTOMER_BADGE_NO_LIMIT -> { }
        }
        return out;
    }

    private static JsonObjectBuilder badge(JsonInput c) {
        JsonObjectBuilder out = Jsons.JSON.createObjectBuilder();
        BadgeConstraintType type = c.enumValue("constraintType", BadgeConstraintType.class, ErrorCode.FIELD_REQUIRED);
        if (type == null) {
            return out;
        }
        out.add("constraintType", type.name());
        switch (type) {
            case BADGE_FIXED_VALUE -> limit(c, out);
            case BADGE_ROLLING_WINDOW -> {
                WindowUnit unit = c.enumValue("rollType", WindowUnit.class, ErrorCode.FIELD_REQUIRED);
                Integer value = c.integer("rollValue", 1, 36_500, ErrorCode.FIELD_REQUIRED);
                if (unit != null && value != null) {
                    out.add("rollType", unit.name()).add("rollValue", value);
                }
                limit(c, out);
            }
            case BADGE_FIXED_WINDOW -> fixedWindow(c, out);
            case BADGE_NO_LIMIT -> { }
        }
        return out;
    }

    private static void limit(JsonInput c, JsonObjectBuilder out) {
        Integer max = c.integer("maxEarnLimit", 1, MAX_LIMIT, ErrorCode.FIELD_REQUIRED);
        if (max != null) {
            out.add("maxEarnLimit", max);
        }
    }

    private static int pair(JsonInput c, JsonObjectBuilder out, String maxField, String rollField) {
        if (!c.has(maxField) && !c.has(rollField)) {
            return 0;
        }
        Integer max = c.integer(maxField, 1, MAX_LIMIT, ErrorCode.FIELD_REQUIRED);
        Integer roll = c.integer(rollField, 1, 36_500, ErrorCode.FIELD_REQUIRED);
        if (max != null && roll != null) {
            out.add(maxField, max).add(rollField, roll);
        }
        return 1;
    }

    private static void fixedWindow(JsonInput c, JsonObjectBuilder out) {
        String durationText = c.text("durationType", 20, ErrorCode.FIELD_REQUIRED);
        WindowUnit unit = durationText == null ? null
                : DURATION_ALIASES.containsKey(durationText) ? DURATION_ALIASES.get(durationText)
                : c.enumText("durationType", WindowUnit.class, durationText);
        if (unit != null) {
            out.add("durationType", unit.name());
            Integer refresh = c.integer("refreshRate", 1, 36_500, unit == WindowUnit.DAYS ? ErrorCode.FIELD_REQUIRED : null);
            out.add("refreshRate", refresh == null ? 1 : refresh);
            if (unit == WindowUnit.WEEKS) {
                DayOfWeek day = dayOfWeek(c);
                if (day != null) {
                    out.add("startDayOfTheWeek", day.name());
                }
            }
        }
        limit(c, out);
        String reference = c.text("referenceId", 64, null);
        out.add("referenceId", reference != null ? reference : UUID.randomUUID().toString());
    }

    /** MONDAY … SUNDAY, or 1 (Monday) … 7 (Sunday) as some clients send; Monday when absent. */
    private static DayOfWeek dayOfWeek(JsonInput c) {
        if (!c.has("startDayOfTheWeek")) {
            return DayOfWeek.MONDAY;
        }
        JsonValue v = c.raw().get("startDayOfTheWeek");
        if (v instanceof JsonNumber n && n.isIntegral() && n.intValue() >= 1 && n.intValue() <= 7) {
            return DayOfWeek.of(n.intValue());
        }
        if (v instanceof JsonString s) {
            return c.enumText("startDayOfTheWeek", DayOfWeek.class, s.getString());
        }
        c.fail(ErrorCode.INVALID_VALUE, "startDayOfTheWeek", "Use MONDAY … SUNDAY or 1 (Monday) … 7 (Sunday).");
        return null;
    }

    /** The kind of limit a stored constraints array expresses. */
    public static Kind kindOf(String constraintsJson) {
        if (constraintsJson == null) {
            return Kind.NONE;
        }
        Kind kind = Kind.NONE;
        for (JsonValue v : Jsons.JSON.createReader(new java.io.StringReader(constraintsJson)).readArray()) {
            String type = v.asJsonObject().getString("constraintType", "");
            if (type.endsWith("FIXED_WINDOW")) {
                return Kind.FIXED_WINDOW;
            }
            if (!type.endsWith("NO_LIMIT")) {
                kind = Kind.OTHER_LIMIT;
            }
        }
        return kind;
    }
}
