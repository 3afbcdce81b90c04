package dev.badgeworks.earn.control;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.earn.entity.Earn;

/**
 * What became of one earn command: EARNED now; DUPLICATE, a repeat of a finished request with the same content
 * (the original earn attached); CONFLICT, a requestId already used for other content; REJECTED by a rule.
 */
public record EarnOutcome(Kind kind, Earn earn, ApiError error) {

    public enum Kind { EARNED, DUPLICATE, CONFLICT, REJECTED }

    public static EarnOutcome earned(Earn earn) {
        return new EarnOutcome(Kind.EARNED, earn, null);
    }

    public static EarnOutcome repeatOf(Earn original, String fingerprint) {
        if (original.fingerprint().equals(fingerprint)) {
            return new EarnOutcome(Kind.DUPLICATE, original, ErrorCode.DUPLICATE_REQUEST.at("requestId",
                    "It was already processed: data holds the original result."));
        }
        return new EarnOutcome(Kind.CONFLICT, null, ErrorCode.DUPLICATE_REQUEST.at("requestId",
                "It was already used for a different request (other badge, customer, date or triggeredBy)."));
    }

    public static EarnOutcome rejected(ApiError error) {
        return new EarnOutcome(Kind.REJECTED, null, error);
    }
}
