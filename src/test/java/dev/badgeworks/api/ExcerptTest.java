package dev.badgeworks.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 9, finding 1: file content reaches a message only short and escaped. */
class ExcerptTest {

    @Test
    void plainShortTextStaysAsItIs() {
        assertEquals("requestid ünd 😀", Excerpt.of("requestid ünd 😀"));
    }

    @Test
    void invisibleCharactersQuotesAndBackslashesAreEscaped() {
        assertEquals("a\\u0000b\\u001B[2J\\u202E\\u00A0\\uD800", Excerpt.of("a\u0000b\u001b[2J\u202e\u00a0\ud800"));
        assertEquals("\\'\\\"\\\\", Excerpt.of("'\"\\"));
        assertEquals("\\u000D\\u000A\\u2028", Excerpt.of("\r\n\u2028"));
    }

    @Test
    void longTextIsCutAtFortyCharactersOfEscapedText() {
        String cut = Excerpt.of("x".repeat(100_000));
        assertEquals("x".repeat(40) + "…", cut);
        String escaped = Excerpt.of("\u0001".repeat(100));
        assertEquals("\\u0001".repeat(6) + "…", escaped, "an escape is never cut in half");
        assertTrue(Excerpt.of("😀".repeat(30)).length() <= Excerpt.MAX + 1);
        assertFalse(Excerpt.of("😀".repeat(30)).contains("\\u"), "a surrogate pair is one printable character");
    }

    @Test
    void scrubReplacesOnlyTheValuesThatNeedIt() {
        String hostile = "LOYALTY\u001b]0;owned\u0007" + "y".repeat(5_000);
        String message = "Invalid enum value: '" + hostile + "' for the field: 'ownerType'. One of: [Loyalty].";
        String scrubbed = Excerpt.scrub(message, List.of("Loyalty", hostile, "p1"));
        assertEquals("Invalid enum value: '" + Excerpt.of(hostile) + "' for the field: 'ownerType'. One of: [Loyalty].",
                scrubbed);
        assertTrue(scrubbed.length() < 150, scrubbed);
        assertEquals(message, Excerpt.scrub(message, List.of("Loyalty", "ownerType", "")));
    }
}
