package dev.badgeworks.badge.entity;

/**
 * A badge's activity rule as stored: its canonical JSON ({@code earnRule} of the definition, triggeredBy included)
 * and the activity name it reads, spelled as activities are matched, so the rules an activity may move are found
 * by an index.
 */
public record EarnRuleText(String json, String activity) {
}
