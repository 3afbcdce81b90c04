package dev.badgeworks.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.earn.control.EarnCommand;
import dev.badgeworks.earn.control.EarnMode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RowParserTest {

    static final String HASH = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String BADGE = "6b0771b9b215c6ac0dad26b8";

    final RowParser csv = RowParser.csv("import-1", HASH, "requestId,badgeMetaId,customerId,earnEventDate,ownerType,referenceId");

    @Test
    void aCsvRowBecomesTheEarnRestWouldBuildWithItsOrigin() {
        ImportRow row = csv.parse(7, "r-1," + BADGE + ",42,2026-11-20T10:00:00+01:00,Loyalty,p1", 300);
        assertNull(row.error());
        EarnCommand c = row.command();
        assertEquals(EarnCommand.live(BADGE, "42", "r-1", Instant.parse("2026-11-20T09:00:00Z"), OwnerType.Loyalty, "p1")
                .fingerprint(), c.fingerprint());
        // the fingerprint leaves the requestId out (it is the key, not the content): check it on its own
        assertEquals("r-1", c.requestId());
        assertEquals(EarnMode.FILE, c.mode());
        assertEquals(new EarnCommand.Origin("import-1", 7), c.origin());
        assertEquals(300, row.nextOffset());
    }

    @Test
    void aJsonLineKeepsItsRequestIdAsGivenAndABlankOneIsDerived() {
        RowParser jsonl = RowParser.jsonLines("i", HASH);
        String rest = ",\"badgeMetaId\":\"" + BADGE + "\",\"customerId\":1,"
                + "\"triggeredBy\":{\"ownerType\":\"Loyalty\",\"referenceId\":\"p\"}}";
        assertEquals("x-77", jsonl.parse(2, "{\"requestId\":\"x-77\"" + rest, 0).command().requestId());
        assertEquals("12345", jsonl.parse(2, "{\"requestId\":12345" + rest, 0).command().requestId());
        assertEquals("0123456789abcdef:4", jsonl.parse(4, "{\"requestId\":\"  \"" + rest, 0).command().requestId());
        assertEquals("0123456789abcdef:5", csv.parse(5, "  ," + BADGE + ",42,,Loyalty,p1", 0).command().requestId());
    }

    @Test
    void aRowWithoutRequestIdGetsOneFromTheFileHashAndLine() {
        assertEquals("0123456789abcdef:9", csv.parse(9, "," + BADGE + ",42,,Loyalty,p1", 0).command().requestId());
    }

    @Test
    void columnsMayComeInAnyOrderAndCase() {
        RowParser reordered = RowParser.csv("i", HASH, "CustomerId,badgeMetaId,ownerType,referenceId,earnEventDate");
        EarnCommand c = reordered.parse(2, "42," + BADGE + ",Loyalty,p1,1716803487", 0).command();
        assertEquals("42", c.customerId());
        assertEquals(Instant.ofEpochSecond(1716803487), c.eventDate());
        assertEquals("0123456789abcdef:2", c.requestId(), "no requestId column: derived from hash and line");
    }

    @Test
    void badRowsCarryTheRestCodeAndField() {
        assertEquals(1105, csv.parse(2, "too,few", 0).error().code());
        assertEquals(1104, csv.parse(2, "r," + BADGE + ",42,yesterday,Loyalty,p1", 0).error().code());
        assertEquals(400, csv.parse(2, "r," + BADGE + ",42,,Membercare,p1", 0).error().code());
        assertEquals(812, csv.parse(2, "r," + BADGE + ",,,Loyalty,p1", 0).error().code());
        assertEquals(400, csv.parse(2, "r,\"unterminated", 0).error().code());
        RowParser jsonl = RowParser.jsonLines("i", HASH);
        assertEquals(400, jsonl.parse(2, "{\"badgeMetaId\": broken", 0).error().code());
        assertEquals("0123456789abcdef:3", jsonl.parse(3, "{\"badgeMetaId\":\"" + BADGE
                + "\",\"customerId\":1,\"triggeredBy\":{\"ownerType\":\"Loyalty\",\"referenceId\":\"p\"}}", 0)
                .command().requestId());
    }

    @Test
    void aHeaderWithUnknownDuplicateOrMissingColumnsIsAWholeFileError() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RowParser.header("request,badge"))
                .getMessage().contains("unknown column 'request'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> RowParser.header("badgeMetaId,badgeMetaId,customerId,ownerType,referenceId")).getMessage()
                .contains("twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RowParser.header("badgeMetaId,customerId"))
                .getMessage().contains("lacks"));
    }

    /** Issue 9, finding 1: a header or a refused value is quoted only as a short, escaped excerpt. */
    @Test
    void fileContentInAMessageIsAShortEscapedExcerpt() {
        String cell = "req\u001b[31muest\u0000" + "z".repeat(60_000);
        String header = assertThrows(IllegalArgumentException.class, () -> RowParser.header(cell + ",badge"))
                .getMessage();
        assertTrue(header.contains("unknown column 'req\\u001B[31muest\\u0000zz"), header);
        assertTrue(header.length() < 200, header);

        String owner = "Loyalty\u0007\r" + "q".repeat(10_000);
        String csvReason = csv.parse(2, "r," + BADGE + ",42,,\"" + owner + "\",p1", 0).error().message();
        String jsonReason = RowParser.jsonLines("i", HASH).parse(2, "{\"badgeMetaId\":\"" + BADGE + "\","
                + "\"customerId\":1,\"triggeredBy\":{\"ownerType\":\"Loyalty\\u0007\\r" + "q".repeat(10_000)
                + "\",\"referenceId\":\"p\"}}", 0).error().message();
        for (String reason : new String[] {csvReason, jsonReason}) {
            assertTrue(reason.startsWith("Invalid enum value: 'Loyalty\\u0007\\u000Dqqq"), reason);
            assertTrue(reason.length() < 400 && !reason.contains("\u0007") && !reason.contains("q".repeat(41)), reason);
        }
    }
}
