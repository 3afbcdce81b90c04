package dev.badgeworks.earn.control;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.earn.entity.Earn;

/**
 * What became of an earn a rule asks for (a completion of an activity rule), which may have been asked for before:
 * EARNED now; ALREADY_EARNED at this date (or revoked since: never earned again); MOVED, made before at another date
 * and now at the date asked (back-dated activities changed when the completion happened); REFUSED by a rule
 * ({@code error}), the earn that may exist ({@code earn}) kept as it was.
 */
public record SettledEarn(EarnCommand command, Status status, Earn earn, ApiError error) {

    public enum Status { EARNED, ALREADY_EARNED, MOVED, REFUSED }
}
