package dev.badgeworks.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiTimeTest {

    private static final Instant MAY_27 = Instant.parse("2024-05-27T09:51:27Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1716803487                    | 2024-05-27T09:51:27.000Z",
            "1716803487.123                | 2024-05-27T09:51:27.123Z",
            "1716803487.1239               | 2024-05-27T09:51:27.123Z",
            "1716803487123                 | 2024-05-27T09:51:27.123Z",
            "'  1716803487 '               | 2024-05-27T09:51:27.000Z",
            "0                             | 1970-01-01T00:00:00.000Z",
            "2024-05-27T09:51:27.123Z      | 2024-05-27T09:51:27.123Z",
            "2024-05-27T15:21:27.123+05:30 | 2024-05-27T09:51:27.123Z",
            "2024-05-27T09:51:27.123456Z   | 2024-05-27T09:51:27.123Z",
            "2024-05-27T04:51:27-05:00     | 2024-05-27T09:51:27.000Z"})
    void parsesStrings(String text, String expected) {
        assertEquals(Instant.parse(expected), ApiTime.parse(text));
    }

    @Test
    void parsesJsonNumbersAsSecondsOrMilliseconds() {
        assertEquals(Instant.ofEpochMilli(1_770_034_996_715L),
                ApiTime.parse(Json.createValue(new BigDecimal("1770034996.715319000"))));
        assertEquals(MAY_27, ApiTime.parse(Json.createValue(1_716_803_487L)));
        assertEquals(MAY_27, ApiTime.parse(Json.createValue(1_716_803_487_000L)));
        assertEquals(MAY_27, ApiTime.parse(Json.createValue("2024-05-27T15:21:27+05:30")));
    }

    @ParameterizedTest
    @CsvSource({
            "99999999999, 99999999999000",
            "100000000000, 100000000000",
            "-99999999999, -99999999999000",
            "-100000000000, -100000000000"})
    void numbersFrom1e11AreMilliseconds(long number, long expectedMillis) {
        assertEquals(Instant.ofEpochMilli(expectedMillis), ApiTime.parse(Json.createValue(number)));
        assertEquals(Instant.ofEpochMilli(expectedMillis), ApiTime.parse(Long.toString(number)));
    }

    @Test
    void zuluAndOffsetFormsAreTheSameInstant() {
        assertEquals(ApiTime.parse("2024-05-27T09:51:27Z"), ApiTime.parse("2024-05-27T15:21:27+05:30"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-27T09:51:27", "2024-05-27", "garbage", "", "1716803487.", "12:00Z",
            "99999999999999999999999"})
    void rejectsIsoWithoutOffsetAndGarbage(String text) {
        assertThrows(DateTimeException.class, () -> ApiTime.parse(text));
    }

    @Test
    void rejectsNonDateJsonValues() {
        assertThrows(DateTimeException.class, () -> ApiTime.parse(JsonValue.TRUE));
        assertThrows(DateTimeException.class, () -> ApiTime.parse(Json.createObjectBuilder().build()));
    }

    @Test
    void legacyIsEpochSecondsWholeOrWithThreeDecimals() {
        assertEquals("1716803487.123", ApiTime.legacy(MAY_27.plusMillis(123)).toPlainString());
        assertEquals("1716803487", ApiTime.legacy(MAY_27).toString(), "a whole second is an integer");
        assertEquals("1716803487.005", ApiTime.legacy(1_716_803_487_005L).toPlainString());
        assertNull(ApiTime.legacy((Instant) null));
        assertNull(ApiTime.legacy((Long) null));
    }

    @Test
    void isoIsAlwaysUtcWithMilliseconds() {
        assertEquals("2024-05-27T09:51:27.000Z", ApiTime.iso(ApiTime.parse("2024-05-27T15:21:27+05:30")));
        assertEquals("2024-05-27T09:51:27.120Z", ApiTime.iso(MAY_27.plusMillis(120)));
        assertEquals("1970-01-01T00:00:00.000Z", ApiTime.iso(0L));
        assertNull(ApiTime.iso((Instant) null));
        assertNull(ApiTime.iso((Long) null));
    }

    @Test
    void answeredFormsParseBackToTheSameInstant() {
        Instant instant = Instant.ofEpochMilli(1_770_034_996_715L);
        assertEquals(instant, ApiTime.parse(ApiTime.legacy(instant).toPlainString()));
        assertEquals(instant, ApiTime.parse(Json.createValue(ApiTime.legacy(instant))));
        assertEquals(instant, ApiTime.parse(ApiTime.iso(instant)));
    }

    @Test
    void theIsoAnswerIsTheFormattersForEveryYearAndMillisecond() {
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 100_000; i++) {
            Instant t = Instant.ofEpochMilli(random.nextLong() % 253_402_300_799_999L);
            assertEquals(ApiTime.isoByFormatter(t), ApiTime.iso(t), t::toString);
        }
        for (Instant t : new Instant[] {Instant.EPOCH, Instant.parse("9999-12-31T23:59:59.999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-01-01T00:00:00Z"),
                Instant.parse("0000-01-01T00:00:00.001Z")}) {
            assertEquals(ApiTime.isoByFormatter(t), ApiTime.iso(t), t::toString);
        }
    }
}
