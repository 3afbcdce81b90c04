package dev.badgeworks.earn.control;

/**
 * An earn an activity rule asks for (a completion). When its requestId was earned before at another date, the earn
 * moves to the date asked for only if it was made at or after {@code movableSinceMs}: an earn made earlier was made
 * under an earlier version of the rule, and a rule change never rewrites what was earned under the old rule.
 */
public record AskedEarn(EarnCommand command, long movableSinceMs) {
}
