/**
 * The rules of badge definitions in plain Java: reading create/update bodies and list queries, the date and
 * change rules, how an update changes a fixed window, and an update's If-Match precondition. May use {@code api}
 * and {@code badge.entity}.
 */
package dev.badgeworks.badge.control;
