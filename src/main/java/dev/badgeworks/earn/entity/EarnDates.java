package dev.badgeworks.earn.entity;

/** The two dates of an active earn that earn limits count by: its event and its processing. */
public record EarnDates(long eventMs, long earnedOnMs) {
}
