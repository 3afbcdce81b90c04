package dev.badgeworks.badge.entity;

/** One cycle of a fixed window: [startMs, endMs], both inclusive, of the config {@code referenceId}. */
public record Cycle(String referenceId, long startMs, long endMs) {

    public boolean contains(long tMs) {
        return tMs >= startMs && tMs <= endMs;
    }
}
