/**
 * Activity rules in plain Java (issue 29): what a rule is ({@code ActivityRule} with its conditions, measure and
 * window) and its JSON ({@code RuleJson}), what an activity is and how a body is read ({@code ActivityReader}),
 * whether a rule definition and an activity are acceptable, and {@code RuleEvaluation}, the pure function from one
 * rule and one customer's activities to progress and completions. No container, no database. May use {@code api}
 * and {@code platform} (hashes).
 */
package dev.badgeworks.activity.control;
