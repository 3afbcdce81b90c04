package dev.badgeworks.badge.entity;

/** Sub-type of an ABSOLUTE expiry: a given date, or the badge's own expiresOn. */
public enum AbsoluteType {
    FIXED_DATE, WITH_BADGE_META
}
