package dev.badgeworks.customer.entity;

/**
 * A customer's standing with one badge: their active (unrevoked) earns — how many, the latest processing date,
 * event date and expiry among them — and their unrevoked enrolments (how many, the latest issued, the latest
 * expiry). Dates are epoch milliseconds, null when there is nothing to date.
 */
public record CustomerStanding(long earned, Long lastEarnedOnMs, Long lastEventMs, Long lastExpiresOnMs,
                               long issued, Long lastIssuedOnMs, Long enrolledUntilMs) {

    public static final CustomerStanding NONE = new CustomerStanding(0, null, null, null, 0, null, null);

    /** Whether at least one of the customer's earns is neither revoked nor expired at {@code nowMs}. */
    public boolean hasLiveEarn(long nowMs) {
        return earned > 0 && lastExpiresOnMs != null && lastExpiresOnMs >= nowMs;
    }

    /** Whether one of the customer's enrolments runs at {@code nowMs} (enrolments of a badge never overlap). */
    public boolean enrolledAt(long nowMs) {
        return issued > 0 && enrolledUntilMs != null && enrolledUntilMs >= nowMs;
    }

    /**
     * The state of the customer's enrolment in an ISSUE_EARN badge: ACTIVE while one runs, EXPIRED when all have
     * ended, null when never enrolled (or every enrolment was revoked).
     */
    public String issueStatus(long nowMs) {
        return issued == 0 ? null : enrolledAt(nowMs) ? "ACTIVE" : "EXPIRED";
    }
}
