package dev.badgeworks.activity.control;

import static dev.badgeworks.activity.control.ActivityFixture.BERLIN;
import static dev.badgeworks.activity.control.ActivityFixture.NEW_YORK;
import static dev.badgeworks.activity.control.ActivityFixture.activity;
import static dev.badgeworks.activity.control.ActivityFixture.at;
import static dev.badgeworks.activity.control.ActivityFixture.days;
import static dev.badgeworks.activity.control.ActivityFixture.months;
import static dev.badgeworks.activity.control.ActivityFixture.rule;
import static dev.badgeworks.activity.control.ActivityFixture.weeks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.activity.control.Condition.Operator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The answer depends on the set of activities only: shuffled, with duplicates, it stays the same. */
class ActivityOrderTest {

    private static final int PERMUTATIONS = 200;
    private static final Instant AS_OF = at("2026-06-15T12:00:00Z");

    /** A quarter of purchases around DST changes, several at one instant, some without an amount. */
    private static List<Activity> activities(Random random) {
        return activities(random, -1000);
    }

    /** As {@link #activities(Random)}, amounts from {@code lowestCents} (below 0: refunds) to 110.00. */
    private static List<Activity> activities(Random random, int lowestCents) {
        List<Activity> out = new ArrayList<>();
        Instant t = at("2026-03-01T00:00:00Z");
        for (int i = 0; i < 150; i++) {
            t = t.plus(Duration.ofMinutes(random.nextInt(3) == 0 ? 0 : random.nextInt(2 * 24 * 60)));
            String id = "r" + random.nextInt(1_000_000);
            out.add(random.nextInt(10) == 0 ? activity(id, t.toString(), "storeId", "S" + random.nextInt(6))
                    : activity(id, t.toString(), "amount", BigDecimal.valueOf(lowestCents + random.nextInt(11_000 - lowestCents), 2),
                    "storeId", "S" + random.nextInt(6)));
        }
        return out;
    }

    private static final List<ActivityRule> RULES = List.of(
            rule(Measure.count(), "3", RuleWindow.LIFETIME, 0, true),
            rule(Measure.sum("amount"), "250", RuleWindow.LIFETIME, 0, true),
            rule(Measure.distinct("storeId"), "4", RuleWindow.LIFETIME, 0, false),
            rule(Measure.count(), "5", months(1, BERLIN), 0, true,
                    Condition.of("amount", Operator.GE, AttributeType.NUMBER, new BigDecimal("50"))),
            rule(Measure.sum("amount"), "100", weeks(1, NEW_YORK), 2, true),
            rule(Measure.count(), "1", days(1, BERLIN), 3, true),
            rule(Measure.distinct("storeId"), "3", new RuleWindow.Rolling(3), 0, true),
            rule(Measure.sum("amount"), "80", new RuleWindow.Rolling(2), 0, true,
                    Condition.of("storeId", Operator.IN, AttributeType.STRING, "S1", "S2", "S3")));

    @TestFactory
    Stream<DynamicTest> shuffledAndRepeatedActivitiesGiveTheSameAnswer() {
        return RULES.stream().map(rule -> DynamicTest.dynamicTest(rule.measure() + " " + rule.window(), () -> {
            Random random = new Random(29);
            List<Activity> activities = activities(random);
            RuleEvaluation expected = RuleEvaluation.of(rule, activities, AS_OF);
            assertTrue(!expected.completions().isEmpty(), "the activities complete the rule");
            for (int i = 0; i < PERMUTATIONS; i++) {
                List<Activity> sent = new ArrayList<>(activities);
                for (int d = random.nextInt(20); d > 0; d--) {
                    sent.add(activities.get(random.nextInt(activities.size())));
                }
                Collections.shuffle(sent, random);
                assertEquals(expected, RuleEvaluation.of(rule, sent, AS_OF), "permutation " + i);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> completionsAreInEventOrderWithDistinctEarnRequestIds() {
        return RULES.stream().map(rule -> DynamicTest.dynamicTest(rule.measure() + " " + rule.window(), () -> {
            List<Completion> completions = RuleEvaluation.of(rule, activities(new Random(29)), AS_OF).completions();
            for (int i = 1; i < completions.size(); i++) {
                assertTrue(!completions.get(i).eventDate().isBefore(completions.get(i - 1).eventDate()));
            }
            assertEquals(completions.size(), completions.stream().map(Completion::earnRequestId).distinct().count());
        }));
    }

    @TestFactory
    Stream<DynamicTest> laterEventsOnlyAddCompletions() {
        // the first half of the events, then all: every earn asked for before is asked for again (back-dated
        // activities may move a completion, see docs/decisions.md)
        return RULES.stream().map(rule -> DynamicTest.dynamicTest(rule.measure() + " " + rule.window(), () -> {
            List<Activity> all = activities(new Random(29));
            List<Completion> before = RuleEvaluation.of(rule, all.subList(0, all.size() / 2), AS_OF).completions();
            List<String> after = RuleEvaluation.of(rule, all, AS_OF).completions().stream()
                    .map(Completion::earnRequestId).toList();
            for (Completion c : before) {
                assertTrue(after.contains(c.earnRequestId()), c.earnRequestId());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> activitiesArrivingLaterNeverWithdrawAnEarn() {
        // any part of the activities first, the rest later (back-dated or not): every earn asked for with the part is
        // asked for again with all of them (perhaps at another date), so an earn made early is the earn it should
        // be. Without refunds: a refund may undo a completion (docs/decisions.md).
        return RULES.stream().map(rule -> DynamicTest.dynamicTest(rule.measure() + " " + rule.window(), () -> {
            Random random = new Random(31);
            List<Activity> all = activities(random, 0);
            List<String> after = RuleEvaluation.of(rule, all, AS_OF).completions().stream()
                    .map(Completion::earnRequestId).toList();
            for (int i = 0; i < PERMUTATIONS; i++) {
                List<Activity> part = all.stream().filter(a -> random.nextInt(10) < 7).toList();
                for (Completion c : RuleEvaluation.of(rule, part, AS_OF).completions()) {
                    assertTrue(after.contains(c.earnRequestId()), "subset " + i + ": " + c.earnRequestId());
                }
            }
        }));
    }
}
