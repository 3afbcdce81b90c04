package dev.badgeworks.imports.control;

import dev.badgeworks.api.ApiError;

/**
 * One data line of an import file as its reader read it: the line's number, its text (for the rejects file), the byte
 * offset after it (the checkpoint once its chunk commits), and why it cannot be imported, or null when it was read.
 */
public interface FileRow {

    long lineNumber();

    String text();

    long nextOffset();

    ApiError error();
}
