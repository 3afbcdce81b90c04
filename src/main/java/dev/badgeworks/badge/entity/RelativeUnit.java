package dev.badgeworks.badge.entity;

/** Unit of a RELATIVE expiry. */
public enum RelativeUnit {
    DAYS, WEEKS, MONTHS
}
