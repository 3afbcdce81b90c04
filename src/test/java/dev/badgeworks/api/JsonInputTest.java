package dev.badgeworks.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.badge.entity.EarnType;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.badge.entity.WindowUnit;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonInputTest {

    /** JSON with single quotes, for readable literals. */
    static JsonInput json(String singleQuoted) {
        return JsonInput.parse(singleQuoted.replace('\'', '"'));
    }

    static List<String> codesAndReferences(JsonInput in) {
        return in.errors().stream().map(e -> e.code() + " " + e.reference()).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'id': 42}                   | 42",
            "{'id': 12345678901234567890} | 12345678901234567890",
            "{'id': 'b-42'}               | b-42",
            "{'id': '  b-42 '}            | b-42",
            "{'id': '0042'}               | 0042"})
    void identifierAcceptsStringsAndWholeNumbers(String body, String expected) {
        JsonInput in = json(body);
        assertEquals(expected, in.identifier("id", 64, ErrorCode.FIELD_REQUIRED));
        assertTrue(in.valid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'id': 1.5}", "{'id': {'x': 1}}", "{'id': [1]}", "{'id': true}"})
    void identifierRejectsOtherTypes(String body) {
        JsonInput in = json(body);
        assertNull(in.identifier("id", 64, ErrorCode.FIELD_REQUIRED));
        assertEquals(List.of("1102 id"), codesAndReferences(in));
    }

    @Test
    void tooLongTextIsRejectedWithItsReference() {
        JsonInput in = json("{'name': 'abcde', 'other': 'abcdef', 'id': 'abcdef', 'num': 123456}");
        assertEquals("abcde", in.text("name", 5, null));
        assertNull(in.text("other", 5, null));
        assertNull(in.identifier("id", 5, null));
        assertNull(in.identifier("num", 5, null));
        assertEquals(List.of("1103 other", "1103 id", "1103 num"), codesAndReferences(in));
    }

    @Test
    void missingRequiredFieldsGetTheGivenCode() {
        JsonInput in = json("{'nothing': null, 'blank': '   '}");
        assertNull(in.text("name", 10, ErrorCode.FIELD_REQUIRED));
        assertNull(in.identifier("nothing", 10, ErrorCode.OWNER_ID_MISSING));
        assertNull(in.text("blank", 10, ErrorCode.FIELD_REQUIRED));
        assertNull(in.text("optional", 10, null));
        assertEquals(List.of("1101 name", "717 nothing", "1101 blank"), codesAndReferences(in));
    }

    @Test
    void enumValuesAreReadInAnySpellingAndTheErrorListsAllowedValues() {
        JsonInput in = json("{'good': 'ISSUE_EARN', 'prose': 'Issue Earn', 'lower': ' issue-earn ', 'owner': 'LOYALTY',"
                + " 'plural': 'LOYALTY_PROMOTIONS', 'daily': 'daily', 'bad': 'earned'}");
        assertEquals(EarnType.ISSUE_EARN, in.enumValue("good", EarnType.class, ErrorCode.FIELD_REQUIRED));
        assertEquals(EarnType.ISSUE_EARN, in.enumValue("prose", EarnType.class, ErrorCode.FIELD_REQUIRED));
        assertEquals(EarnType.ISSUE_EARN, in.enumValue("lower", EarnType.class, ErrorCode.FIELD_REQUIRED));
        assertEquals(OwnerType.Loyalty, in.enumValue("owner", OwnerType.class, ErrorCode.FIELD_REQUIRED));
        assertEquals(OwnerType.Loyalty_Promotion, in.enumValue("plural", OwnerType.class, ErrorCode.FIELD_REQUIRED));
        assertEquals(WindowUnit.DAYS, in.enumValue("daily", WindowUnit.class, ErrorCode.FIELD_REQUIRED));
        assertTrue(in.valid());
        assertNull(in.enumValue("bad", EarnType.class, ErrorCode.FIELD_REQUIRED));
        ApiError error = in.errors().get(0);
        assertEquals(400, error.code());
        assertEquals("bad", error.reference());
        assertTrue(error.message().contains("'earned'") && error.message().contains("[EARN, ISSUE_EARN]"),
                error.message());
    }

    @Test
    void isoDateFieldWinsOverLegacyField() {
        JsonInput in = json("{'startOn': 1716803487, 'startOnISO': '2025-01-01T00:00:00+01:00'}");
        assertEquals(Instant.parse("2024-12-31T23:00:00Z"), in.date("startOn", "startOnISO", ErrorCode.FIELD_REQUIRED));
        assertTrue(in.valid());
    }

    @Test
    void legacyDateIsUsedWithoutIsoField() {
        JsonInput in = json("{'startOn': 1716803487123, 'startOnISO': null}");
        assertEquals(Instant.ofEpochMilli(1716803487123L), in.date("startOn", "startOnISO", ErrorCode.FIELD_REQUIRED));
        assertTrue(in.valid());
    }

    @Test
    void badDatesAreReportedOnTheFieldThatWasUsed() {
        JsonInput in = json("{'a': 'soon', 'bISO': 1716803487, 'cISO': '2025-01-01T00:00:00'}");
        assertNull(in.date("a", "aISO", ErrorCode.FIELD_REQUIRED));
        assertNull(in.date("b", "bISO", ErrorCode.FIELD_REQUIRED));
        assertNull(in.date("c", "cISO", ErrorCode.FIELD_REQUIRED));
        assertNull(in.date("d", "dISO", ErrorCode.FIELD_REQUIRED));
        assertEquals(List.of("1104 a", "1102 bISO", "1104 cISO", "1101 d"), codesAndReferences(in));
    }

    @Test
    void nestedObjectErrorsCarryTheFullPath() {
        JsonInput in = json("{'earnedBadgeExpiry': {'value': 'ten', 'inner': {}}, 'notObject': 3}");
        JsonInput expiry = in.object("earnedBadgeExpiry", ErrorCode.FIELD_REQUIRED);
        assertNull(expiry.integer("value", 1, 10, ErrorCode.FIELD_REQUIRED));
        assertNull(expiry.object("inner", null).text("name", 5, ErrorCode.FIELD_REQUIRED));
        assertNull(in.object("notObject", ErrorCode.FIELD_REQUIRED));
        assertNull(in.object("absent", ErrorCode.FIELD_REQUIRED));
        assertEquals(List.of("1102 earnedBadgeExpiry.value", "1101 earnedBadgeExpiry.inner.name",
                "1102 notObject", "1101 absent"), codesAndReferences(in));
    }

    @Test
    void arrayElementsAreReadWithIndexedPaths() {
        JsonInput in = json("{'items': [{'n': 'a'}, {'n': ''}, 3, {'n': 'd'}]}");
        List<String> names = in.objects("items", ErrorCode.FIELD_REQUIRED, i -> i.text("n", 5, ErrorCode.FIELD_REQUIRED));
        assertEquals(Arrays.asList("a", null, "d"), names);
        assertEquals(List.of("1101 items[1].n", "1102 items[2]"), codesAndReferences(in));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{'n': 0} | 0", "{'n': 10} | 10", "{'n': '7'} | 7", "{'n': 5.0} | 5"})
    void integerAcceptsWholeNumbersWithinBounds(String body, int expected) {
        JsonInput in = json(body);
        assertEquals(expected, in.integer("n", 0, 10, ErrorCode.FIELD_REQUIRED));
        assertTrue(in.valid());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{'n': -1} | 1105", "{'n': 11} | 1105", "{'n': 1.5} | 1102",
            "{'n': 'x'} | 1102", "{'n': true} | 1102"})
    void integerRejectsOutOfRangeAndNonWholeValues(String body, int code) {
        JsonInput in = json(body);
        assertNull(in.integer("n", 0, 10, ErrorCode.FIELD_REQUIRED));
        assertEquals(List.of(code + " n"), codesAndReferences(in));
    }

    @Test
    void boolAcceptsJsonBooleansAndTheirStrings() {
        JsonInput in = json("{'a': true, 'b': 'false', 'c': 'yes'}");
        assertEquals(Boolean.TRUE, in.bool("a", null));
        assertEquals(Boolean.FALSE, in.bool("b", null));
        assertNull(in.bool("c", null));
        assertEquals(List.of("1102 c"), codesAndReferences(in));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": ", "not json", "", "   ", "[1, 2]", "\"text\"", "{\"a\": 1,}"})
    void malformedOrNonObjectBodiesAreRefusedWith400(String body) {
        ApiException e = assertThrows(ApiException.class, () -> JsonInput.parse(body));
        assertEquals(400, e.errors().get(0).code());
        assertEquals(400, e.httpStatus());
    }

    @Test
    void errorsAreCollectedAndThrownOnlyOnRequest() {
        JsonInput in = json("{'id': 1.5, 'type': 'nope'}");
        in.identifier("id", 10, ErrorCode.FIELD_REQUIRED);
        in.enumValue("type", EarnType.class, ErrorCode.FIELD_REQUIRED);
        in.text("name", 10, ErrorCode.FIELD_REQUIRED);
        assertFalse(in.valid());
        ApiException e = assertThrows(ApiException.class, in::throwIfInvalid);
        assertEquals(List.of("1102 id", "400 type", "1101 name"),
                e.errors().stream().map(x -> x.code() + " " + x.reference()).toList());
    }

    @Test
    void validInputDoesNotThrow() {
        JsonInput in = json("{'id': 'x'}");
        in.identifier("id", 10, ErrorCode.FIELD_REQUIRED);
        assertDoesNotThrow(in::throwIfInvalid);
    }

    @Test
    void somethingAfterTheDocumentIsAParseErrorNotIgnored() {
        for (String body : new String[] {"{\"a\": 1}GARBAGE", "{\"a\": 1} {\"b\": 2}", "[1] 2"}) {
            ApiException e = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                    () -> JsonInput.parseValue(body), body);
            assertEquals(400, e.errors().get(0).code(), body);
        }
        assertEquals(1, JsonInput.parse("  {\"a\": 1}  \n").raw().getInt("a"), "whitespace around it is fine");
    }
}
