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

    /**
     * A command whose requestId already has an earn. An import line meeting the earn it wrote itself (after a crash
     * interrupted its chunk) counts as EARNED, so a resumed import reports what a clean run would.
     */
    public static EarnOutcome repeatOf(Earn original, EarnCommand command) {
        if (command.origin() != null && original.writtenBy(command.origin().importId(), command.origin().line())) {
            return earned(original);
        }
        return repeatOf(original, command.fingerprint());
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
