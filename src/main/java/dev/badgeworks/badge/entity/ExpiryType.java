package dev.badgeworks.badge.entity;

/** How long an earned badge or an enrolment stays valid. */
public enum ExpiryType {
    RELATIVE, ABSOLUTE, NEVER
}
