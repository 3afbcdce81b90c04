package dev.badgeworks.badge.entity;

/**
 * A badge's activity rule was created or changed: every customer's earns of it are to be settled again from the
 * stored activities. Fired in the change's transaction, observed after its commit.
 */
public record EarnRuleRecompute(long orgId, String badgeId) {
}
