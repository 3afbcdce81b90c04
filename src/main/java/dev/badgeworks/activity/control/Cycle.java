package dev.badgeworks.activity.control;

import java.time.Instant;

/**
 * A span a rule measures in: a FIXED cycle is {@code [start, end)}; a ROLLING span {@code (start, end]}, the
 * n × 24 h up to a completing activity or the instant progress was asked for; a LIFETIME window has neither.
 * {@code key} names the cycle in earn requestIds: {@code L} (lifetime), {@code R} (rolling) or the fixed cycle's
 * length, unit and local start date ({@code 1M2026-03-01}, {@code 2W2026-03-02}, {@code 3D2026-03-01}). The key
 * leaves out target, conditions and time zone, so a changed rule still names March the same and cannot earn it twice.
 */
public record Cycle(String key, Instant start, Instant end) {
}
