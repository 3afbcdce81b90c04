package dev.badgeworks.imports.control;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.earn.control.EarnAttempt;
import dev.badgeworks.earn.control.EarnCommand;

/** One data line of an earn file: the earn it asks for, or why it cannot be read. Carries its checkpoint. */
public record ImportRow(long lineNumber, String text, long nextOffset, EarnCommand command, ApiError error)
        implements EarnAttempt, FileRow {
}
