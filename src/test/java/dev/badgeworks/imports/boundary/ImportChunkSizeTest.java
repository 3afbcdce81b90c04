package dev.badgeworks.imports.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** BADGEWORKS_IMPORT_CHUNK_SIZE (here as its system property): 1 to 10,000 rows, anything else the default 4000. */
class ImportChunkSizeTest {

    private static final String KEY = "badgeworks.import.chunk.size";

    @AfterEach
    void clear() {
        System.clearProperty(KEY);
    }

    @Test
    void theSettingOrTheDefault() {
        assertEquals(4000, ImportService.chunkSize());
        System.setProperty(KEY, "50");
        assertEquals(50, ImportService.chunkSize());
        System.setProperty(KEY, "10000");
        assertEquals(10_000, ImportService.chunkSize());
        for (String bad : new String[] {"0", "-5", "10001", "many", "1e3"}) {
            System.setProperty(KEY, bad);
            assertEquals(4000, ImportService.chunkSize(), bad);
        }
    }
}
