package dev.badgeworks.imports.control;

import dev.badgeworks.imports.entity.ImportReject;
import java.util.List;

/**
 * What one chunk of an import came to: rows earned (an earn file) or activities recorded (an activity file),
 * repeats of requests already done (counted, not listed), and the rejects with their lines.
 */
public record ChunkResult(long earned, long recorded, long duplicate, List<ImportReject> rejects) {

    public ChunkResult {
        rejects = List.copyOf(rejects);
    }
}
