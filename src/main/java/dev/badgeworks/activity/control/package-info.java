/**
 * Activity rules in plain Java (issue 29): what a rule is ({@code ActivityRule} with its conditions, measure and
 * window), whether a rule definition and an activity are acceptable, and {@code RuleEvaluation}, the pure function
 * from one rule and one customer's activities to progress and completions. No container, no database. May use
 * {@code api}.
 */
package dev.badgeworks.activity.control;
