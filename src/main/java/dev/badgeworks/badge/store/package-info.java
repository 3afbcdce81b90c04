/**
 * Data access of the badge feature: definitions and claims ({@code BadgeStore}), the definitions kept per
 * instance and checked by version on every read ({@code BadgeDefinitions}), the badges' striped earn and issue
 * counters ({@code BadgeCounters}), and the org-level definitions ({@code BadgeGroups}, {@code CustomFields},
 * {@code OrgMetas}). A store only reads and writes (JPA and JDBC) inside its caller's transaction; the rules live in
 * control, the use cases in boundary. May use {@code api} (refusals), {@code platform}, {@code badge.control} (the
 * list query) and {@code badge.entity}.
 */
package dev.badgeworks.badge.store;
