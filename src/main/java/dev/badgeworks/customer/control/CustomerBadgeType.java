package dev.badgeworks.customer.control;

/**
 * The categories of the customer endpoints' {@code badgeType} filter (docs/decisions.md, "The customer's side"):
 * <ul>
 *   <li>AVAILABLE — the customer can earn it now: active, live, and direct (EARN) or with a running enrolment;</li>
 *   <li>AVAILABLE_TO_ISSUE — the customer can be enrolled now: an active, live ISSUE_EARN badge without a running
 *   enrolment of theirs;</li>
 *   <li>EARNED — the customer holds it: at least one earn neither revoked nor expired (with includeExpired, any
 *   unrevoked earn);</li>
 *   <li>EXPIRED — the customer held it: unrevoked earns, all expired.</li>
 * </ul>
 * A revoked earn counts nowhere: a badge whose earns were all revoked is no longer the customer's.
 */
public enum CustomerBadgeType {
    AVAILABLE, EARNED, AVAILABLE_TO_ISSUE, EXPIRED
}
