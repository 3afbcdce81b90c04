/**
 * The rules of badge definitions in plain Java: reading create/update bodies and list queries, the date and
 * change rules, and how an update changes a fixed window. May use {@code api} and {@code badge.entity}.
 */
package dev.badgeworks.badge.control;
