package dev.badgeworks.api;

import dev.badgeworks.platform.Settings;
import java.time.Duration;

/**
 * How much a request body may hold and how long it may take to arrive. A JSON body is parsed in memory, so it is
 * held small (a body of tens of megabytes exhausted the heap); a file upload is streamed to disk and gets its own,
 * larger, limit. A body must arrive within the grace period plus the time its size needs at the minimum rate: a
 * JSON body within seconds, a large upload as long as it keeps flowing. Each value is a setting (system property or
 * environment variable, see docs/security.md).
 */
public record BodyLimits(long jsonBytes, long bulkJsonBytes, long uploadBytes, Duration bodyGrace,
                         long minBytesPerSecond) {

    public static final BodyLimits CONFIGURED = new BodyLimits(
            size("badgeworks.http.max.json.bytes", 1L << 20),
            size("badgeworks.http.max.bulk.json.bytes", 8L << 20),
            size("badgeworks.import.max.upload.bytes", 2L << 30),
            Duration.ofSeconds(size("badgeworks.http.body.timeout.seconds", 10)),
            size("badgeworks.http.body.min.bytes.per.second", 32L << 10));

    private static long size(String key, long fallback) {
        String text = Settings.get(key, Long.toString(fallback));
        try {
            long value = Long.parseLong(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("Setting " + key + " (" + Settings.envName(key) + ") must be a positive whole"
                + " number, not '" + text + "'");
    }
}
