package dev.badgeworks.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reading query parameters with field-referenced errors, collected so that one answer lists every problem. */
public final class QueryParams {

    private static final Pattern PLAIN_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private QueryParams() {
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text, String field,
                                                        List<ApiError> errors) {
        Optional<E> value = EnumSpellings.parse(type, text);
        if (value.isEmpty()) {
            errors.add(EnumSpellings.invalid(field, text, type));
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

    /**
     * The span a date query parameter names, null when absent (or wrong, then with 1104). Any date form a body
     * takes is one instant; a plain date ({@code 2026-03-05}: Capillary's OpenAPI declares these filters
     * {@code format: date}) is that whole UTC day, so a filter can include or exclude the day as a whole.
     */
    public static DateSpan date(String text, String field, List<ApiError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String trimmed = text.trim();
            if (PLAIN_DATE.matcher(trimmed).matches()) {
                Instant day = LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
                return new DateSpan(day, day.plus(1, ChronoUnit.DAYS).minusMillis(1));
            }
            Instant instant = ApiTime.parse(trimmed);
            return new DateSpan(instant, instant);
        } catch (DateTimeException e) {
            errors.add(ErrorCode.INVALID_DATE.at(field));
            return null;
        }
    }

    /** From its first to its last millisecond, both included; one instant for a date with a time. */
    public record DateSpan(Instant first, Instant last) {
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
