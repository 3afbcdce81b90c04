package dev.badgeworks.events.boundary;

import dev.badgeworks.events.control.RetrySchedule;
import dev.badgeworks.platform.Settings;

/**
 * How events are delivered (system properties or environment variables, see docs/operations.md): the dispatcher's
 * poll interval, a POST's timeout, the retry schedule, whether endpoints may be private addresses, and how long
 * delivered events are kept for listing.
 */
record EventSettings(long pollMs, long timeoutMs, RetrySchedule retries, boolean allowPrivate, long keepDeliveredMs) {

    static EventSettings current() {
        return new EventSettings(
                number("badgeworks.events.poll.ms", 1_000),
                number("badgeworks.events.timeout.ms", 10_000),
                new RetrySchedule(number("badgeworks.events.retry.first.ms", 10_000),
                        number("badgeworks.events.retry.max.ms", 3_600_000),
                        number("badgeworks.events.retry.for.ms", 86_400_000)),
                Boolean.parseBoolean(Settings.get("badgeworks.events.allow.private", "false")),
                number("badgeworks.events.keep.delivered.ms", 7L * 86_400_000));
    }

    private static long number(String key, long fallback) {
        return Settings.get(key).map(Long::parseLong).orElse(fallback);
    }
}
