package dev.badgeworks.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** Issue 26: an inbox file's name with a newline, a forged SEVERE line and an ESC code was logged raw. */
class LogSafeTest {

    private static final String FORGED = "a.txt\n[2026-12-05T07:00:00.000+0000] [] [SEVERE] admin password reset\u001b[31m";

    @Test
    void aValueFromOutsideStaysOnOneLineWithItsControlCharactersEscaped() {
        String logged = LogSafe.text(FORGED);
        assertFalse(logged.contains("\n") || logged.contains("\u001b"), logged);
        assertTrue(logged.startsWith("a.txt\\u000A[2026-12-05T07:00:00.000+0000]"), logged);
        assertTrue(logged.endsWith("reset\\u001B[31m"), logged);
        assertEquals("plain-name_1.csv", LogSafe.text("plain-name_1.csv"));
        assertTrue(LogSafe.text("x".repeat(1000)).length() <= LogSafe.MAX + 1, "cut, with an ellipsis");
    }

    @Test
    void aLoggedFailureKeepsItsClassStackAndCausesButNotTheRawMessage() {
        Exception original = new UncheckedIOException("cannot move", new NoSuchFileException("/inbox/1/" + FORGED));
        Throwable safe = LogSafe.failure(original);
        StringWriter printed = new StringWriter();
        safe.printStackTrace(new PrintWriter(printed));
        String text = printed.toString();
        assertTrue(text.startsWith("java.io.UncheckedIOException: cannot move"), text);
        assertTrue(text.contains("Caused by: java.nio.file.NoSuchFileException: /inbox/1/a.txt\\u000A["), text);
        assertFalse(text.contains("\u001b") || text.contains("\n[2026"), "no forged line: " + text);
        assertEquals(original.getStackTrace()[0], safe.getStackTrace()[0], "the stack where it failed");
    }
}
