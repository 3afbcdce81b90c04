package dev.badgeworks.activity.control;

import static dev.badgeworks.activity.control.ActivityFixture.UTC;
import static dev.badgeworks.activity.control.ActivityFixture.activity;
import static dev.badgeworks.activity.control.ActivityFixture.days;
import static dev.badgeworks.activity.control.ActivityFixture.months;
import static dev.badgeworks.activity.control.ActivityFixture.weeks;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.badgeworks.activity.control.Condition.Operator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityRuleCheckTest {

    private static final Condition AT_LEAST_50 = Condition.of("amount", Operator.GE, AttributeType.NUMBER,
            new BigDecimal("50"));

    private static ActivityRule rule(String id, String activity, List<Condition> conditions, Measure measure,
                                     String target, RuleWindow window, int streak) {
        return new ActivityRule(id, activity, conditions, measure, target == null ? null : new BigDecimal(target),
                window, streak, true);
    }

    private static ActivityRule fine() {
        return rule("b1", "TransactionAdd", List.of(AT_LEAST_50), Measure.count(), "5", months(1, UTC), 0);
    }

    /** Each error as "code reference". */
    private static List<String> errors(ActivityRule rule) {
        return ActivityRuleCheck.errors(rule, "earnRule").stream().map(e -> e.code() + " " + e.reference()).toList();
    }

    @Test
    void aFineRuleHasNoErrors() {
        assertEquals(List.of(), errors(fine()));
        assertEquals(List.of(), errors(rule("b1", "TransactionAdd", List.of(), Measure.sum("amount"), "99.95",
                new RuleWindow.Rolling(30), 0)));
        assertEquals(List.of(), errors(rule("b1", "TransactionAdd", List.of(), Measure.distinct("storeId"), "3",
                days(1, UTC), 7)));
        assertEquals(List.of(), errors(rule("b1", "TransactionAdd", List.of(), Measure.count(), "1",
                RuleWindow.LIFETIME, 0)));
    }

    @Test
    void missingFieldsAreNamed() {
        assertEquals(List.of("1101 earnRule.id", "1101 earnRule.activity", "1101 earnRule.measure",
                "1101 earnRule.target", "1101 earnRule.window"), errors(rule(" ", null, null, null, null, null, 0)));
        assertEquals(List.of("1101 earnRule.measure.attribute"), errors(rule("b1", "TransactionAdd", List.of(),
                new Measure(Measure.Kind.SUM, null), "5", RuleWindow.LIFETIME, 0)));
        assertEquals(List.of("1101 earnRule.window.unit", "1101 earnRule.window.zone"), errors(rule("b1", "A",
                List.of(), Measure.count(), "5", new RuleWindow.Fixed(1, null, null), 0)));
    }

    @Test
    void conditionsAreCheckedOneByOne() {
        List<Condition> conditions = List.of(AT_LEAST_50,
                new Condition(null, null, AttributeType.NUMBER, List.of()),
                Condition.of("amount", Operator.EQ, AttributeType.NUMBER, "50"),
                Condition.of("vip", Operator.GT, AttributeType.BOOLEAN, Boolean.TRUE),
                Condition.of("storeId", Operator.EQ, AttributeType.STRING, "S1", "S2"),
                new Condition("storeId", Operator.IN, AttributeType.STRING, List.of()),
                Condition.of("storeId", Operator.EQ, AttributeType.STRING, "S".repeat(ActivityCheck.MAX_TEXT + 1)),
                Condition.of("amount", Operator.LT, AttributeType.NUMBER, new BigDecimal("1e50")),
                Condition.of("a".repeat(ActivityCheck.MAX_ATTRIBUTE_NAME + 1), Operator.EQ, AttributeType.DATE,
                        Instant.EPOCH));
        assertEquals(List.of("1101 earnRule.conditions[1].attribute", "1101 earnRule.conditions[1].operator",
                "1102 earnRule.conditions[2].values[0]", "1105 earnRule.conditions[3].operator",
                "1105 earnRule.conditions[4].values", "1101 earnRule.conditions[5].values",
                "1103 earnRule.conditions[6].values[0]", "1105 earnRule.conditions[7].values[0]",
                "1103 earnRule.conditions[8].attribute"),
                errors(rule("b1", "A", conditions, Measure.count(), "5", RuleWindow.LIFETIME, 0)));
    }

    @Test
    void countsOfConditionsAndValuesAreBounded() {
        List<Condition> many = Collections.nCopies(ActivityRuleCheck.MAX_CONDITIONS + 1, AT_LEAST_50);
        assertEquals(List.of("1127 earnRule.conditions"),
                errors(rule("b1", "A", many, Measure.count(), "5", RuleWindow.LIFETIME, 0)));
        List<Object> values = new ArrayList<>();
        for (int i = 0; i <= ActivityRuleCheck.MAX_IN_VALUES; i++) {
            values.add("S" + i);
        }
        assertEquals(List.of("1127 earnRule.conditions[0].values"), errors(rule("b1", "A",
                List.of(new Condition("storeId", Operator.IN, AttributeType.STRING, values)), Measure.count(), "5",
                RuleWindow.LIFETIME, 0)));
    }

    @Test
    void theTargetIsAPositiveNumberAndWholeUnlessSummed() {
        for (String bad : new String[] {"0", "-1", "1e50"}) {
            assertEquals(List.of("1105 earnRule.target"), errors(rule("b1", "A", List.of(), Measure.sum("amount"), bad,
                    RuleWindow.LIFETIME, 0)), bad);
        }
        assertEquals(List.of("1105 earnRule.target"), errors(rule("b1", "A", List.of(), Measure.count(), "2.5",
                RuleWindow.LIFETIME, 0)));
        assertEquals(List.of(), errors(rule("b1", "A", List.of(), Measure.distinct("s"), "2.000",
                RuleWindow.LIFETIME, 0)));
        assertEquals(List.of("1105 earnRule.measure.attribute"), errors(rule("b1", "A", List.of(),
                new Measure(Measure.Kind.COUNT, "amount"), "2", RuleWindow.LIFETIME, 0)));
    }

    @Test
    void windowsAreAboutAYearAtMost() {
        assertEquals(List.of("1105 earnRule.window.length"), errors(rule("b1", "A", List.of(), Measure.count(), "1",
                days(ActivityRuleCheck.MAX_DAYS + 1, UTC), 0)));
        assertEquals(List.of("1105 earnRule.window.length"), errors(rule("b1", "A", List.of(), Measure.count(), "1",
                weeks(0, UTC), 0)));
        assertEquals(List.of("1105 earnRule.window.length"), errors(rule("b1", "A", List.of(), Measure.count(), "1",
                months(ActivityRuleCheck.MAX_MONTHS + 1, UTC), 0)));
        assertEquals(List.of("1105 earnRule.window.days"), errors(rule("b1", "A", List.of(), Measure.count(), "1",
                new RuleWindow.Rolling(0), 0)));
        assertEquals(List.of(), errors(rule("b1", "A", List.of(), Measure.count(), "1",
                months(ActivityRuleCheck.MAX_MONTHS, UTC), 0)));
    }

    @Test
    void aStreakNeedsFixedCyclesAndAtLeastTwo() {
        assertEquals(List.of("1105 earnRule.streak"), errors(rule("b1", "A", List.of(), Measure.count(), "1",
                RuleWindow.LIFETIME, 3)));
        assertEquals(List.of("1105 earnRule.streak"), errors(rule("b1", "A", List.of(), Measure.count(), "1",
                new RuleWindow.Rolling(7), 3)));
        assertEquals(List.of("1105 earnRule.streak"), errors(rule("b1", "A", List.of(), Measure.count(), "1",
                days(1, UTC), 1)));
        assertEquals(List.of("1105 earnRule.streak"), errors(rule("b1", "A", List.of(), Measure.count(), "1",
                days(1, UTC), ActivityRuleCheck.MAX_STREAK + 1)));
    }

    @Test
    void theRuleIdMustFitAnEarnRequestId() {
        assertEquals(List.of("1105 earnRule.id"), errors(rule("b:1", "A", List.of(), Measure.count(), "1",
                RuleWindow.LIFETIME, 0)));
        assertEquals(List.of("1105 earnRule.id"), errors(rule("b".repeat(ActivityRuleCheck.MAX_RULE_ID + 1), "A",
                List.of(), Measure.count(), "1", RuleWindow.LIFETIME, 0)));
        assertEquals(List.of("1103 earnRule.activity"), errors(rule("b1", "A".repeat(ActivityCheck.MAX_ACTIVITY_NAME
                + 1), List.of(), Measure.count(), "1", RuleWindow.LIFETIME, 0)));
    }

    @Test
    void anActivityWithinItsBoundsHasNoErrors() {
        assertEquals(List.of(), ActivityCheck.errors(activity("r1", "2026-03-01T10:00:00Z", "amount", 42.5,
                "storeId", "S1", "vip", true)));
    }

    @Test
    void anActivitysAttributesAreBounded() {
        Map<String, Object> many = new HashMap<>();
        for (int i = 0; i <= ActivityCheck.MAX_ATTRIBUTES; i++) {
            many.put("a" + i, "x");
        }
        assertEquals(List.of("1127 attributes"), activityErrors(many));
        assertEquals(List.of("1103 attributes"), activityErrors(Map.of("a".repeat(65), "x")));
        assertEquals(List.of("1105 attributes"), activityErrors(Map.of(" ", "x")));
        assertEquals(List.of("1103 attributes.note"), activityErrors(Map.of("note", "x".repeat(ActivityCheck.MAX_TEXT
                + 1))));
        assertEquals(List.of("1105 attributes.amount"), activityErrors(Map.of("amount", new BigDecimal("1e41"))));
        assertEquals(List.of("1102 attributes.when"), activityErrors(Map.of("when", Instant.EPOCH)));
        assertEquals(List.of("804 requestId", "812 customerId", "1101 activity"), ActivityCheck.errors(
                new Activity(" ", "", " ", Instant.EPOCH, Map.of())).stream()
                .map(e -> e.code() + " " + e.reference()).toList());
    }

    private static List<String> activityErrors(Map<String, Object> attributes) {
        return ActivityCheck.errors(new Activity("r1", "c1", "TransactionAdd", Instant.EPOCH, attributes)).stream()
                .map(e -> e.code() + " " + e.reference()).toList();
    }
}
