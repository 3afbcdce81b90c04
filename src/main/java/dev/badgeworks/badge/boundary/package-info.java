/**
 * Badge definitions and claims at the reference's paths, the transactional {@code BadgeService} over JPA, the
 * definitions kept per instance and checked by version on every read ({@code BadgeDefinitions}), and the badges'
 * striped earn and issue counters. May use {@code api}, {@code platform}, {@code security.boundary}
 * (the caller) and the badge feature's control, entity and store packages; never the earn or import features.
 * Also the org-level definitions badges are held to: groups, custom fields and org meta.
 */
package dev.badgeworks.badge.boundary;
