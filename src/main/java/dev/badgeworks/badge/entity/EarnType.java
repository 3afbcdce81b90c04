package dev.badgeworks.badge.entity;

/** How a customer gets the badge: EARN directly, ISSUE_EARN only after an enrolment ("issue"). */
public enum EarnType {
    EARN, ISSUE_EARN
}
