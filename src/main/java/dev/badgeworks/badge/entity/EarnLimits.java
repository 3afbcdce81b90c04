package dev.badgeworks.badge.entity;

import dev.badgeworks.api.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** The earn limits of a badge, read from its stored (validated, normalised) constraints. */
public record EarnLimits(List<EarnLimit> all) {

    public static final EarnLimits NONE = new EarnLimits(List.of());

    public static EarnLimits of(String customerConstraints, String badgeConstraints) {
        List<EarnLimit> limits = new ArrayList<>();
        read(customerConstraints, LimitLevel.CUSTOMER, limits);
        read(badgeConstraints, LimitLevel.BADGE, limits);
        return limits.isEmpty() ? NONE : new EarnLimits(List.copyOf(limits));
    }

    public boolean any(LimitLevel level) {
        return all.stream().anyMatch(l -> l.level() == level);
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    private static void read(String json, LimitLevel level, List<EarnLimit> limits) {
        if (json == null) {
            return;
        }
        List<FixedWindowConfig> fixedWindow = new ArrayList<>();
        JsonArray array = Jsons.JSON.createReader(new StringReader(json)).readArray();
        for (JsonValue v : array) {
            JsonObject c = v.asJsonObject();
            String type = c.getString("constraintType");
            if (type.endsWith("_FIXED_VALUE")) {
                limits.add(new EarnLimit.Overall(level, c.getInt("maxEarnLimit")));
            } else if (type.equals("BADGE_ROLLING_WINDOW")) {
                limits.add(new EarnLimit.Rolling(level, WindowUnit.valueOf(c.getString("rollType")),
                        c.getInt("rollValue"), c.getInt("maxEarnLimit")));
            } else if (type.equals("CUSTOMER_BADGE_ROLLING_WINDOW")) {
                rolling(c, WindowUnit.DAYS, "maxEarnForDays", "rollForDays", limits);
                rolling(c, WindowUnit.WEEKS, "maxEarnForWeeks", "rollForWeeks", limits);
                rolling(c, WindowUnit.MONTHS, "maxEarnForMonths", "rollForMonths", limits);
            } else if (type.endsWith("_FIXED_WINDOW")) {
                fixedWindow.add(FixedWindowConfig.of(c));
            }
        }
        if (!fixedWindow.isEmpty()) {
            limits.add(new EarnLimit.FixedWindow(level, List.copyOf(fixedWindow)));
        }
    }

    private static void rolling(JsonObject c, WindowUnit unit, String maxField, String lengthField,
                                List<EarnLimit> limits) {
        if (c.containsKey(maxField)) {
            limits.add(new EarnLimit.Rolling(LimitLevel.CUSTOMER, unit, c.getInt(lengthField), c.getInt(maxField)));
        }
    }
}
