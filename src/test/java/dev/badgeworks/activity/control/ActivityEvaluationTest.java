package dev.badgeworks.activity.control;

import static dev.badgeworks.activity.control.ActivityFixture.BERLIN;
import static dev.badgeworks.activity.control.ActivityFixture.NEW_YORK;
import static dev.badgeworks.activity.control.ActivityFixture.UTC;
import static dev.badgeworks.activity.control.ActivityFixture.activity;
import static dev.badgeworks.activity.control.ActivityFixture.at;
import static dev.badgeworks.activity.control.ActivityFixture.completions;
import static dev.badgeworks.activity.control.ActivityFixture.days;
import static dev.badgeworks.activity.control.ActivityFixture.evaluate;
import static dev.badgeworks.activity.control.ActivityFixture.months;
import static dev.badgeworks.activity.control.ActivityFixture.named;
import static dev.badgeworks.activity.control.ActivityFixture.rule;
import static dev.badgeworks.activity.control.ActivityFixture.weeks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.activity.control.Condition.Operator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityEvaluationTest {

    private static final RuleWindow LIFETIME = RuleWindow.LIFETIME;
    private static final Condition AT_LEAST_50 = Condition.of("amount", Operator.GE, AttributeType.NUMBER,
            new BigDecimal("50"));

    // --- measures

    @Test
    void countCompletesOnTheActivityThatReachesTheTarget() {
        ActivityRule rule = rule(Measure.count(), "3", LIFETIME, 0, false);
        List<Activity> three = List.of(activity("r1", "2026-03-01T10:00:00Z"), activity("r2", "2026-03-02T10:00:00Z"),
                activity("r3", "2026-03-03T10:00:00Z"));
        RuleEvaluation e = evaluate(rule, three);
        assertEquals(1, e.completions().size());
        Completion c = e.completions().get(0);
        assertEquals("r3", c.activity().requestId());
        assertEquals(at("2026-03-03T10:00:00Z"), c.eventDate());
        assertEquals("activity:b1:N:1:c1", c.earnRequestId());
        assertEquals(new BigDecimal(3), c.value());
        assertEquals(List.of(), completions(rule, three.subList(0, 2)));
    }

    @Test
    void sumAddsAnAttributeReadAsANumberFromJsonOrText() {
        ActivityRule rule = rule(Measure.sum("amount"), "100", LIFETIME, 0, false);
        List<Activity> activities = List.of(activity("r1", "2026-03-01T10:00:00Z", "amount", 20),
                activity("r2", "2026-03-02T10:00:00Z", "amount", "30.5"),
                activity("r3", "2026-03-03T10:00:00Z"),
                activity("r4", "2026-03-03T11:00:00Z", "amount", "much"),
                activity("r5", "2026-03-03T12:00:00Z", "amount", true),
                activity("r6", "2026-03-04T10:00:00Z", "amount", new BigDecimal("49.50")));
        RuleEvaluation e = evaluate(rule, activities);
        assertEquals(List.of("r6 -> activity:b1:N:1:c1"), completions(rule, activities));
        assertEquals(0, new BigDecimal("100").compareTo(e.completions().get(0).value()));
        assertEquals(0, new BigDecimal("100").compareTo(e.progress().value()));
    }

    @Test
    void distinctCountsValuesAsText() {
        ActivityRule rule = rule(Measure.distinct("storeId"), "3", LIFETIME, 0, false);
        List<Activity> activities = List.of(activity("r1", "2026-03-01T10:00:00Z", "storeId", "S1"),
                activity("r2", "2026-03-02T10:00:00Z", "storeId", "S1"),
                activity("r3", "2026-03-03T10:00:00Z", "storeId", 7),
                activity("r4", "2026-03-04T10:00:00Z", "storeId", "7"),
                activity("r5", "2026-03-05T10:00:00Z"),
                activity("r6", "2026-03-06T10:00:00Z", "storeId", "s1"));
        assertEquals(List.of("r6 -> activity:b1:N:1:c1"), completions(rule, activities));
        assertEquals(new BigDecimal(3), evaluate(rule, activities).progress().value());
    }

    @Test
    void onlyActivitiesOfTheRulesNameMeetingEveryConditionCount() {
        ActivityRule rule = rule(Measure.count(), "2", LIFETIME, 0, false, AT_LEAST_50,
                Condition.of("storeId", Operator.IN, AttributeType.STRING, "S1", "S2"));
        List<Activity> activities = List.of(activity("r1", "2026-03-01T10:00:00Z", "amount", 50, "storeId", "S1"),
                activity("r2", "2026-03-02T10:00:00Z", "amount", 49.99, "storeId", "S1"),
                activity("r3", "2026-03-03T10:00:00Z", "amount", 80, "storeId", "S3"),
                activity("r4", "2026-03-04T10:00:00Z", "amount", 80),
                named("PointsRedeemed", "r5", "2026-03-05T10:00:00Z", "amount", 80, "storeId", "S2"),
                named("transactionadd", "r6", "2026-03-06T10:00:00Z", "amount", 80, "storeId", "S2"));
        assertEquals(List.of("r6 -> activity:b1:N:1:c1"), completions(rule, activities));
    }

    // --- repeat

    @Test
    void aLifetimeRuleRepeatsAtEachFurtherMultipleOnceAnActivity() {
        ActivityRule repeating = rule(Measure.sum("amount"), "100", LIFETIME, 0, true);
        List<Activity> activities = List.of(activity("r1", "2026-03-01T10:00:00Z", "amount", 150),
                activity("r2", "2026-03-02T10:00:00Z", "amount", 250),
                activity("r3", "2026-03-03T10:00:00Z", "amount", 100));
        assertEquals(List.of("r1 -> activity:b1:N:1:c1", "r2 -> activity:b1:N:2:c1", "r3 -> activity:b1:N:3:c1"),
                completions(repeating, activities));
        Progress p = evaluate(repeating, activities).progress();
        assertEquals(0, new BigDecimal("500").compareTo(p.value()));
        assertEquals(0, new BigDecimal("600").compareTo(p.target()));
        assertFalse(p.finished());

        ActivityRule once = rule(Measure.sum("amount"), "100", LIFETIME, 0, false);
        assertEquals(List.of("r1 -> activity:b1:N:1:c1"), completions(once, activities));
        assertTrue(evaluate(once, activities).progress().finished());
        assertEquals(0, new BigDecimal("100").compareTo(evaluate(once, activities).progress().target()));
    }

    @Test
    void aRefundLowersTheSumButAMultipleReachedIsNotReachedAgain() {
        ActivityRule rule = rule(Measure.sum("amount"), "100", LIFETIME, 0, true);
        List<Activity> activities = List.of(activity("r1", "2026-03-01T10:00:00Z", "amount", 90),
                activity("r2", "2026-03-02T10:00:00Z", "amount", 20),
                activity("r3", "2026-03-03T10:00:00Z", "amount", -30),
                activity("r4", "2026-03-04T10:00:00Z", "amount", 30),
                activity("r5", "2026-03-05T10:00:00Z", "amount", 90));
        assertEquals(List.of("r2 -> activity:b1:N:1:c1", "r5 -> activity:b1:N:2:c1"), completions(rule, activities));
    }

    // --- fixed cycles

    /** The README example: 5 purchases of at least 50 in a calendar month earn the badge. */
    private static List<Activity> purchases(String prefix, String month, int count, int amount) {
        List<Activity> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(activity(prefix + i, month + "-" + String.format("%02d", i * 2) + "T12:00:00Z", "amount", amount));
        }
        return out;
    }

    @Test
    void aMonthlyRuleEarnsInEachMonthItsTargetIsMetOnce() {
        List<Activity> activities = new ArrayList<>();
        activities.addAll(purchases("jan", "2026-01", 4, 60));
        activities.addAll(purchases("feb", "2026-02", 6, 40));
        activities.addAll(purchases("mar", "2026-03", 9, 50));
        activities.addAll(purchases("apr", "2026-04", 5, 70));
        ActivityRule repeating = rule(Measure.count(), "5", months(1, UTC), 0, true, AT_LEAST_50);
        assertEquals(List.of("mar5 -> activity:b1:1M2026-03-01:1:c1", "apr5 -> activity:b1:1M2026-04-01:1:c1"),
                completions(repeating, activities));
        Completion march = evaluate(repeating, activities).completions().get(0);
        assertEquals(new Cycle("1M2026-03-01", at("2026-03-01T00:00:00Z"), at("2026-04-01T00:00:00Z")),
                march.cycle());
        ActivityRule once = rule(Measure.count(), "5", months(1, UTC), 0, false, AT_LEAST_50);
        assertEquals(List.of("mar5 -> activity:b1:N:1:c1"), completions(once, activities));
    }

    @Test
    void anActivityAtACyclesEndCountsInTheNextCycle() {
        ActivityRule rule = rule(Measure.count(), "2", days(1, UTC), 0, true);
        List<Activity> edge = List.of(activity("r1", "2026-03-10T00:00:00Z"), activity("r2", "2026-03-10T23:59:59.999Z"));
        assertEquals(List.of("r2 -> activity:b1:1D2026-03-10:1:c1"), completions(rule, edge));
        List<Activity> apart = List.of(activity("r1", "2026-03-09T23:59:59.999Z"), activity("r2", "2026-03-10T00:00:00Z"));
        assertEquals(List.of(), completions(rule, apart));
    }

    @Test
    void aMonthEndsAtLocalMidnightOfTheRulesZone() {
        // four purchases in March everywhere, one on 28 Feb 23:30 UTC: 1 March 00:30 in Berlin, still 28 Feb in New York
        List<Activity> activities = new ArrayList<>(purchases("mar", "2026-03", 4, 60));
        activities.add(activity("edge", "2026-02-28T23:30:00Z", "amount", 60));
        assertEquals(List.of(), completions(rule(Measure.count(), "5", months(1, UTC), 0, true), activities));
        assertEquals(List.of(), completions(rule(Measure.count(), "5", months(1, NEW_YORK), 0, true), activities));
        assertEquals(List.of("mar4 -> activity:b1:1M2026-03-01:1:c1"),
                completions(rule(Measure.count(), "5", months(1, BERLIN), 0, true), activities));
    }

    @Test
    void aDayOf25HoursIsOneDay() {
        // 00:30 and 23:30 on 25 October in Berlin are 24 h apart and one local day; in UTC they are two days
        List<Activity> activities = List.of(activity("r1", "2026-10-24T22:30:00Z"), activity("r2", "2026-10-25T22:30:00Z"));
        assertEquals(List.of("r2 -> activity:b1:1D2026-10-25:1:c1"),
                completions(rule(Measure.count(), "2", days(1, BERLIN), 0, true), activities));
        assertEquals(List.of(), completions(rule(Measure.count(), "2", days(1, UTC), 0, true), activities));
    }

    @Test
    void aWeeklySumIsMeasuredPerWeek() {
        ActivityRule rule = rule(Measure.sum("amount"), "100", weeks(1, BERLIN), 0, true);
        List<Activity> activities = List.of(activity("sun", "2026-03-01T22:30:00Z", "amount", 60),
                activity("mon", "2026-03-01T23:30:00Z", "amount", 60),
                activity("tue", "2026-03-03T10:00:00Z", "amount", 40));
        // Sunday 23:30 Berlin ends the week of 23 Feb; Monday 00:30 opens the week of 2 March
        assertEquals(List.of("tue -> activity:b1:1W2026-03-02:1:c1"), completions(rule, activities));
    }

    // --- streaks

    private static List<Activity> onDays(String... days) {
        List<Activity> out = new ArrayList<>();
        for (String day : days) {
            out.add(activity("d" + day, "2026-03-" + day + "T12:00:00Z"));
        }
        return out;
    }

    @Test
    void aStreakCompletesOnItsLastCycle() {
        ActivityRule rule = rule(Measure.count(), "1", days(1, UTC), 3, false);
        assertEquals(List.of("d12 -> activity:b1:N:1:c1"), completions(rule, onDays("10", "11", "12")));
    }

    @Test
    void aMissedCycleBreaksTheStreak() {
        ActivityRule rule = rule(Measure.count(), "1", days(1, UTC), 3, false);
        assertEquals(List.of(), completions(rule, onDays("10", "11", "13", "14")));
        assertEquals(List.of("d15 -> activity:b1:N:1:c1"),
                completions(rule, onDays("10", "11", "13", "14", "15")));
    }

    @Test
    void aCycleBelowTheTargetBreaksTheStreak() {
        ActivityRule rule = rule(Measure.count(), "2", weeks(1, UTC), 2, false);
        List<Activity> activities = List.of(activity("w1a", "2026-03-02T10:00:00Z"), activity("w1b", "2026-03-03T10:00:00Z"),
                activity("w2a", "2026-03-09T10:00:00Z"),
                activity("w3a", "2026-03-16T10:00:00Z"), activity("w3b", "2026-03-17T10:00:00Z"),
                activity("w4a", "2026-03-23T10:00:00Z"), activity("w4b", "2026-03-24T10:00:00Z"));
        assertEquals(List.of("w4b -> activity:b1:N:1:c1"), completions(rule, activities));
    }

    @Test
    void aRepeatingStreakStartsAgainAfterItCompletes() {
        ActivityRule rule = rule(Measure.count(), "1", days(1, UTC), 3, true);
        assertEquals(List.of("d12 -> activity:b1:N:1:c1", "d15 -> activity:b1:N:2:c1"),
                completions(rule, onDays("10", "11", "12", "13", "14", "15", "16")));
        ActivityRule once = rule(Measure.count(), "1", days(1, UTC), 3, false);
        assertEquals(List.of("d12 -> activity:b1:N:1:c1"),
                completions(once, onDays("10", "11", "12", "13", "14", "15", "16")));
    }

    @Test
    void aStreakCountsLocalDaysAcrossDstChanges() {
        // 23:30 on 28 March and 00:30 on 30 March in Berlin: 24 h apart, but 29 March (23 h) was missed
        List<Activity> spring = List.of(activity("r1", "2026-03-28T22:30:00Z"), activity("r2", "2026-03-29T22:30:00Z"));
        assertEquals(List.of(), completions(rule(Measure.count(), "1", days(1, BERLIN), 2, false), spring));
        assertEquals(List.of("r2 -> activity:b1:N:1:c1"),
                completions(rule(Measure.count(), "1", days(1, UTC), 2, false), spring));
        // 00:30 on 28, 29 (23 h) and 30 March in Berlin: three local days in a row
        List<Activity> daily = List.of(activity("a", "2026-03-27T23:30:00Z"), activity("b", "2026-03-28T23:30:00Z"),
                activity("c", "2026-03-29T22:30:00Z"));
        assertEquals(List.of("c -> activity:b1:N:1:c1"),
                completions(rule(Measure.count(), "1", days(1, BERLIN), 3, false), daily));
        // 23:30 on 24 October and 23:30 on 25 October (25 h) in Berlin: consecutive days, 25 h apart
        List<Activity> autumn = List.of(activity("x", "2026-10-24T21:30:00Z"), activity("y", "2026-10-25T22:30:00Z"));
        assertEquals(List.of("y -> activity:b1:N:1:c1"),
                completions(rule(Measure.count(), "1", days(1, BERLIN), 2, false), autumn));
    }

    @Test
    void progressShowsTheStreakWhileItCanStillGoOn() {
        ActivityRule rule = rule(Measure.count(), "1", days(1, UTC), 5, false);
        List<Activity> activities = onDays("10", "11", "12");
        assertEquals(3, RuleEvaluation.of(rule, activities, at("2026-03-12T20:00:00Z")).progress().streak());
        assertEquals(3, RuleEvaluation.of(rule, activities, at("2026-03-13T20:00:00Z")).progress().streak());
        assertEquals(0, RuleEvaluation.of(rule, activities, at("2026-03-14T00:00:00Z")).progress().streak());
        assertEquals(2, RuleEvaluation.of(rule, activities, at("2026-03-11T23:59:59Z")).progress().streak());
    }

    // --- rolling windows

    @Test
    void aRollingWindowIsDaysTimes24HoursUpToTheActivity() {
        ActivityRule rule = rule(Measure.count(), "2", new RuleWindow.Rolling(7), 0, false);
        List<Activity> inside = List.of(activity("r1", "2026-03-01T12:00:00Z"), activity("r2", "2026-03-08T11:59:59.999Z"));
        assertEquals(List.of("r2 -> activity:b1:N:1:c1"), completions(rule, inside));
        Completion c = evaluate(rule, inside).completions().get(0);
        assertEquals(at("2026-03-01T11:59:59.999Z"), c.cycle().start());
        assertEquals(at("2026-03-08T11:59:59.999Z"), c.cycle().end());
        List<Activity> apart = List.of(activity("r1", "2026-03-01T12:00:00Z"), activity("r2", "2026-03-08T12:00:00Z"));
        assertEquals(List.of(), completions(rule, apart));
    }

    @Test
    void aRollingWindowIgnoresDstChanges() {
        // Berlin moved its clocks on 29 March: 7 × 24 h from 25 March 12:00 UTC still end on 1 April 12:00 UTC
        ActivityRule rule = rule(Measure.count(), "2", new RuleWindow.Rolling(7), 0, false);
        assertEquals(1, completions(rule, List.of(activity("r1", "2026-03-25T12:00:00Z"),
                activity("r2", "2026-04-01T11:59:59Z"))).size());
        assertEquals(0, completions(rule, List.of(activity("r1", "2026-03-25T12:00:00Z"),
                activity("r2", "2026-04-01T12:00:00Z"))).size());
    }

    @Test
    void aRollingCompletionConsumesItsWindow() {
        ActivityRule rule = rule(Measure.sum("amount"), "100", new RuleWindow.Rolling(7), 0, true);
        List<Activity> activities = List.of(activity("r1", "2026-03-01T10:00:00Z", "amount", 60),
                activity("r2", "2026-03-02T10:00:00Z", "amount", 60),
                activity("r3", "2026-03-03T10:00:00Z", "amount", 50),
                activity("r4", "2026-03-11T10:00:00Z", "amount", 60),
                activity("r5", "2026-03-12T10:00:00Z", "amount", 50));
        // r3's 50 expires before r4 and r5 together reach 110
        assertEquals(List.of("r2 -> activity:b1:N:1:c1", "r5 -> activity:b1:N:2:c1"), completions(rule, activities));
        Progress p = RuleEvaluation.of(rule, activities, at("2026-03-05T00:00:00Z")).progress();
        assertEquals(0, new BigDecimal("50").compareTo(p.value()));
        assertEquals(new Cycle("R", at("2026-02-26T00:00:00Z"), at("2026-03-05T00:00:00Z")), p.cycle());
        assertEquals(0, BigDecimal.ZERO.compareTo(
                RuleEvaluation.of(rule, activities, at("2026-03-10T10:00:00Z")).progress().value()));
    }

    @Test
    void aRollingDistinctForgetsValuesThatLeftTheWindow() {
        ActivityRule rule = rule(Measure.distinct("storeId"), "2", new RuleWindow.Rolling(2), 0, false);
        List<Activity> activities = List.of(activity("r1", "2026-03-01T10:00:00Z", "storeId", "S1"),
                activity("r2", "2026-03-02T10:00:00Z", "storeId", "S1"),
                activity("r3", "2026-03-04T09:00:00Z", "storeId", "S2"));
        // r1 left the window, r2 (S1) is still in it
        assertEquals(List.of("r3 -> activity:b1:N:1:c1"), completions(rule, activities));
        assertEquals(List.of(), completions(rule, List.of(activities.get(0), activities.get(2))));
    }

    // --- progress

    @Test
    void progressIsTheCurrentCycleAtTheInstantAsked() {
        ActivityRule rule = rule(Measure.sum("amount"), "100", months(1, BERLIN), 0, true);
        List<Activity> activities = List.of(activity("r1", "2026-03-10T10:00:00Z", "amount", 30),
                activity("r2", "2026-03-20T10:00:00Z", "amount", 40),
                activity("r3", "2026-03-25T10:00:00Z", "amount", 50));
        Progress p = RuleEvaluation.of(rule, activities, at("2026-03-21T00:00:00Z")).progress();
        assertEquals(new Cycle("1M2026-03-01", at("2026-02-28T23:00:00Z"), at("2026-03-31T22:00:00Z")), p.cycle());
        assertEquals(new BigDecimal("70"), p.value());
        assertEquals(new BigDecimal("100"), p.target());
        assertEquals("r2", p.lastActivity().requestId());
        assertEquals(0, p.streak());
        assertFalse(p.finished());

        Progress april = RuleEvaluation.of(rule, activities, at("2026-04-02T00:00:00Z")).progress();
        assertEquals("1M2026-04-01", april.cycle().key());
        assertEquals(BigDecimal.ZERO, april.value());
        assertEquals("r3", april.lastActivity().requestId());
        // activities after the instant asked for still complete
        assertEquals(1, RuleEvaluation.of(rule, activities, at("2026-03-21T00:00:00Z")).completions().size());
    }

    @Test
    void progressWithoutActivities() {
        Progress p = RuleEvaluation.of(rule(Measure.count(), "5", months(1, UTC), 2, true), List.of(),
                at("2026-03-21T00:00:00Z")).progress();
        assertEquals("1M2026-03-01", p.cycle().key());
        assertEquals(BigDecimal.ZERO, p.value());
        assertEquals(0, p.streak());
        assertNull(p.lastActivity());
        Progress lifetime = RuleEvaluation.of(rule(Measure.count(), "5", LIFETIME, 0, false), List.of(),
                at("2026-03-21T00:00:00Z")).progress();
        assertEquals(new Cycle("L", null, null), lifetime.cycle());
    }

    @Test
    void anActivityAtTheInstantAskedCounts() {
        ActivityRule rule = rule(Measure.count(), "5", LIFETIME, 0, false);
        List<Activity> activities = List.of(activity("r1", "2026-03-10T10:00:00Z"), activity("r2", "2026-03-11T10:00:00Z"));
        assertEquals(new BigDecimal(2), RuleEvaluation.of(rule, activities, at("2026-03-11T10:00:00Z")).progress().value());
        assertEquals(BigDecimal.ONE,
                RuleEvaluation.of(rule, activities, at("2026-03-11T09:59:59.999Z")).progress().value());
    }

    // --- identity and order

    @Test
    void aDuplicateRequestIdCountsOnce() {
        ActivityRule rule = rule(Measure.count(), "2", LIFETIME, 0, false);
        Activity once = activity("r1", "2026-03-10T10:00:00Z");
        assertEquals(List.of(), completions(rule, List.of(once, once, once)));
        Activity sameIdOtherContent = activity("r1", "2026-03-09T10:00:00Z", "amount", 5);
        assertEquals(evaluate(rule, List.of(once, sameIdOtherContent)), evaluate(rule, List.of(sameIdOtherContent, once)));
        assertEquals(BigDecimal.ONE, evaluate(rule, List.of(once, sameIdOtherContent)).progress().value());
    }

    @Test
    void activitiesAtOneInstantAreOrderedByRequestId() {
        ActivityRule rule = rule(Measure.count(), "2", LIFETIME, 0, false);
        Activity a = activity("a", "2026-03-10T10:00:00Z");
        Activity b = activity("b", "2026-03-10T10:00:00Z");
        Activity c = activity("c", "2026-03-10T10:00:00Z");
        assertEquals(List.of("b -> activity:b1:N:1:c1"), completions(rule, List.of(c, b, a)));
        assertEquals(List.of("b -> activity:b1:N:1:c1"), completions(rule, List.of(a, c, b)));
    }

    @Test
    void aBackDatedActivityMovesACompletionButNotItsEarn() {
        // the run of 3 days now ends on the 12th, not the 13th: the same (first) earn, at another date
        ActivityRule rule = rule(Measure.count(), "1", days(1, UTC), 3, true);
        assertEquals(List.of("d13 -> activity:b1:N:1:c1"), completions(rule, onDays("11", "12", "13")));
        assertEquals(List.of("d12 -> activity:b1:N:1:c1"), completions(rule, onDays("10", "11", "12", "13")));
    }

    @Test
    void activitiesOfTwoCustomersAreRefused() {
        Activity other = new Activity("r2", "c2", "TransactionAdd", at("2026-03-10T10:00:00Z"), Map.of());
        assertThrows(IllegalArgumentException.class, () -> evaluate(rule(Measure.count(), "2", LIFETIME, 0, false),
                List.of(activity("r1", "2026-03-10T10:00:00Z"), other)));
    }

    @Test
    void theEarnRequestIdNamesRuleSlotAndCustomer() {
        Cycle march = months(1, UTC).cycleAt(at("2026-03-10T10:00:00Z"));
        assertEquals("activity:b1:1M2026-03-01:1:c1", RuleEvaluation.earnRequestId("b1", march.key() + ":1", "c1"));
        // only the customer id, last, may hold a colon: no two completions share an earn
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String slot : new String[] {"N:1", "N:2", "N:12", march.key() + ":1"}) {
            for (String customer : new String[] {"c", "2:c", ":c", "1:2:c"}) {
                assertTrue(ids.add(RuleEvaluation.earnRequestId("b1", slot, customer)));
            }
        }
    }

    @Test
    void theLongestEarnRequestIdFitsAnEarn() {
        String ruleId = "r".repeat(ActivityRuleCheck.MAX_RULE_ID);
        String customerId = "c".repeat(ActivityCheck.MAX_CUSTOMER_ID);
        int longest = RuleEvaluation.earnRequestId(ruleId, "N:" + Integer.MAX_VALUE, customerId).length();
        for (Instant t : new Instant[] {Instant.ofEpochMilli(Long.MIN_VALUE), Instant.ofEpochMilli(Long.MAX_VALUE)}) {
            for (RuleWindow.Fixed w : new RuleWindow.Fixed[] {days(ActivityRuleCheck.MAX_DAYS, UTC),
                    weeks(ActivityRuleCheck.MAX_WEEKS, UTC), months(ActivityRuleCheck.MAX_MONTHS, UTC)}) {
                longest = Math.max(longest,
                        RuleEvaluation.earnRequestId(ruleId, w.cycleAt(t).key() + ":1", customerId).length());
            }
        }
        assertTrue(longest <= RuleEvaluation.MAX_EARN_REQUEST_ID, "longest " + longest);
        assertEquals(dev.badgeworks.earn.control.EarnRequestReader.MAX_REQUEST_ID, RuleEvaluation.MAX_EARN_REQUEST_ID);
        assertEquals(dev.badgeworks.earn.control.EarnRequestReader.MAX_REQUEST_ID, ActivityCheck.MAX_REQUEST_ID);
        assertEquals(dev.badgeworks.earn.control.EarnRequestReader.MAX_CUSTOMER_ID, ActivityCheck.MAX_CUSTOMER_ID);
    }
}
