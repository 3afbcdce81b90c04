package dev.badgeworks.activity.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Where a rule's measure starts from zero: never (LIFETIME), at each FIXED cycle,
 * or a ROLLING span behind each activity.
 */
public sealed interface RuleWindow permits RuleWindow.Lifetime, RuleWindow.Fixed, RuleWindow.Rolling {

    Lifetime LIFETIME = new Lifetime();

    /** Everything the customer ever did. */
    record Lifetime() implements RuleWindow {
    }

    /**
     * Calendar cycles of {@code length} units in {@code zone}: days from local midnight, weeks from Monday, months
     * from the 1st. Cycles of several units lie on a grid counted from 1970-01-01 (days and months: so 3 months are
     * the quarters, 12 the calendar years) or from Monday 1969-12-29 (weeks), in local dates, so a day of 23 or 25
     * hours (a DST change) is still one day.
     */
    record Fixed(int length, Unit unit, ZoneId zone) implements RuleWindow {

        public enum Unit {
            DAYS('D'), WEEKS('W'), MONTHS('M');

            private final char letter;

            Unit(char letter) {
                this.letter = letter;
            }
        }

        /** The epoch day of Monday 1969-12-29, where week cycles are counted from. */
        private static final long FIRST_MONDAY = -3;
        private static final LocalDate EPOCH = LocalDate.ofEpochDay(0);

        /** The number of the cycle holding {@code t}; consecutive cycles have consecutive numbers. */
        public long indexOf(Instant t) {
            LocalDate day = LocalDate.ofInstant(t, zone);
            return switch (unit) {
                case DAYS -> Math.floorDiv(day.toEpochDay(), length);
                case WEEKS -> Math.floorDiv(day.toEpochDay() - FIRST_MONDAY, 7L * length);
                case MONTHS -> Math.floorDiv((day.getYear() - 1970) * 12L + day.getMonthValue() - 1, length);
            };
        }

        public Cycle cycle(long index) {
            LocalDate start = startDay(index);
            return new Cycle(String.valueOf(length) + unit.letter + start, start.atStartOfDay(zone).toInstant(),
                    startDay(index + 1).atStartOfDay(zone).toInstant());
        }

        public Cycle cycleAt(Instant t) {
            return cycle(indexOf(t));
        }

        private LocalDate startDay(long index) {
            return switch (unit) {
                case DAYS -> LocalDate.ofEpochDay(index * length);
                case WEEKS -> LocalDate.ofEpochDay(index * 7 * length + FIRST_MONDAY);
                case MONTHS -> EPOCH.plusMonths(index * length);
            };
        }
    }

    /**
     * The {@code days} × 24 h up to and including an activity: {@code (t - days×24h, t]}. Elapsed hours, not calendar
     * days, so the window needs no time zone and a DST change neither stretches nor shrinks it.
     */
    record Rolling(int days) implements RuleWindow {

        public Duration span() {
            return Duration.ofDays(days);
        }
    }
}
