package dev.badgeworks.activity.control;

import java.math.BigDecimal;
import java.util.List;

/**
 * A rule that earns a badge from what a customer does: activities named {@code activity} (case-insensitively,
 * spaces and hyphens as underscores) that meet every condition are measured in the window until the measure
 * reaches {@code target}.
 *
 * @param id       the rule's badge id: it names the rule in earn requestIds, so it stays the same when the rule
 *                 changes, and a changed rule cannot earn a cycle again
 * @param streak   consecutive FIXED cycles in which the target must be met; 0 for none
 * @param repeat   whether the rule earns again after its first completion (see {@link RuleEvaluation})
 */
public record ActivityRule(String id, String activity, List<Condition> conditions, Measure measure, BigDecimal target,
                           RuleWindow window, int streak, boolean repeat) {

    public ActivityRule {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
