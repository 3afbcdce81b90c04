package dev.badgeworks.activity.control;

import static dev.badgeworks.activity.control.ActivityFixture.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.activity.control.Condition.Operator;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityConditionTest {

    private static boolean test(Operator op, AttributeType type, Object attribute, Object... values) {
        return Condition.of("x", op, type, values).test(Map.of("x", attribute));
    }

    /** Which operators hold for {@code attribute} against {@code value}, e.g. "LT LE NE". */
    private static String holding(AttributeType type, Object attribute, Object value) {
        StringBuilder out = new StringBuilder();
        for (Operator op : Operator.values()) {
            if (test(op, type, attribute, value)) {
                out.append(out.length() == 0 ? "" : " ").append(op);
            }
        }
        return out.toString();
    }

    @Test
    void numbersCompareByValue() {
        BigDecimal fifty = new BigDecimal("50");
        assertEquals("NE LT LE", holding(AttributeType.NUMBER, new BigDecimal("49.99"), fifty));
        assertEquals("EQ LE GE IN", holding(AttributeType.NUMBER, new BigDecimal("50.00"), fifty));
        assertEquals("NE GT GE", holding(AttributeType.NUMBER, new BigDecimal("50.01"), fifty));
        assertEquals("EQ LE GE IN", holding(AttributeType.NUMBER, " 50.0 ", fifty));
        assertEquals("NE LT LE", holding(AttributeType.NUMBER, "-7", fifty));
    }

    @Test
    void stringsCompareAsTextCaseSensitively() {
        assertEquals("NE LT LE", holding(AttributeType.STRING, "S1", "S2"));
        assertEquals("EQ LE GE IN", holding(AttributeType.STRING, "S2", "S2"));
        assertEquals("NE GT GE", holding(AttributeType.STRING, "s2", "S2"));
        assertEquals("EQ LE GE IN", holding(AttributeType.STRING, new BigDecimal("7"), "7"));
        assertEquals("NE LT LE", holding(AttributeType.STRING, new BigDecimal("7.0"), "7.00"));
        assertEquals("EQ LE GE IN", holding(AttributeType.STRING, true, "true"));
    }

    @Test
    void datesCompareAsInstantsInEveryFormTheApiAccepts() {
        Object noon = at("2026-03-10T12:00:00Z");
        assertEquals("EQ LE GE IN", holding(AttributeType.DATE, "2026-03-10T13:00:00+01:00", noon));
        assertEquals("EQ LE GE IN", holding(AttributeType.DATE, new BigDecimal("1773144000000"), noon));
        assertEquals("EQ LE GE IN", holding(AttributeType.DATE, "1773144000000", noon));
        assertEquals("EQ LE GE IN", holding(AttributeType.DATE, new BigDecimal("1773144000"), noon));
        assertEquals("NE LT LE", holding(AttributeType.DATE, "2026-03-10T11:59:59.999Z", noon));
        assertEquals("NE GT GE", holding(AttributeType.DATE, "2026-03-10T12:00:00.001Z", noon));
    }

    @Test
    void booleansCompareForEquality() {
        assertEquals("EQ LE GE IN", holding(AttributeType.BOOLEAN, true, Boolean.TRUE));
        assertEquals("EQ LE GE IN", holding(AttributeType.BOOLEAN, " TRUE ", Boolean.TRUE));
        assertEquals("NE GT GE", holding(AttributeType.BOOLEAN, "true", Boolean.FALSE));
    }

    @Test
    void inHoldsForAnyOfItsValues() {
        assertTrue(test(Operator.IN, AttributeType.STRING, "S2", "S1", "S2", "S3"));
        assertFalse(test(Operator.IN, AttributeType.STRING, "S4", "S1", "S2", "S3"));
        assertTrue(test(Operator.IN, AttributeType.NUMBER, "3.0", new BigDecimal("1"), new BigDecimal("3")));
        assertTrue(test(Operator.IN, AttributeType.DATE, "2026-03-10T12:00:00Z", at("2026-03-10T12:00:00Z")));
    }

    @Test
    void aMissingAttributeMeetsNoCondition() {
        for (Operator op : Operator.values()) {
            assertFalse(Condition.of("amount", op, AttributeType.NUMBER, new BigDecimal("50")).test(Map.of("other", "x")),
                    op.toString());
        }
    }

    @Test
    void aValueOfAnotherTypeMeetsNoCondition() {
        BigDecimal fifty = new BigDecimal("50");
        assertEquals("", holding(AttributeType.NUMBER, "fifty", fifty));
        assertEquals("", holding(AttributeType.NUMBER, true, fifty));
        assertEquals("", holding(AttributeType.NUMBER, "5e1", fifty));
        assertEquals("", holding(AttributeType.DATE, "10 March", at("2026-03-10T12:00:00Z")));
        assertEquals("", holding(AttributeType.DATE, "2026-03-10T12:00:00", at("2026-03-10T12:00:00Z")));
        assertEquals("", holding(AttributeType.DATE, false, at("2026-03-10T12:00:00Z")));
        assertEquals("", holding(AttributeType.BOOLEAN, "yes", Boolean.TRUE));
        assertEquals("", holding(AttributeType.BOOLEAN, BigDecimal.ONE, Boolean.TRUE));
    }

    @Test
    void readingKeepsNumbersToASaneSize() {
        assertNull(AttributeType.NUMBER.read(new BigDecimal("1e100")));
        assertNull(AttributeType.NUMBER.read("1" + "0".repeat(100)));
        assertNull(AttributeType.DATE.read(new BigDecimal("1e100")));
        assertEquals(new BigDecimal("42.5"), AttributeType.NUMBER.read("42.5"));
        assertEquals("42.50", AttributeType.STRING.read(new BigDecimal("42.50")));
    }
}
