/**
 * Activities arriving (REST, one or a bulk list; import chunks call the same service) and a customer's progress:
 * {@code ActivityService}, a stateless session bean, locks the customers, replays each moved rule and hands its
 * completions to the one earn service. May use {@code api}, {@code platform}, {@code security.boundary},
 * {@code activity.control}, {@code activity.store}, {@code badge.control} (to read badges' rules),
 * {@code badge.entity}, {@code badge.store}, {@code earn.boundary}, {@code earn.control}, {@code earn.entity},
 * {@code events.control}, {@code events.entity} and {@code events.store} (badgeProgressed).
 */
package dev.badgeworks.activity.boundary;
