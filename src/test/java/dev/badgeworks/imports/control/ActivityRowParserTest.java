package dev.badgeworks.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.activity.control.ActivityCommand;
import dev.badgeworks.activity.control.ActivityReader;
import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.JsonInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lines of activity files read as the activity body POST /activities takes (issue 29). */
class ActivityRowParserTest {

    static final String HASH = RowParserTest.HASH;

    final ActivityRowParser csv = ActivityRowParser.csv("import-1", HASH,
            "requestId,customerId,activity,eventDate,amount,storeId");

    /** What the REST endpoint reads from this body. */
    private static ActivityCommand rest(String body) {
        JsonInput in = JsonInput.parse(body);
        ActivityCommand command = ActivityReader.read(in, Instant.now());
        assertTrue(in.valid(), () -> in.errors().toString());
        return command;
    }

    @Test
    void aCsvRowBecomesTheActivityRestWouldBuildFromItsCellsAsTextWithItsOrigin() {
        ActivityRow row = csv.parse(7, "a-1,42,TransactionAdd,2026-11-20T10:00:00+01:00,42.50,S1", 300);
        assertNull(row.error());
        ActivityCommand c = row.command();
        assertEquals("a-1", c.requestId());
        assertEquals("42", c.customerId());
        assertEquals("TransactionAdd", c.activity().activity());
        assertEquals(Instant.parse("2026-11-20T09:00:00Z"), c.activity().eventDate());
        assertTrue(c.dated());
        assertEquals(Map.of("amount", "42.50", "storeId", "S1"), c.activity().attributes(), "cells arrive as text");
        assertEquals(new ActivityCommand.Origin("import-1", 7), c.origin());
        assertEquals(300, row.nextOffset());
        assertEquals(7, row.lineNumber());
        // the same object REST builds from the same body, attributes as strings
        assertEquals(rest("{\"requestId\":\"a-1\",\"customerId\":\"42\",\"activity\":\"TransactionAdd\","
                + "\"eventDate\":\"2026-11-20T10:00:00+01:00\",\"attributes\":{\"amount\":\"42.50\","
                + "\"storeId\":\"S1\"}}").fingerprint(), c.fingerprint());
        // a number sent as a number is other content (a retry sends the same body); rules still read both as 42.5
        assertNotEquals(rest("{\"requestId\":\"a-1\",\"customerId\":\"42\",\"activity\":\"TransactionAdd\","
                + "\"eventDate\":\"2026-11-20T10:00:00+01:00\",\"attributes\":{\"amount\":42.50,"
                + "\"storeId\":\"S1\"}}").fingerprint(), c.fingerprint());
    }

    @Test
    void anEmptyCellIsAnAbsentAttributeAndAnEmptyDateAnUndatedActivity() {
        Instant before = Instant.now();
        ActivityCommand c = csv.parse(3, "a-2,42,Visit,,,S1", 0).command();
        assertEquals(Map.of("storeId", "S1"), c.activity().attributes());
        assertFalse(c.dated(), "dated when read, like a REST activity without a date");
        assertFalse(c.activity().eventDate().isBefore(before) || c.activity().eventDate().isAfter(Instant.now()));
        assertEquals(Map.of(), csv.parse(4, "a-3,42,Visit,,,", 0).command().activity().attributes());
        assertEquals(rest("{\"requestId\":\"a-3\",\"customerId\":\"42\",\"activity\":\"Visit\"}").fingerprint(),
                csv.parse(4, "a-3,42,Visit,,,", 0).command().fingerprint(), "no attributes: as a body without any");
    }

    @Test
    void aRowWithoutRequestIdGetsOneFromTheFileHashAndLine() {
        assertEquals("0123456789abcdef:9", csv.parse(9, ",42,Visit,,,", 0).command().requestId());
        assertEquals("0123456789abcdef:10", csv.parse(10, "  ,42,Visit,,,", 0).command().requestId());
        ActivityRowParser noRequestIds = ActivityRowParser.csv("i", HASH, "customerId,activity");
        assertEquals("0123456789abcdef:2", noRequestIds.parse(2, "42,Visit", 0).command().requestId());
        assertEquals(csv.parse(9, ",42,Visit,,,", 0).command().requestId(),
                csv.parse(9, ",42,Visit,,,", 0).command().requestId(), "the same line of the same file: the same id");
    }

    @Test
    void columnsComeInAnyOrderTheFieldsInAnyCaseAndAttributesKeepTheirSpelling() {
        ActivityRowParser reordered = ActivityRowParser.csv("i", HASH, "Amount,ACTIVITY,customerid,EventDate,store Id");
        ActivityCommand c = reordered.parse(2, "19.99,Purchase,7,1716803487,\"S, 1\"", 0).command();
        assertEquals("7", c.customerId());
        assertEquals("Purchase", c.activity().activity());
        assertEquals(Instant.ofEpochSecond(1716803487), c.activity().eventDate());
        assertEquals(Map.of("Amount", "19.99", "store Id", "S, 1"), c.activity().attributes());
    }

