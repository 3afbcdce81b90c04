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

    /** The import inbox (BADGEWORKS_INBOX_DIR); bin/run puts it inside the data folder. */
    public static Path inboxDir() {
        return Path.of(get("badgeworks.inbox.dir", "data/inbox"));
    }

    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }
}
