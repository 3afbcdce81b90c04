package dev.badgeworks.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.badgeworks.imports.entity.ImportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, finding 11: a whole-file problem, which the API shows, names no server path. */
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
}
