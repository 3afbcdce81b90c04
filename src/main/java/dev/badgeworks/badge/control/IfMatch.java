package dev.badgeworks.badge.control;

import java.util.ArrayList;
import java.util.List;

/**
 * A PUT's {@code If-Match} precondition on a badge's version, whose entity tag is the version in quotes
 * ({@code "7"}). Compared strongly (RFC 9110 §13.1.1): a weak tag {@code W/"7"} never matches, as a write must
 * not rest on a weak validator. Without the header there is no precondition: Capillary's clients send none and
 * keep last-writer-wins.
 */
public final class IfMatch {

    private static final IfMatch NONE = new IfMatch(false, List.of());

    private final boolean any;
    private final List<String> tags;

    private IfMatch(boolean any, List<String> tags) {
        this.any = any;
        this.tags = tags;
    }

    /** The entity tag of a badge version, as ETag answers it. */
    public static String tagOf(long version) {
        return "\"" + version + "\"";
    }

    /** Reads the header's values (the header may repeat, each value a comma list); null or none is no precondition. */
    public static IfMatch of(List<String> headerValues) {
        if (headerValues == null || headerValues.isEmpty()) {
            return NONE;
        }
        List<String> tags = new ArrayList<>();
        boolean any = false;
        for (String value : headerValues) {
            for (String tag : split(value)) {
                if (tag.equals("*")) {
                    any = true;
                } else {
                    tags.add(tag);
                }
            }
        }
        return new IfMatch(any, List.copyOf(tags));
    }

    /** False without the header and for {@code *} (any current version): nothing to compare, no lock needed. */
    public boolean namesVersions() {
        return !any && this != NONE;
    }

    /** Whether a write over this version may go ahead. */
    public boolean allows(long version) {
        return !namesVersions() || tags.contains(tagOf(version));
    }

    /** Splits at commas outside quotes: an opaque tag may itself hold a comma. */
    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                add(parts, part);
            } else {
                part.append(c);
            }
        }
        add(parts, part);
        return parts;
    }

    private static void add(List<String> parts, StringBuilder part) {
        String tag = part.toString().trim();
        if (!tag.isEmpty()) {
            parts.add(tag);
        }
        part.setLength(0);
    }
}
