package dev.badgeworks.imports.control;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.Excerpt;

/**
 * What a client may name an import file: the {@code fileName} of an upload, and the path of an inbox file. A
 * name that breaks a rule is refused with a 400 at its field before anything touches the file system, where it
 * would have failed as a 500 (a NUL, an unpaired surrogate, a name too long for the disk).
 */
public final class FileNames {

    /**
     * Characters of a file's name. It is stored as {@code <24-character import id>-<name>} with
     * {@code .report.json} or {@code .rejects.csv} beside it, and file systems allow 255 bytes.
     */
    public static final int MAX_LENGTH = 200;

    private FileNames() {
    }

    /** An upload's name: one plain, visible, non-hidden name, not a path. */
    public static void checkName(String name, String field) {
        checkCharacters(name, field);
        if (name.isBlank()) {
            throw ErrorCode.IMPORT_FILE_INVALID.exception(field, "'" + field + "' is empty.");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            throw ErrorCode.IMPORT_FILE_INVALID.exception(field, "'" + field + "' is a file's name, not a path:"
                    + " no '/' or '\\'.");
        }
        checkFileName(name, field);
    }

    /** A path relative to the org's inbox folder, checked before it is resolved. */
    public static void checkPath(String path, String field) {
        checkCharacters(path, field);
    }

    /** The last part of a path: not hidden (a file still being written, or "." / ".."), not too long. */
    public static void checkFileName(String name, String field) {
        if (name.startsWith(".")) {
            throw ErrorCode.IMPORT_FILE_INVALID.exception(field, "The file's name may not start with '.'.");
        }
        if (name.length() > MAX_LENGTH) {
            throw ErrorCode.TOO_LONG.exception(field, "The file's name may have at most " + MAX_LENGTH
                    + " characters.");
        }
    }

    /** Keeps a checked name harmless on any disk: letters, digits, dot, dash and underscore. */
    public static String stored(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void checkCharacters(String text, String field) {
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            if (Character.isISOControl(c)) {
                throw ErrorCode.IMPORT_FILE_INVALID.exception(field, "'" + field + "' may not contain control"
                        + " characters (" + Excerpt.of(Character.toString(c)) + ").");
            }
            if (Character.getType(c) == Character.SURROGATE) {
                throw ErrorCode.IMPORT_FILE_INVALID.exception(field, "'" + field + "' is not valid Unicode (an"
                        + " unpaired surrogate).");
            }
        }
    }
}
