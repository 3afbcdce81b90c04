package dev.badgeworks.earn.control;

import dev.badgeworks.api.ApiError;

/**
 * One item of a list of earns: a command, or the reason the item could not be read (it is then rejected with that
 * error, in its place). The earn service answers one outcome per attempt, in order, whatever the source.
 */
public interface EarnAttempt {

    EarnCommand command();

    ApiError error();
}
