package dev.badgeworks.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.imports.entity.ImportFormat;
import dev.badgeworks.imports.entity.ImportKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole-file pass: issue 9, finding 11 (a whole-file problem, which the API shows, names no server path) and
 * issue 29 (the file says whether it holds earns or activities).
 */
class FileInspectorTest {

    @TempDir
    Path data;

    @Test
    void anUnreadableFileIsReportedWithoutItsPath() throws Exception {
        Path loop = data.resolve("loop.csv");
        Files.createSymbolicLink(loop, loop);
        FileInspector.FileProblem problem = assertThrows(FileInspector.FileProblem.class,
                () -> FileInspector.inspect(loop, ImportFormat.CSV));
        assertEquals("the file cannot be read (the server log has the cause)", problem.getMessage());
    }

    private FileInspector.Inspection inspect(String name, String content) throws Exception {
        Path file = Files.writeString(data.resolve(name), content);
        return FileInspector.inspect(file, ImportFormat.ofFileName(name).orElseThrow());
    }

    @Test
    void aCsvHeaderWithAnActivityColumnIsAnActivityFileAndAnyOtherAnEarnFile() throws Exception {
        FileInspector.Inspection activities = inspect("a.csv", "requestId,customerId,Activity,eventDate,amount\n"
                + "a1,42,Purchase,,10\n\na2,43,Purchase,,12\n");
        assertEquals(ImportKind.ACTIVITY, activities.kind());
        assertEquals(2, activities.dataRows());
        assertEquals(2, activities.firstDataLine());
        assertEquals(ImportKind.EARN, inspect("e.csv", RowParser.COLUMNS.stream()
                .reduce((a, b) -> a + "," + b).orElseThrow() + "\n").kind());
    }

    @Test
    void aBadActivityHeaderFailsTheWholeFile() {
        String both = assertThrows(FileInspector.FileProblem.class,
                () -> inspect("both.csv", "badgeMetaId,customerId,activity\nb,1,Visit\n")).getMessage();
        assertTrue(both.contains("both activity and badgeMetaId"), both);
        String lacking = assertThrows(FileInspector.FileProblem.class,
                () -> inspect("lacking.csv", "requestId,activity,amount\nr,Visit,1\n")).getMessage();
        assertTrue(lacking.contains("lacks [customerId]"), lacking);
        // without an activity column it is an earn file, checked as one
        String earn = assertThrows(FileInspector.FileProblem.class,
                () -> inspect("earn.csv", "customerId,amount\n1,2\n")).getMessage();
        assertTrue(earn.contains("unknown column 'amount'"), earn);
    }

    @Test
    void inJsonLinesTheFirstLineThatNamesABadgeOrAnActivityDecides() throws Exception {
        String activity = "{\"customerId\":1,\"activity\":\"Visit\"}\n";
        String earn = "{\"customerId\":1,\"badgeMetaId\":\"b\"}\n";
        assertEquals(ImportKind.ACTIVITY, inspect("a.jsonl", "{broken\n[1]\n{\"customerId\":1}\n\n" + activity
                + earn).kind(), "lines that say nothing are passed over");
        assertEquals(ImportKind.EARN, inspect("e.jsonl", earn + activity).kind());
        assertEquals(ImportKind.EARN, inspect("both.ndjson", "{\"badgeMetaId\":\"b\",\"activity\":\"V\"}\n")
                .kind(), "a line naming a badge is an earn");
        assertEquals(ImportKind.EARN, inspect("none.jsonl", "{broken\n").kind(), "none says: an earn file, as before");
        assertEquals(ImportKind.EARN, inspect("empty.jsonl", "").kind());
    }
}
