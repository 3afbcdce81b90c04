/**
 * Data access of the badge feature: entity manager and JDBC queries, joining the caller's transaction. May use
 * {@code api}, {@code platform} and {@code badge.entity}.
 */
package dev.badgeworks.badge.store;
