package dev.badgeworks.badge.control;

import dev.badgeworks.api.Jsons;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.BadgeStatus;
import dev.badgeworks.badge.entity.EarnLimit;
import dev.badgeworks.badge.entity.FixedWindowConfig;
import dev.badgeworks.badge.entity.LimitLevel;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How an update changes a fixed window (reference §2.5). Before the badge starts, the requested configuration
 * replaces the stored one. Once it has started, the cycle in progress is never cut: a request with the same cycles
 * changes the limit of the ACTIVE configuration in place (and drops an UPCOMING one); a request with other cycles
 * becomes the one UPCOMING configuration, taking over when the current cycle ends. Past configurations are kept,
 * so earns already made stay counted in the cycles they were made in. Plain Java.
 */
public final class FixedWindowChanges {

    private FixedWindowChanges() {
    }

    /**
     * The constraints to store for one level.
     *
     * @param stored    the level's stored constraints (null when none)
     * @param requested the level's constraints as read from the update request (at most one fixed window)
     * @param badge     the badge before the update
     */
    public static String apply(String stored, String requested, BadgeMeta badge, LimitLevel level, long nowMs) {
        List<JsonObject> storedWindows = new ArrayList<>();
        split(stored, new ArrayList<>(), storedWindows);
        List<JsonObject> others = new ArrayList<>();
        List<JsonObject> requestedWindows = new ArrayList<>();
        split(requested, others, requestedWindows);
        if (requestedWindows.isEmpty() || storedWindows.isEmpty() || badge.statusAt(nowMs) == BadgeStatus.UPCOMING) {
            return requested;
        }
        JsonObject wanted = requestedWindows.get(0);
        List<FixedWindowConfig> configs = storedWindows.stream().map(FixedWindowConfig::of).toList();
        EarnLimit.FixedWindow window = new EarnLimit.FixedWindow(level, configs);
        int active = window.configIndexAt(nowMs);
        List<JsonObject> result = new ArrayList<>(storedWindows.subList(0, active + 1));
        FixedWindowConfig current = configs.get(active);
        FixedWindowConfig requestedConfig = FixedWindowConfig.of(wanted);
        if (requestedConfig.sameCycles(current)) {
            result.set(active, Jsons.JSON.createObjectBuilder(storedWindows.get(active))
                    .add("maxEarnLimit", requestedConfig.maxEarnLimit()).build());
        } else {
            long takesOver = new EarnLimit.FixedWindow(level, configs.subList(0, active + 1))
                    .cycleAt(nowMs, badge).endMs() + 1;
            String referenceId = requestedConfig.referenceId().equals(current.referenceId())
                    ? UUID.randomUUID().toString() : requestedConfig.referenceId();
            result.add(Jsons.JSON.createObjectBuilder(wanted).add("referenceId", referenceId)
                    .add("fromMs", takesOver).build());
        }
        others.addAll(result);
        JsonArrayBuilder array = Jsons.JSON.createArrayBuilder();
        others.forEach(array::add);
        return array.build().toString();
    }

    private static void split(String json, List<JsonObject> others, List<JsonObject> fixedWindows) {
        if (json == null) {
            return;
        }
        for (JsonValue v : Jsons.JSON.createReader(new StringReader(json)).readArray()) {
            JsonObject c = v.asJsonObject();
            (c.getString("constraintType").endsWith("_FIXED_WINDOW") ? fixedWindows : others).add(c);
        }
    }
}
