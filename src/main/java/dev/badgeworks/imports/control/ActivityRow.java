package dev.badgeworks.imports.control;

import dev.badgeworks.activity.control.ActivityAttempt;
import dev.badgeworks.activity.control.ActivityCommand;
import dev.badgeworks.api.ApiError;

/** One data line of an activity file: the activity it records, or why it cannot be read. Carries its checkpoint. */
public record ActivityRow(long lineNumber, String text, long nextOffset, ActivityCommand command, ApiError error)
        implements ActivityAttempt, FileRow {
}
