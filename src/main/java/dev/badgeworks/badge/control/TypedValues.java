package dev.badgeworks.badge.control;

import dev.badgeworks.api.ApiTime;
import dev.badgeworks.badge.entity.DataType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/** Whether a text value (custom field values, defaults and tag values are all text) parses as a data type. */
public final class TypedValues {

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,18}");

    private TypedValues() {
    }

    /**
     * Why {@code value} is not a {@code type}, or empty when it is: INTEGER a whole number (64-bit), BOOLEAN
     * {@code true}/{@code false} in any case, DATE a plain date ({@code 2026-03-05}) or any date a request
     * takes (epoch seconds or milliseconds, ISO-8601 with an offset), STRING anything.
     */
    public static Optional<String> problem(DataType type, String value) {
        String text = value.strip();
        boolean ok = switch (type) {
            case INTEGER -> WHOLE.matcher(text).matches();
            case BOOLEAN -> text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
            case DATE -> isDate(text);
            case STRING -> true;
        };
        return ok ? Optional.empty() : Optional.of("'" + excerpt(text) + "' is not " + describe(type));
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeException notPlain) {
            try {
                ApiTime.parse(text);
                return true;
            } catch (DateTimeException | ArithmeticException | NumberFormatException notInstant) {
                return false;
            }
        }
    }

    private static String describe(DataType type) {
        return switch (type) {
            case INTEGER -> "an INTEGER (a whole number)";
            case BOOLEAN -> "a BOOLEAN (true or false)";
            case DATE -> "a DATE (2026-03-05, epoch seconds or milliseconds, or ISO-8601 with an offset)";
            case STRING -> "a STRING";
        };
    }

    private static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
