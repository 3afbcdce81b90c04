package dev.badgeworks.activity.control;

import static dev.badgeworks.activity.control.ActivityFixture.UTC;
import static dev.badgeworks.activity.control.ActivityFixture.activity;
import static dev.badgeworks.activity.control.ActivityFixture.at;
import static dev.badgeworks.activity.control.ActivityFixture.months;
import static dev.badgeworks.activity.control.ActivityFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.api.JsonInput;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule changed over time: its versions, when a change applies, and the earns of all versions together. */
class RuleHistoryTest {

    private static final Instant T = at("2026-03-15T12:00:00Z");

    private static List<String> earns(List<RuleVersion> versions, List<Activity> activities) {
        List<String> out = new ArrayList<>();
        RuleHistory.completions(versions, activities, at("2026-12-01T00:00:00Z")).forEach(v ->
                out.add(v.completion().activity().requestId() + " -> " + v.completion().earnRequestId()));
        return out;
    }

    private static List<Activity> daily(int from, int to) {
        List<Activity> out = new ArrayList<>();
        for (int d = from; d <= to; d++) {
            out.add(activity("d" + d, String.format("2026-03-%02dT10:00:00Z", d)));
        }
        return out;
    }

    @Test
    void aNewVersionCountsWhatCameBeforeButEarnsOnlyFromWhenItApplies() {
        ActivityRule everyFive = rule(Measure.count(), "5", RuleWindow.LIFETIME, 0, true);
        ActivityRule everyThree = rule(Measure.count(), "3", RuleWindow.LIFETIME, 0, true);
        List<RuleVersion> versions = List.of(new RuleVersion(everyFive, null, T, null),
                new RuleVersion(everyThree, T, null, T));
        // until T (the 15th, noon) "every 5" earned 3 times (d5, d10, d15); "every 3" counts from the first activity:
        // its 4th and 5th completions (d12, d15) were reached before it applied and are earned as of T, then d18, d21
        assertEquals(List.of("d5 -> activity:b1:N:1:c1", "d10 -> activity:b1:N:2:c1", "d15 -> activity:b1:N:3:c1",
                "d12 -> activity:b1:N:4:c1", "d15 -> activity:b1:N:5:c1", "d18 -> activity:b1:N:6:c1",
                "d21 -> activity:b1:N:7:c1"), earns(versions, daily(1, 22)));
        List<RuleHistory.Versioned> all = RuleHistory.completions(versions, daily(1, 22), at("2026-12-01T00:00:00Z"));
        assertEquals(at("2026-03-10T10:00:00Z"), all.get(1).earnDate());
        assertEquals(at("2026-03-15T10:00:00Z"), all.get(2).earnDate());
        assertEquals(T, all.get(3).earnDate(), "reached before the change: earned as of it");
        assertEquals(at("2026-03-18T10:00:00Z"), all.get(5).earnDate());
        assertEquals(T, all.get(3).versionChangedOn());
    }

    @Test
    void aLoweredTargetTheCustomerHadPassedEarnsAsOfTheChange() {
        ActivityRule fivePurchases = rule(Measure.count(), "5", RuleWindow.LIFETIME, 0, false);
        ActivityRule threePurchases = rule(Measure.count(), "3", RuleWindow.LIFETIME, 0, false);
        List<RuleVersion> versions = List.of(new RuleVersion(fivePurchases, null, T, null),
                new RuleVersion(threePurchases, T, null, T));
        List<RuleHistory.Versioned> earns = RuleHistory.completions(versions, daily(1, 4), at("2026-12-01T00:00:00Z"));
        assertEquals(1, earns.size());
        assertEquals(T, earns.get(0).earnDate());
        assertEquals("activity:b1:N:1:c1", earns.get(0).completion().earnRequestId());
        // raised instead: the earn made under the old target is the only one
        List<RuleVersion> raised = List.of(new RuleVersion(threePurchases, null, T, null),
                new RuleVersion(fivePurchases, T, null, T));
        assertEquals(List.of("d3 -> activity:b1:N:1:c1"), earns(raised, daily(1, 22)));
    }

    @Test
    void aRuleThatNoLongerRepeatsEarnsNothingMore() {
        ActivityRule everyFive = rule(Measure.count(), "5", RuleWindow.LIFETIME, 0, true);
        ActivityRule once = rule(Measure.count(), "3", RuleWindow.LIFETIME, 0, false);
        assertEquals(List.of("d5 -> activity:b1:N:1:c1"), earns(List.of(new RuleVersion(everyFive, null, T, null),
                new RuleVersion(once, T, null, T)), daily(1, 22)));
    }

