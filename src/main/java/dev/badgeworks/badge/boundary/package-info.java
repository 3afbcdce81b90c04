/**
 * Badge definitions and claims at the reference's paths and the transactional {@code BadgeService} (look up, decide,
 * write; data access in {@code badge.store}), and the org-level definitions badges are held to: groups, custom
 * fields and org meta. May use {@code api}, {@code platform}, {@code security.boundary}
 * (the caller) and the badge feature's control, entity and store packages; never the earn or import features.
 */
package dev.badgeworks.badge.boundary;
