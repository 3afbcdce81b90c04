/**
 * Badge definitions and claims as JPA entities, and the value objects of a definition: expiry rules and earn
 * limits ({@code EarnLimit}: fixed value, rolling window, fixed-window cycles in UTC). Plain Java apart from the
 * JPA annotations. May use {@code api} (the JSON provider).
 */
package dev.badgeworks.badge.entity;
