package dev.badgeworks.badge.entity;

import dev.badgeworks.api.Spelled;
import java.util.List;

/**
 * Modules that may own and claim badges. Named as the reference's current API answers them; read in any case and
 * in the older documents' upper snake case ({@code LOYALTY}, {@code LOYALTY_PROMOTIONS}), see docs/decisions.md.
 */
public enum OwnerType implements Spelled {
    Loyalty, Loyalty_Promotion("LOYALTY_PROMOTIONS"), Referral_Campaigns, Journeys, Audience_Campaigns, Rewards_Catalog,
    Goodwill_Module, Milestones, Historical_Import;

    private final List<String> otherSpellings;

    OwnerType(String... otherSpellings) {
        this.otherSpellings = List.of(otherSpellings);
    }

    @Override
    public List<String> otherSpellings() {
        return otherSpellings;
    }
}
