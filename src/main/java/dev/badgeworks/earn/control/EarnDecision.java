package dev.badgeworks.earn.control;

import dev.badgeworks.api.ApiError;

/** The verdict of the earn rules on one earn: refused with an error, or accepted with its dates and enrolment. */
public record EarnDecision(ApiError error, long eventMs, long expiresOnMs, String enrolmentId) {

    static EarnDecision refused(ApiError error) {
        return new EarnDecision(error, 0, 0, null);
    }

    static EarnDecision accepted(long eventMs, long expiresOnMs, String enrolmentId) {
        return new EarnDecision(null, eventMs, expiresOnMs, enrolmentId);
    }

    public boolean accepted() {
        return error == null;
    }
}
