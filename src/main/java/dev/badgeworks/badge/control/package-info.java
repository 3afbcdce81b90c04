/**
 * The rules of badge definitions in plain Java: reading create/update bodies and list queries, the date and
 * change rules, how an update changes a fixed window, and an update's If-Match precondition. May use {@code api}
 * and {@code badge.entity}; a badge's activity rule is read through {@code EarnRuleReader}, which the activity
 * feature implements.
 */
package dev.badgeworks.badge.control;
