package dev.badgeworks.activity.control;

import dev.badgeworks.api.ApiError;

/**
 * One item of a list of activities: a command, or the reason the item could not be read (it is then rejected with
 * that error, in its place). The activity service answers one outcome per attempt, in order, whatever the source.
 */
public interface ActivityAttempt {

    ActivityCommand command();

    ApiError error();
}
