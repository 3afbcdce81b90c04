package dev.badgeworks.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * The date forms clients send and the one form Badgeworks answers in (docs/decisions.md, "Dates").
 * Numbers with 12 or more integer digits are epoch milliseconds (as seconds they would lie after the year
 * 5138); smaller numbers are epoch seconds, with an optional fraction. Strings are ISO-8601 with an offset,
 * or a number in a string. Everything is kept at millisecond precision.
 */
public final class ApiTime {

    static final BigDecimal MILLIS_THRESHOLD = BigDecimal.valueOf(100_000_000_000L);
    private static final DateTimeFormatter ISO_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);
    private static final Pattern NUMERIC = Pattern.compile("-?\\d+(\\.\\d+)?");

    private ApiTime() {
    }

    public static Instant parse(JsonValue value) {
        if (value instanceof JsonNumber number) {
            if (!Numbers.reasonable(number.bigDecimalValue())) {
                throw new DateTimeException("date out of range");
            }
            return fromNumber(number.bigDecimalValue());
        }
        if (value instanceof JsonString text) {
            return parse(text.getString());
        }
        throw new DateTimeException("not a date: " + value);
    }

    public static Instant parse(String text) {
        String trimmed = text.trim();
        if (trimmed.length() <= 2 * Numbers.MAX_DIGITS && NUMERIC.matcher(trimmed).matches()) {
            return fromNumber(Numbers.parse(trimmed));
        }
        return OffsetDateTime.parse(trimmed, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                .truncatedTo(ChronoUnit.MILLIS);
    }

    static Instant fromNumber(BigDecimal number) {
        BigDecimal millis = number.abs().compareTo(MILLIS_THRESHOLD) >= 0
                ? number
                : number.movePointRight(3);
        try {
            return Instant.ofEpochMilli(millis.setScale(0, RoundingMode.FLOOR).longValueExact());
        } catch (ArithmeticException e) {
            throw new DateTimeException("date out of range: " + number);
        }
    }

    /**
     * The legacy numeric form: epoch seconds, a whole number for a whole second ({@code 1795665020}, which a decoder
     * typed integer reads), otherwise with the milliseconds as three decimals ({@code 1716803487.120}).
     */
    public static BigDecimal legacy(Instant instant) {
        return instant == null ? null : legacy(instant.toEpochMilli());
    }

    public static BigDecimal legacy(Long epochMillis) {
        if (epochMillis == null) {
            return null;
        }
        return epochMillis % 1000 == 0 ? BigDecimal.valueOf(epochMillis / 1000) : BigDecimal.valueOf(epochMillis, 3);
    }

    /**
     * The ISO companion: always UTC, always milliseconds, e.g. 2024-05-27T09:51:27.123Z. Written digit by digit for
     * years 0–9999 (a page of badges has dozens of dates; the formatter was a tenth of its CPU), by the formatter
     * otherwise.
     */
    public static String iso(Instant instant) {
        if (instant == null) {
            return null;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return ISO_UTC.format(instant);
        }
        char[] c = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0', '.',
                '0', '0', '0', 'Z'};
        digits(c, 0, 4, t.getYear());
        digits(c, 5, 2, t.getMonthValue());
        digits(c, 8, 2, t.getDayOfMonth());
        digits(c, 11, 2, t.getHour());
        digits(c, 14, 2, t.getMinute());
        digits(c, 17, 2, t.getSecond());
        digits(c, 20, 3, t.getNano() / 1_000_000);
        return new String(c);
    }

    private static void digits(char[] c, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The formatter's answer, for tests that hold the fast path to it. */
    static String isoByFormatter(Instant instant) {
        return ISO_UTC.format(instant);
    }

    public static String iso(Long epochMillis) {
        return epochMillis == null ? null : iso(Instant.ofEpochMilli(epochMillis));
    }
}
