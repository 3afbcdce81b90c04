package dev.badgeworks.platform;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Configuration from a system property ({@code badgeworks.data.dir}) or, failing that, the matching
 * environment variable ({@code BADGEWORKS_DATA_DIR}). Plain Java so it works on any EE server and in tests.
 */
public final class Settings {

    private Settings() {
    }

    public static Optional<String> get(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public static String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    /** A whole number from {@code min} to {@code max}; unset, unreadable or out of range is {@code fallback}. */
    public static int intBetween(String key, int min, int max, int fallback) {
        try {
            int value = Integer.parseInt(get(key, Integer.toString(fallback)));
            return value >= min && value <= max ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The import inbox (BADGEWORKS_INBOX_DIR); bin/run puts it inside the data folder. */
    public static Path inboxDir() {
        return Path.of(get("badgeworks.inbox.dir", "data/inbox"));
    }

    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }
}
