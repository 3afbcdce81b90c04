package dev.badgeworks.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Enum values as clients write them, in bodies and query parameters alike. */
public final class EnumSpellings {

    private EnumSpellings() {
    }

    /**
     * The enum value {@code text} names in any case, with spaces or hyphens for underscores, or in one of its
     * {@link Spelled#otherSpellings()}: Capillary's documents write the same value several ways ({@code Loyalty}
     * in examples, {@code LOYALTY} in tables, {@code ISSUE EARN} in prose), and clients are written from all of
     * them. Answers always use the enum's own name (docs/decisions.md, "Enums").
     */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        String wanted = spelling(text);
        for (E e : type.getEnumConstants()) {
            if (spelling(e.name()).equals(wanted)
                    || (e instanceof Spelled spelled && spelled.otherSpellings().contains(wanted))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Upper snake case: {@code " issue-earn "} and {@code "Issue Earn"} both become {@code ISSUE_EARN}. */
    public static String spelling(String text) {
        return text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    /** 400 naming the field, the value as sent (shortened) and the values allowed. */
    public static ApiError invalid(String reference, String text, Class<? extends Enum<?>> type) {
        return new ApiError(ErrorCode.INVALID_ENUM.code(), "Invalid enum value: '" + Excerpt.of(text) + "' for the field: '"
                + reference + "'. The value must be one of: " + Arrays.toString(type.getEnumConstants()) + ".",
                reference);
    }
}
