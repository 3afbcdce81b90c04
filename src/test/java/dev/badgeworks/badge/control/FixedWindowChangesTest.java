package dev.badgeworks.badge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.badgeworks.badge.entity.BadgeDefinition;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.EarnType;
import dev.badgeworks.badge.entity.ExpiryRule;
import dev.badgeworks.badge.entity.LimitLevel;
import dev.badgeworks.badge.entity.OwnerType;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** How an update changes a fixed window: replaced before the start, never cutting the cycle in progress after. */
class FixedWindowChangesTest {

    // a Monday; weekly cycles from Monday
    private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
    private static final long WEDNESDAY_OF_WEEK_3 = Instant.parse("2026-11-18T12:00:00Z").toEpochMilli();
    private static final long MONDAY_OF_WEEK_4 = Instant.parse("2026-11-23T00:00:00Z").toEpochMilli();

    private static BadgeMeta badge(String customerConstraints) {
        BadgeMeta b = new BadgeMeta("b", 1, null, new BadgeMeta.Author(1, "u"), 0);
        b.define(new BadgeDefinition("B", null, START, Instant.parse("2027-06-01T00:00:00Z"), EarnType.EARN, true,
                ExpiryRule.never(), null, EnumSet.of(OwnerType.Loyalty), customerConstraints, null, null, null, null,
                null, null, null, null, null), new BadgeMeta.Author(1, "u"), 0);
        return b;
    }

    private static String window(String shape, int max, String referenceId) {
        return "[{\"constraintType\":\"CUSTOMER_BADGE_FIXED_WINDOW\"," + shape + ",\"maxEarnLimit\":" + max
                + ",\"referenceId\":\"" + referenceId + "\"}]";
    }

    private static final String WEEKLY = "\"durationType\":\"WEEKS\",\"refreshRate\":1,\"startDayOfTheWeek\":\"MONDAY\"";
    private static final String TEN_DAYS = "\"durationType\":\"DAYS\",\"refreshRate\":10";

    private static JsonArray array(String json) {
        return Json.createReader(new StringReader(json)).readArray();
    }

    @Test
    void beforeTheStartTheRequestReplacesTheWindow() {
        String stored = window(WEEKLY, 1, "a");
        String requested = window(TEN_DAYS, 2, "b");
        long beforeStart = START.toEpochMilli() - 1;
        assertEquals(requested, FixedWindowChanges.apply(stored, requested, badge(stored), LimitLevel.CUSTOMER,
                beforeStart));
    }

    @Test
    void onALiveBadgeTheSameCyclesWithAnotherLimitChangeTheActiveWindowInPlace() {
        String stored = window(WEEKLY, 1, "a");
        JsonArray result = array(FixedWindowChanges.apply(stored, window(WEEKLY, 5, "a"), badge(stored),
                LimitLevel.CUSTOMER, WEDNESDAY_OF_WEEK_3));
        assertEquals(1, result.size());
        assertEquals(5, result.getJsonObject(0).getInt("maxEarnLimit"));
        assertEquals("a", result.getJsonObject(0).getString("referenceId"));
    }

    @Test
    void onALiveBadgeOtherCyclesTakeOverWhenTheCurrentCycleEnds() {
        String stored = window(WEEKLY, 1, "a");
        JsonArray result = array(FixedWindowChanges.apply(stored, window(TEN_DAYS, 3, "a"), badge(stored),
                LimitLevel.CUSTOMER, WEDNESDAY_OF_WEEK_3));
        assertEquals(2, result.size());
        assertEquals(1, result.getJsonObject(0).getInt("maxEarnLimit"));
        JsonObject upcoming = result.getJsonObject(1);
        assertEquals(MONDAY_OF_WEEK_4, upcoming.getJsonNumber("fromMs").longValue());
        assertEquals("DAYS", upcoming.getString("durationType"));
        assertNotEquals("a", upcoming.getString("referenceId"), "a new configuration gets its own reference");

        // editing again replaces the upcoming configuration; going back to the active cycles drops it
        String twice = FixedWindowChanges.apply(result.toString(), window("\"durationType\":\"MONTHS\",\"refreshRate\":1",
                4, "c"), badge(result.toString()), LimitLevel.CUSTOMER, WEDNESDAY_OF_WEEK_3);
        assertEquals(2, array(twice).size());
        assertEquals("MONTHS", array(twice).getJsonObject(1).getString("durationType"));
        String back = FixedWindowChanges.apply(twice, window(WEEKLY, 2, "a"), badge(twice), LimitLevel.CUSTOMER,
                WEDNESDAY_OF_WEEK_3);
        assertEquals(window(WEEKLY, 2, "a"), back);
    }

    @Test
    void onceTheUpcomingWindowHasTakenOverTheOldOneStaysAsHistory() {
        String stored = array(FixedWindowChanges.apply(window(WEEKLY, 1, "a"), window(TEN_DAYS, 3, "b"),
                badge(window(WEEKLY, 1, "a")), LimitLevel.CUSTOMER, WEDNESDAY_OF_WEEK_3)).toString();
        JsonArray later = array(FixedWindowChanges.apply(stored, window(TEN_DAYS, 7, "b"), badge(stored),
                LimitLevel.CUSTOMER, MONDAY_OF_WEEK_4 + 86_400_000L));
        assertEquals(2, later.size());
        assertEquals(1, later.getJsonObject(0).getInt("maxEarnLimit"), "the past configuration is unchanged");
        assertEquals(7, later.getJsonObject(1).getInt("maxEarnLimit"));
    }

    @Test
    void requestsWithoutAFixedWindowDropIt() {
        String stored = window(WEEKLY, 1, "a");
        assertEquals(null, FixedWindowChanges.apply(stored, null, badge(stored), LimitLevel.CUSTOMER,
                WEDNESDAY_OF_WEEK_3));
    }
}
