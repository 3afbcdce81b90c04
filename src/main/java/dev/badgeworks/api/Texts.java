package dev.badgeworks.api;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Text a client wants stored, held to what a person can read and compare. Two names that look the same must be
 * the same string (NFC), and nothing invisible may hide in them: no controls, no bidirectional overrides or
 * zero-width characters, no half of a surrogate pair (which the database turns into '?', so two different
 * names would list as one).
 */
public final class Texts {

    /** How much of Unicode's invisible repertoire a field may hold. */
    public enum Kind {
        /** Descriptions: tab and line breaks allowed, and the joiners scripts and emoji need. */
        TEXT,
        /** Names and passwords: one line, with the joiners scripts and emoji need. */
        LINE,
        /** Identifiers and usernames: printable characters only. */
        IDENTIFIER
    }

    private Texts() {
    }

    /** The NFC form of the text, or why it cannot be stored. */
    public static Optional<String> problem(String text, Kind kind) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = text.codePointAt(i);
                if (invisible(cp, kind)) {
                    return Optional.of(describe(cp, i));
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of("it holds half of a UTF-16 surrogate pair at position " + i);
            }
            if (invisible(c, kind)) {
                return Optional.of(describe(c, i));
            }
        }
        return Optional.empty();
    }

    /** The canonical stored form: NFC, so composed and decomposed spellings are one name. */
    public static String normalize(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static boolean invisible(int cp, Kind kind) {
        int type = Character.getType(cp);
        if (kind == Kind.TEXT && (cp == '\t' || cp == '\n' || cp == '\r')) {
            return false;
        }
        if (kind != Kind.IDENTIFIER && (cp == 0x200C || cp == 0x200D)) {
            return false;
        }
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED
                || (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
    }

    private static String describe(int cp, int index) {
        return String.format("it holds the invisible or control character U+%04X at position %d", cp, index);
    }
}
