package dev.badgeworks.badge.entity;

/** Modules that may own and claim badges, spelled exactly as the reference's current API (case-sensitive). */
public enum OwnerType {
    Loyalty, Loyalty_Promotion, Referral_Campaigns, Journeys, Audience_Campaigns, Rewards_Catalog, Goodwill_Module, Milestones, Historical_Import
}
