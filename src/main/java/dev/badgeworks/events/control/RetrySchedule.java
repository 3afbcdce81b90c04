package dev.badgeworks.events.control;

import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: exponential back-off from {@code firstMs}, doubled per attempt up to
 * {@code maxMs}, with jitter (a random point in the upper half of the delay) so that endpoints coming back are not
 * hit by every instance at once. After {@code retryForMs} since the event was created, a failure makes it DEAD.
 */
public record RetrySchedule(long firstMs, long maxMs, long retryForMs) {

    public RetrySchedule {
        if (firstMs <= 0 || maxMs < firstMs || retryForMs < 0) {
            throw new IllegalArgumentException("retry schedule " + firstMs + "/" + maxMs + "/" + retryForMs);
        }
    }

    /** The delay before the next try, after {@code attempts} failed tries (1 after the first failure). */
    public long delayMs(int attempts, RandomGenerator random) {
        long ceiling = maxMs;
        if (attempts <= 62) {
            long doubled = firstMs << Math.max(0, attempts - 1);
            if (doubled > 0 && doubled < maxMs && doubled >> Math.max(0, attempts - 1) == firstMs) {
                ceiling = doubled;
            }
        }
        return ceiling / 2 + random.nextLong(ceiling - ceiling / 2 + 1);
    }

    /** Whether a failure now ends the event's delivery for good. */
    public boolean givesUp(long createdMs, long nowMs) {
        return nowMs - createdMs >= retryForMs;
    }
}
