package dev.badgeworks.api;

import java.util.Collection;
import java.util.Comparator;

/**
 * The only form in which client or file content may appear in a message (an import's {@code message}, a
 * reject's reason): at most {@link #MAX} characters, with control and other invisible characters written as
 * {@code \}{@code uXXXX} and quotes and backslashes escaped. A file is written by anyone who can drop it in the
 * inbox; its bytes must not reach an API client, a log or an operator's terminal as they are.
 */
public final class Excerpt {

    /** Characters of escaped text, not counting the ellipsis that marks a cut. */
    public static final int MAX = 40;

    private Excerpt() {
    }

    /** The text as it may be quoted: short, escaped, with "…" when it was cut. */
    public static String of(String text) {
        return escaped(text, MAX);
    }

    /** The text escaped as in {@link #of}, cut with "…" past {@code max} characters. */
    static String escaped(String text, int max) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            String shown = escape(c);
            if (out.length() + shown.length() > max) {
                return out.append('…').toString();
            }
            out.append(shown);
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /**
     * A message that may echo some of these values (an earn error naming the value it refuses) with each value
     * that is too long or not plain replaced by its excerpt; plain short values are left as they are.
     */
    public static String scrub(String message, Collection<String> values) {
        String scrubbed = message;
        // longest first: a value that contains another is replaced whole
        for (String value : values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            String excerpt = of(value);
            if (!excerpt.equals(value) && !value.isEmpty()) {
                scrubbed = scrubbed.replace(value, excerpt);
            }
        }
        return scrubbed;
    }

    private static String escape(int c) {
        if (c == '\\' || c == '\'' || c == '"') {
            return "\\" + (char) c;
        }
        if (c == ' ' || visible(c)) {
            return new String(Character.toChars(c));
        }
        StringBuilder escaped = new StringBuilder();
        for (char unit : Character.toChars(c)) {
            escaped.append(String.format("\\u%04X", (int) unit));
        }
        return escaped.toString();
    }

    /** Printable and unambiguous: no control, format (bidi overrides, zero widths), separator or unassigned. */
    private static boolean visible(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
