package dev.badgeworks.badge.entity;

import java.time.Instant;
import java.util.Set;

/**
 * A validated create/update request: what a client asked a badge to be. JSON-valued parts are normalised
 * JSON text (null when absent). {@code active} is null when the request left it out: a new badge is then active,
 * an updated one keeps its activation. {@code earnRule} is null for a badge earned only by earn requests.
 */
public record BadgeDefinition(String name, String description, Instant startOn, Instant expiresOn,
                              EarnType earnType, Boolean active, ExpiryRule earnedExpiry, ExpiryRule issuedExpiry,
                              Set<OwnerType> owners, String customerConstraints, String badgeConstraints,
                              String images, String benefits, String tags, String customFields,
                              String badgeGroupId, Integer badgeRank, Long defaultTillId,
                              EarnRuleText earnRule) {

    public BadgeDefinition withConstraints(String customer, String badge) {
        return new BadgeDefinition(name, description, startOn, expiresOn, earnType, active, earnedExpiry, issuedExpiry,
                owners, customer, badge, images, benefits, tags, customFields, badgeGroupId, badgeRank, defaultTillId, earnRule);
    }

    public BadgeDefinition withEarnRule(EarnRuleText rule) {
        return new BadgeDefinition(name, description, startOn, expiresOn, earnType, active, earnedExpiry, issuedExpiry,
                owners, customerConstraints, badgeConstraints, images, benefits, tags, customFields, badgeGroupId,
                badgeRank, defaultTillId, rule);
    }

    public BadgeDefinition withCustomFields(String fields) {
        return new BadgeDefinition(name, description, startOn, expiresOn, earnType, active, earnedExpiry, issuedExpiry,
                owners, customerConstraints, badgeConstraints, images, benefits, tags, fields, badgeGroupId, badgeRank,
                defaultTillId, earnRule);
    }
}
