package dev.badgeworks.customer.control;

/**
 * Sort orders of the customer endpoints. RANK and the LAST_EARNED_* orders are the member view's, the others the
 * support view's; both views accept all of them. Undated badges (never earned, never enrolled) sort last.
 */
public enum CustomerBadgeSort {
    /** Active groups by group rank, in each its badges by rank (unranked last); ungrouped badges after (§2.8). */
    RANK,
    LAST_EARNED_ON_DATE,
    LAST_EARNED_EVENT_DATE,
    /** The badge's expiry. */
    EXPIRES_ON,
    /** The badge's last update. */
    LAST_MODIFIED_DATE,
    /** The customer's latest enrolment. */
    LAST_ISSUED_DATE,
    /** The latest expiry among the customer's earns. */
    LAST_EXPIRED_BADGE
}
