package dev.badgeworks.badge.entity;

import jakarta.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * One configuration of a fixed window: cycles of {@code refreshRate} days, weeks (starting on {@code startDay}) or
 * calendar months, in UTC. {@code fromMs} is when it took over from the previous configuration; null for the first,
 * which runs from the badge start. Cycles lie on a grid anchored at the last day, week or month boundary at or
 * before the configuration's start; the first and the last cycle may be truncated.
 */
public record FixedWindowConfig(String referenceId, WindowUnit unit, int refreshRate, DayOfWeek startDay,
                                int maxEarnLimit, Long fromMs) {

    private static final long DAY_MS = 86_400_000L;

    /** Reads a stored (normalised) fixed-window constraint. */
    public static FixedWindowConfig of(JsonObject c) {
        WindowUnit unit = WindowUnit.valueOf(c.getString("durationType"));
        return new FixedWindowConfig(c.getString("referenceId", null), unit, c.getInt("refreshRate", 1),
                unit == WindowUnit.WEEKS ? DayOfWeek.valueOf(c.getString("startDayOfTheWeek", "MONDAY")) : null,
                c.getInt("maxEarnLimit"), c.containsKey("fromMs") ? c.getJsonNumber("fromMs").longValue() : null);
    }

    /** Whether the two cut time into the same cycles (they may differ in their limit). */
    public boolean sameCycles(FixedWindowConfig other) {
        return unit == other.unit && refreshRate == other.refreshRate && Objects.equals(startDay, other.startDay);
    }

    /** The grid cycle [start, end) containing {@code tMs}, for this configuration running from {@code anchorMs}. */
    public long[] gridCycle(long anchorMs, long tMs) {
        ZonedDateTime origin = gridOrigin(anchorMs);
        if (unit == WindowUnit.MONTHS) {
            ZonedDateTime t = Instant.ofEpochMilli(tMs).atZone(ZoneOffset.UTC);
            long months = (t.getYear() * 12L + t.getMonthValue()) - (origin.getYear() * 12L + origin.getMonthValue());
            ZonedDateTime start = origin.plusMonths(Math.floorDiv(months, refreshRate) * refreshRate);
            return new long[] {start.toInstant().toEpochMilli(), start.plusMonths(refreshRate).toInstant().toEpochMilli()};
        }
        long length = refreshRate * (unit == WindowUnit.WEEKS ? 7 : 1) * DAY_MS;
        long originMs = origin.toInstant().toEpochMilli();
        long start = originMs + Math.floorDiv(tMs - originMs, length) * length;
        return new long[] {start, start + length};
    }

    private ZonedDateTime gridOrigin(long anchorMs) {
        ZonedDateTime day = Instant.ofEpochMilli(anchorMs).atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
        return switch (unit) {
            case DAYS -> day;
            case WEEKS -> day.with(TemporalAdjusters.previousOrSame(startDay));
            case MONTHS -> day.withDayOfMonth(1);
        };
    }

    /** "1 week from MONDAY", "3 days", "1 month". */
    public String describe() {
        return unit.describe(refreshRate) + (unit == WindowUnit.WEEKS ? " from " + startDay : "");
    }
}
