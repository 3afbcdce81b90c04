package dev.badgeworks.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ApiException;
import org.junit.jupiter.api.Test;

/** Issue 9, finding 7: a name the file system cannot take is a 400 at its field, never a 500. */
class FileNamesTest {

    @Test
    void anUploadsNameIsOneVisibleNameOfAtMost200Characters() {
        FileNames.checkName("tuesday night.csv", "fileName");
        FileNames.checkName("ü😀.csv", "fileName");
        FileNames.checkName("x".repeat(196) + ".csv", "fileName");
        for (String bad : new String[] {"a\u0000b.csv", "a\nb.csv", "a\u007fb.csv", "a\ud800b.csv", "a\udc00.csv",
                "/", "a/b.csv", "..\\b.csv", ".", "..", ".hidden.csv", "", "  "}) {
            assertEquals(1131, refusal(() -> FileNames.checkName(bad, "fileName")).code(), bad);
        }
        ApiError tooLong = refusal(() -> FileNames.checkName("x".repeat(297) + ".csv", "fileName"));
        assertEquals(1103, tooLong.code());
        assertEquals("fileName", tooLong.reference());
    }

    @Test
    void anInboxPathMayHaveFoldersButNoControlCharactersOrBrokenUnicode() {
        FileNames.checkPath("night/tuesday.csv", "path");
        assertEquals("path", refusal(() -> FileNames.checkPath("a\u0000b.csv", "path")).reference());
        assertEquals(1131, refusal(() -> FileNames.checkPath("\ud800", "path")).code());
        assertEquals(1131, refusal(() -> FileNames.checkFileName(".part.csv", "path")).code());
        assertEquals(1103, refusal(() -> FileNames.checkFileName("y".repeat(201), "path")).code());
    }

    @Test
    void aStoredNameKeepsOnlyPlainCharacters() {
        assertEquals("tuesday_night_.csv", FileNames.stored("tuesday night\u00e9.csv"));
    }

    private static ApiError refusal(Runnable check) {
        return assertThrows(ApiException.class, check::run).errors().get(0);
    }
}