    @Test
    void aJsonLineIsTheRestBodyWithItsTypesAndABlankRequestIdIsDerived() {
        ActivityRowParser jsonl = ActivityRowParser.jsonLines("i", HASH);
        String rest = ",\"customerId\":1,\"activity\":\"Purchase\",\"attributes\":{\"amount\":42.5,\"vip\":true}}";
        ActivityCommand c = jsonl.parse(2, "{\"requestId\":12345" + rest, 0).command();
        assertEquals("12345", c.requestId());
        assertTrue(c.requestIdAsNumber());
        assertEquals(Map.of("amount", new BigDecimal("42.5"), "vip", true), c.activity().attributes());
        assertEquals(new ActivityCommand.Origin("i", 2), c.origin());
        assertEquals("0123456789abcdef:4", jsonl.parse(4, "{\"requestId\":\"  \"" + rest, 0).command().requestId());
        assertEquals("0123456789abcdef:5", jsonl.parse(5, "{\"requestId\":null" + rest, 0).command().requestId());
        assertEquals("0123456789abcdef:6", jsonl.parse(6, "{" + rest.substring(1), 0).command().requestId());
    }

    @Test
    void badRowsCarryTheRestCodeAndField() {
        assertError(1105, "line", csv.parse(2, "too,few", 0).error());
        assertError(400, "line", csv.parse(2, "a,\"unterminated", 0).error());
        assertError(812, "customerId", csv.parse(2, "a,,Visit,,,", 0).error());
        assertError(1101, "activity", csv.parse(2, "a,42,,,,", 0).error());
        assertError(1104, "eventDate", csv.parse(2, "a,42,Visit,yesterday,,", 0).error());
        assertError(1103, "attributes.storeId", csv.parse(2, "a,42,Visit,,," + "s".repeat(257), 0).error());
        ActivityRowParser jsonl = ActivityRowParser.jsonLines("i", HASH);
        assertError(400, null, jsonl.parse(2, "{\"activity\": broken", 0).error());
        assertError(400, null, jsonl.parse(2, "[1,2]", 0).error());
        assertError(1102, "attributes.basket", jsonl.parse(2, "{\"customerId\":1,\"activity\":\"Purchase\","
                + "\"attributes\":{\"basket\":[1,2]}}", 0).error());
        StringBuilder many = new StringBuilder("{\"customerId\":1,\"activity\":\"Purchase\",\"attributes\":{");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":").append(i);
        }
        assertError(1127, "attributes", jsonl.parse(2, many.append("}}").toString(), 0).error());
        ActivityRow unread = csv.parse(3, "a,,Visit,,,", 9);
        assertNull(unread.command());
        assertEquals(3, unread.lineNumber());
        assertEquals("a,,Visit,,,", unread.text());
        assertEquals(9, unread.nextOffset());
    }

    /** Issue 9, finding 1, for activity files too: a refused value is quoted only as a short, escaped excerpt. */
    @Test
    void fileContentInAMessageIsAShortEscapedExcerpt() {
        String name = "Visit\u0007" + "q".repeat(10_000);
        String reason = ActivityRowParser.jsonLines("i", HASH).parse(2, "{\"customerId\":1,\"activity\":\""
                + "Visit\\u0007" + "q".repeat(10_000) + "\"}", 0).error().message();
        assertFalse(reason.contains(name) || reason.contains("\u0007") || reason.contains("q".repeat(41)), reason);
    }

    @Test
    void aHeaderWithoutNameOrActivityOrWithAColumnTwiceOrABadgeMetaIdIsAWholeFileError() {
        assertHeaderError("customerId,eventDate,amount", "lacks [activity]");
        assertHeaderError("activity,amount", "lacks [customerId]");
        assertHeaderError("customerId,activity,amount,amount", "column 'amount' appears twice");
        assertHeaderError("customerId,activity,EVENTDATE,eventDate", "column 'eventDate' appears twice");
        assertHeaderError("customerId,activity,,amount", "column 3 of the header row has no name");
        assertHeaderError("customerId,activity,badgeMetaId", "both activity and badgeMetaId");
        assertHeaderError("customerId,activity,\"amount", "not valid CSV");
        assertEquals(List.of("requestId", "customerId", "activity", "eventDate", "Amount", "amount"),
                ActivityRowParser.header("REQUESTID, customerId ,Activity,eventdate,Amount,amount"),
                "fields by their canonical names, attributes as written (names are case-sensitive)");
    }

    private static void assertHeaderError(String header, String expected) {
        String message = assertThrows(IllegalArgumentException.class, () -> ActivityRowParser.header(header))
                .getMessage();
        assertTrue(message.contains(expected), message);
    }

    private static void assertError(int code, String reference, ApiError error) {
        assertEquals(code, error.code(), error::toString);
        assertEquals(reference, error.reference(), error::toString);
    }
}