    @Test
    void aCycleIsEarnedOnceWhicheverVersionMetIt() {
        ActivityRule tenAMonth = rule(Measure.count(), "10", months(1, UTC), 0, true);
        ActivityRule fiveAMonth = rule(Measure.count(), "5", months(1, UTC), 0, true);
        Instant april = at("2026-04-01T00:00:00Z");
        List<Activity> activities = new ArrayList<>(daily(1, 12));
        for (int d = 1; d <= 6; d++) {
            activities.add(activity("a" + d, String.format("2026-04-%02dT10:00:00Z", d)));
        }
        assertEquals(List.of("d10 -> activity:b1:1M2026-03-01:1:c1", "a5 -> activity:b1:1M2026-04-01:1:c1"),
                earns(List.of(new RuleVersion(tenAMonth, null, april, null), new RuleVersion(fiveAMonth, april, null,
                        T)), activities));
    }

    @Test
    void byDefaultAChangeAppliesFromTheNextCycle() {
        assertEquals(at("2026-04-01T00:00:00Z"), RuleHistory.nextCycleStart(rule(Measure.count(), "5",
                months(1, UTC), 0, true), T));
        assertEquals(T, RuleHistory.nextCycleStart(rule(Measure.count(), "5", RuleWindow.LIFETIME, 0, true), T));
    }

    private static String stored(String rule) {
        return "{\"activity\":\"A\",\"conditions\":[],\"measure\":{\"type\":\"COUNT\"},\"target\":" + rule
                + ",\"window\":{\"type\":\"FIXED\",\"length\":1,\"unit\":\"MONTHS\",\"timeZone\":\"UTC\"},\"streak\":0,"
                + "\"repeat\":true,\"triggeredBy\":{\"ownerType\":\"Milestones\",\"referenceId\":\"r\"}}";
    }

    @Test
    void theStoredRuleKeepsItsVersions() {
        String created = RuleJson.replacing(null, stored("5"), T.minusSeconds(86_400 * 40));
        assertEquals(1, RuleJson.versions(created, "b1").size());
        assertNull(JsonInput.parseObject(created).get("appliesFrom").getValueType() == jakarta.json.JsonValue.ValueType.NULL
                ? null : "set", "a new rule applies to every activity");

        String sameAgain = RuleJson.replacing(created, stored("5").replace("\"r\"", "\"r2\""), T);
        assertEquals(JsonInput.parseObject(created).get("changedOn"), JsonInput.parseObject(sameAgain).get("changedOn"),
                "the same rule (another owner) is no new version");

        String changed = RuleJson.replacing(created, stored("8"), T);
        List<RuleVersion> versions = RuleJson.versions(changed, "b1");
        assertEquals(2, versions.size());
        assertEquals(at("2026-04-01T00:00:00Z"), versions.get(0).until());
        assertEquals(at("2026-04-01T00:00:00Z"), versions.get(1).from());
        assertEquals(new java.math.BigDecimal("8"), versions.get(1).rule().target());
        assertTrue(RuleJson.recomputes(changed, created), "a new version settles every customer again");
        assertFalse(RuleJson.recomputes(sameAgain, created));

        // changed again within the month: the version that never applied is dropped
        String again = RuleJson.replacing(changed, stored("9"), T.plusSeconds(60));
        assertEquals(2, RuleJson.versions(again, "b1").size());
        assertEquals(new java.math.BigDecimal("5"), RuleJson.versions(again, "b1").get(0).rule().target());

        String recompute = stored("4").replace("\"streak\":0", "\"change\":\"RECOMPUTE\",\"streak\":0");
        String recomputed = RuleJson.replacing(again, recompute, T.plusSeconds(120));
        List<RuleVersion> one = RuleJson.versions(recomputed, "b1");
        assertEquals(1, one.size());
        assertNull(one.get(0).from(), "the new rule applies to every stored activity");
        assertEquals(T.plusSeconds(120), one.get(0).changedOn());
        assertTrue(RuleJson.recomputes(recomputed, again));
        JsonObject json = JsonInput.parseObject(recomputed);
        assertFalse(json.containsKey("change"), "the request's change is not stored");
    }
}
