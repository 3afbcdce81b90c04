package dev.badgeworks.activity.control;

import java.time.Instant;

/**
 * A span a rule measures in: {@code [start, end)}, both null for a LIFETIME window. {@code key} names the cycle
 * in earn requestIds: {@code L} (lifetime), {@code R} (rolling) or the fixed cycle's length, unit and local start
 * date ({@code 1M2026-03-01}, {@code 2W2026-03-02}, {@code 3D2026-03-01}). The key leaves out target, conditions and
 * time zone, so a changed rule still names March the same and cannot earn it twice.
 */
public record Cycle(String key, Instant start, Instant end) {

    public boolean contains(Instant t) {
        return (start == null || !t.isBefore(start)) && (end == null || t.isBefore(end));
    }
}
