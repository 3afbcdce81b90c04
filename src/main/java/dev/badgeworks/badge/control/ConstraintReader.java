package dev.badgeworks.badge.control;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.api.Numbers;
import dev.badgeworks.badge.entity.LimitLevel;
import dev.badgeworks.badge.entity.WindowUnit;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Validates and normalises earn limits ({@code customerConstraints} / {@code badgeConstraints}) into the stored
 * shape. A constraint is filed at the level its type names, whichever array it came in: Capillary's own examples
 * send {@code CUSTOMER_BADGE_FIXED_WINDOW} inside badgeConstraints and {@code BADGE_NO_LIMIT} inside
 * customerConstraints. A fixed window's history (EXPIRED configurations) belongs to the server and is ignored.
 */
public final class ConstraintReader {

    public enum ConstraintType {
        CUSTOMER_BADGE_FIXED_VALUE, CUSTOMER_BADGE_ROLLING_WINDOW, CUSTOMER_BADGE_FIXED_WINDOW, CUSTOMER_BADGE_NO_LIMIT,
        BADGE_FIXED_VALUE, BADGE_ROLLING_WINDOW, BADGE_FIXED_WINDOW, BADGE_NO_LIMIT
    }

    /** For the rule that a live badge may not switch between fixed windows and other limits (826). */
    public enum Kind { NONE, FIXED_WINDOW, OTHER_LIMIT }

    /** The normalised JSON array text per level; null for a level with no constraint. */
    public record Constraints(String customer, String badge) {
    }

    private static final int MAX_LIMIT = 1_000_000;
    private static final DayOfWeek[] NUMBERED_DAYS = DayOfWeek.values();

    private ConstraintReader() {
    }

    /** One fixed-window entry of a request, with the cycleStatus it was sent with (if it is an answer sent back). */
    private record FixedWindowEntry(JsonObject normalised, String cycleStatus, String path) {
    }

    public static Constraints read(JsonInput in) {
        Map<LimitLevel, List<JsonObject>> limits = new EnumMap<>(LimitLevel.class);
        Map<LimitLevel, List<FixedWindowEntry>> fixedWindows = new EnumMap<>(LimitLevel.class);
        for (LimitLevel level : LimitLevel.values()) {
            limits.put(level, new ArrayList<>());
            fixedWindows.put(level, new ArrayList<>());
        }
        for (String field : List.of("customerConstraints", "badgeConstraints")) {
            in.objects(field, null, c -> {
                ConstraintType type = c.enumValue("constraintType", ConstraintType.class, ErrorCode.FIELD_REQUIRED);
                if (type != null) {
                    JsonObject normalised = constraint(c, type).build();
                    LimitLevel level = LimitLevel.ofType(type.name());
                    if (type.name().endsWith("_FIXED_WINDOW")) {
                        fixedWindows.get(level).add(new FixedWindowEntry(normalised,
                                c.raw().getString("cycleStatus", ""), c.path("constraintType")));
                    } else {
                        limits.get(level).add(normalised);
                    }
                }
                return null;
            });
        }
        for (LimitLevel level : LimitLevel.values()) {
            JsonObject fixedWindow = desiredFixedWindow(in, fixedWindows.get(level));
            if (fixedWindow != null) {
                limits.get(level).add(fixedWindow);
            }
        }
        return new Constraints(toJson(limits.get(LimitLevel.CUSTOMER)), toJson(limits.get(LimitLevel.BADGE)));
    }

    /**
     * The one fixed window a level asks for. EXPIRED entries are history and ignored; an ACTIVE and an UPCOMING
     * entry (a badge's answer sent back) ask for the UPCOMING one; any other pair is refused.
     */
    private static JsonObject desiredFixedWindow(JsonInput in, List<FixedWindowEntry> entries) {
        List<FixedWindowEntry> current = entries.stream().filter(e -> !e.cycleStatus().equals("EXPIRED")).toList();
        if (current.size() <= 1) {
            return current.isEmpty() ? null : current.get(0).normalised();
        }
        List<FixedWindowEntry> upcoming = current.stream().filter(e -> e.cycleStatus().equals("UPCOMING")).toList();
        if (current.size() == 2 && upcoming.size() == 1) {
            return upcoming.get(0).normalised();
        }
        in.fail(ErrorCode.INVALID_VALUE, current.get(1).path(),
                "Send one fixed window per level (an ACTIVE and an UPCOMING configuration, as answered, are fine).");
        return null;
    }

    private static JsonObjectBuilder constraint(JsonInput c, ConstraintType type) {
        JsonObjectBuilder out = Jsons.JSON.createObjectBuilder().add("constraintType", type.name());
        switch (type) {
            case CUSTOMER_BADGE_FIXED_VALUE, BADGE_FIXED_VALUE -> limit(c, out);
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
            case BADGE_ROLLING_WINDOW -> {
                WindowUnit unit = c.enumValue("rollType", WindowUnit.class, ErrorCode.FIELD_REQUIRED);
                Integer value = c.integer("rollValue", 1, 36_500, ErrorCode.FIELD_REQUIRED);
                if (unit != null && value != null) {
                    out.add("rollType", unit.name()).add("rollValue", value);
                }
                limit(c, out);
            }
            case CUSTOMER_BADGE_FIXED_WINDOW, BADGE_FIXED_WINDOW -> fixedWindow(c, out);
            case CUSTOMER_BADGE_NO_LIMIT, BADGE_NO_LIMIT -> { }
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
        WindowUnit unit = durationText == null ? null : c.enumText("durationType", WindowUnit.class, durationText);
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

    /**
     * MONDAY … SUNDAY, or a number as Capillary reads it: 0 = MONDAY … 6 = SUNDAY (its own example answers 1 with
     * TUESDAY); Monday when absent. The answer always names the day, so a client sees what was understood.
     */
    private static DayOfWeek dayOfWeek(JsonInput c) {
        if (!c.has("startDayOfTheWeek")) {
            return DayOfWeek.MONDAY;
        }
        JsonValue v = c.raw().get("startDayOfTheWeek");
        if (v instanceof JsonNumber n && Numbers.reasonable(n.bigDecimalValue()) && n.isIntegral()
                && n.intValue() >= 0 && n.intValue() <= 6) {
            return NUMBERED_DAYS[n.intValue()];
        }
        if (v instanceof JsonString s) {
            return c.enumText("startDayOfTheWeek", DayOfWeek.class, s.getString());
        }
        c.fail(ErrorCode.INVALID_VALUE, "startDayOfTheWeek",
                "Use MONDAY … SUNDAY or a number, 0 (MONDAY) … 6 (SUNDAY), as Capillary numbers them.");
        return null;
    }

    private static String toJson(List<JsonObject> constraints) {
        if (constraints.isEmpty()) {
            return null;
        }
        JsonArrayBuilder array = Jsons.JSON.createArrayBuilder();
        constraints.forEach(array::add);
        return array.build().toString();
    }

    /** The kind of limit a stored constraints array expresses. */
    public static Kind kindOf(String constraintsJson) {
        if (constraintsJson == null) {
            return Kind.NONE;
        }
        Kind kind = Kind.NONE;
        for (JsonValue v : Jsons.JSON.createReader(new StringReader(constraintsJson)).readArray()) {
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
