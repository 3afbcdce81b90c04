package dev.badgeworks.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineSourceTest {

    @TempDir
    Path dir;

    @Test
    void linesCarryTheirNumberAndTheOffsetToResumeFrom() throws IOException {
        Path file = Files.write(dir.resolve("f.csv"), "\uFEFFhead\r\nJosé\n\nlast".getBytes(StandardCharsets.UTF_8));
        long resumeAt;
        try (LineSource lines = new LineSource(file, 0, 1)) {
            assertEquals("head", lines.next().text());
            LineSource.Line second = lines.next();
            assertEquals("José", second.text());
            assertEquals(2, second.number());
            resumeAt = second.nextOffset();
        }
        try (LineSource lines = new LineSource(file, resumeAt, 3)) {
            LineSource.Line blank = lines.next();
            assertEquals("", blank.text());
            assertEquals(3, blank.number());
            assertEquals("last", lines.next().text());
            assertNull(lines.next());
        }
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWithTheirLine() throws IOException {
        Path file = Files.write(dir.resolve("latin1.csv"), "ok\nJos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        try (LineSource lines = new LineSource(file, 0, 1)) {
            lines.next();
            assertTrue(assertThrows(CharacterCodingException.class, lines::next).getMessage().contains("line 2"));
        }
    }

    @Test
    void overlongLinesAreCutAndFlagged() throws IOException {
        Path file = Files.writeString(dir.resolve("long.csv"), "x".repeat(LineSource.MAX_LINE_BYTES + 10) + "\nnext\n");
        try (LineSource lines = new LineSource(file, 0, 1)) {
            LineSource.Line longLine = lines.next();
            assertTrue(longLine.tooLong());
            assertEquals(LineSource.MAX_LINE_BYTES, longLine.text().length());
            assertEquals("next", lines.next().text());
        }
    }
}
