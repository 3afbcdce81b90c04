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

    @Test
    void linesAcrossManyBlocksReadAsTheJdkReadsThemAndResumeAtAnyOffset() throws IOException {
        StringBuilder text = new StringBuilder();
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 30_000; i++) {
            text.append("line ").append(i).append(',').append("é€".repeat(random.nextInt(40)))
                    .append(i % 7 == 0 ? "\r\n" : "\n");
            if (i % 5_000 == 0) {
                text.append("y".repeat(100_000)).append('\n');
            }
        }
        text.append("no line break at the end");
        Path file = Files.writeString(dir.resolve("many.csv"), text);
        java.util.List<String> expected = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            expected.add(bytes.length > LineSource.MAX_LINE_BYTES ? "y".repeat(LineSource.MAX_LINE_BYTES) : line);
        }
        java.util.List<long[]> resumes = new java.util.ArrayList<>();
        try (LineSource lines = new LineSource(file, 0, 1)) {
            LineSource.Line line = null;
            for (int i = 0; i < expected.size(); i++) {
                line = lines.next();
                assertEquals(expected.get(i), line.text(), "line " + (i + 1));
                assertEquals(i + 1, line.number());
                if (i % 997 == 0) {
                    resumes.add(new long[] {line.number() + 1, line.nextOffset()});
                }
            }
            assertEquals(Files.size(file), line.nextOffset(), "the last line ends at the file's end");
            assertNull(lines.next());
        }
        for (long[] at : resumes) {
            try (LineSource resumed = new LineSource(file, at[1], at[0])) {
                LineSource.Line line = resumed.next();
                assertEquals(expected.get((int) at[0] - 1), line.text(), "resumed at line " + at[0]);
                assertEquals(at[0], line.number());
            }
        }
    }
}
