package dev.badgeworks.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reading query parameters with field-referenced errors, collected so that one answer lists every problem. */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text, String field,
                                                        List<ApiError> errors) {
        Optional<E> value = JsonInput.parseEnum(type, text);
        if (value.isEmpty()) {
            errors.add(JsonInput.invalidEnum(field, text, type));
        }
        return value;
    }

    public static boolean bool(String text, String field, List<ApiError> errors) {
        if (text == null || "false".equalsIgnoreCase(text.trim())) {
            return false;
        }
        if ("true".equalsIgnoreCase(text.trim())) {
            return true;
        }
        errors.add(ErrorCode.WRONG_TYPE.at(field, "'" + field + "' must be true or false."));
        return false;
    }

    public static Instant date(String text, String field, List<ApiError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ApiTime.parse(text);
        } catch (DateTimeException e) {
            errors.add(ErrorCode.INVALID_DATE.at(field));
            return null;
        }
    }

    public static int integer(String text, String field, int fallback, int min, int max, List<ApiError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(ErrorCode.INVALID_VALUE.at(field, "'" + field + "' must be a whole number between " + min
                + " and " + max + "."));
        return fallback;
    }

    /**
     * A LIKE pattern that finds {@code text} anywhere, in any case: its own percent signs, underscores and
     * backslashes are escaped (queries name backslash as the escape character), so a name filter of "%" finds names
     * containing "%", not every badge.
     */
    public static String containsPattern(String text) {
        String escaped = text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
