package dev.badgeworks.imports.entity;

import java.util.Locale;
import java.util.Optional;

/** CSV with a header row, or JSON Lines (each line a body as REST takes it: an earn, or an activity). */
public enum ImportFormat {
    CSV, JSONL;

    public static Optional<ImportFormat> ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        return Optional.empty();
    }
}
