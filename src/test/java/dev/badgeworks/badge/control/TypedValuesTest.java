package dev.badgeworks.badge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.badge.entity.DataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypedValuesTest {

    @ParameterizedTest
    @CsvSource({
        "INTEGER, 42, true", "INTEGER, -7, true", "INTEGER, ' 3 ', true", "INTEGER, 1.5, false",
        "INTEGER, 99999999999999999999, false", "INTEGER, gold, false",
        "BOOLEAN, true, true", "BOOLEAN, FALSE, true", "BOOLEAN, yes, false", "BOOLEAN, 1, false",
        "DATE, 2026-03-05, true", "DATE, 2026-03-05T10:00:00+05:30, true", "DATE, 1772705742, true",
        "DATE, 2026-03-05T10:00:00, false", "DATE, soon, false", "DATE, 2026-02-30, false",
        "STRING, anything at all, true"})
    void aValueParsesAsItsTypeOrSaysWhyNot(DataType type, String value, boolean ok) {
        assertEquals(ok, TypedValues.problem(type, value).isEmpty(), type + " " + value);
        TypedValues.problem(type, value).ifPresent(p -> assertTrue(p.contains(type.name()), p));
    }
}
