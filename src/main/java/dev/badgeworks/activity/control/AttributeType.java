package dev.badgeworks.activity.control;

import dev.badgeworks.api.ApiTime;
import dev.badgeworks.api.Numbers;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The type a rule reads an attribute as. An attribute is read by the type the rule asks for, not by how it was
 * sent, so {@code 42.5} in a JSON body and {@code "42.5"} in a CSV column are the same amount, and {@code 7} and
 * {@code "7"} the same store: the same activities give the same result whichever way they arrived.
 */
public enum AttributeType {
    /** Compared as BigDecimal: 50 equals 50.00. Text that is a plain decimal number is read too. */
    NUMBER(BigDecimal.class),
    /** Compared as text, case-sensitively, in UTF-16 order; a number reads as its plain text, a boolean as true. */
    STRING(String.class),
    /** Compared as instants, in any date form the API accepts (epoch seconds or milliseconds, ISO-8601 with offset). */
    DATE(Instant.class),
    /** true or false, as a JSON boolean or as text in any case; only equality operators apply. */
    BOOLEAN(Boolean.class);

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final Class<?> javaType;

    AttributeType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** Whether {@code value} is already in this type's form (what a condition's values must be). */
    public boolean holds(Object value) {
        return javaType.isInstance(value);
    }

    /** Whether LT, LE, GT and GE apply. */
    public boolean ordered() {
        return this != BOOLEAN;
    }

    /** The value read as this type, or null when it cannot be (a condition on it is then not met). */
    public Object read(Object raw) {
        return switch (this) {
            case NUMBER -> number(raw);
            case STRING -> raw instanceof BigDecimal n ? n.toPlainString()
                    : raw instanceof String || raw instanceof Boolean ? raw.toString() : null;
            case DATE -> date(raw);
            case BOOLEAN -> raw instanceof Boolean ? raw : bool(raw);
        };
    }

    /** Compares two values this type {@linkplain #read read}. */
    @SuppressWarnings("unchecked")
    int compare(Object a, Object b) {
        return ((Comparable<Object>) a).compareTo(b);
    }

    private static BigDecimal number(Object raw) {
        if (raw instanceof BigDecimal n) {
            return Numbers.reasonable(n) ? n : null;
        }
        if (raw instanceof String text && DECIMAL.matcher(text.strip()).matches()) {
            try {
                return Numbers.parse(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Instant date(Object raw) {
        if (raw instanceof Instant instant) {
            return instant;
        }
        String text = raw instanceof BigDecimal n && Numbers.reasonable(n) ? n.toPlainString()
                : raw instanceof String s ? s : null;
        if (text == null) {
            return null;
        }
        try {
            return ApiTime.parse(text);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Boolean bool(Object raw) {
        if (raw instanceof String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }
}
