package dev.badgeworks.badge.entity;

/**
 * A badge's activity rule as stored: its canonical JSON ({@code earnRule} of the definition, triggeredBy included)
 * and the activity name it reads, spelled as activities are matched, so the rules an activity may move are found
 * by an index. {@code recompute} says that storing it must settle every customer's earns of the rule again from the
 * stored activities (a new rule or a new version); it is not stored.
 */
public record EarnRuleText(String json, String activity, boolean recompute) {
}
