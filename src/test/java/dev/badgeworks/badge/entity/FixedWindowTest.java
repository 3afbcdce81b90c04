package dev.badgeworks.badge.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fixed-window cycles: their grid, their truncation at the badge's ends, and configurations taking over. */
class FixedWindowTest {

    private static BadgeMeta badge(String start, String end) {
        BadgeMeta b = new BadgeMeta("b", 1, null, new BadgeMeta.Author(1, "u"), 0);
        b.define(new BadgeDefinition("B", null, Instant.parse(start), Instant.parse(end), EarnType.EARN, true,
                ExpiryRule.never(), null, EnumSet.of(OwnerType.Loyalty), null, null, null, null, null, null, null,
                null, null, null), new BadgeMeta.Author(1, "u"), 0);
        return b;
    }

    private static FixedWindowConfig config(WindowUnit unit, int rate, DayOfWeek day, Long from) {
        return new FixedWindowConfig("r" + (from == null ? 0 : 1), unit, rate, day, 1, from);
    }

    private static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    private static String span(Cycle c) {
        return Instant.ofEpochMilli(c.startMs()) + " " + Instant.ofEpochMilli(c.endMs());
    }

    @Test
    void dayCyclesStartAtMidnightUtcAndEndWithTheirLastDay() {
        BadgeMeta b = badge("2026-03-03T00:00:00Z", "2026-03-20T23:59:59.999Z");
        EarnLimit.FixedWindow w = new EarnLimit.FixedWindow(LimitLevel.CUSTOMER,
                List.of(config(WindowUnit.DAYS, 3, null, null)));
        assertEquals("2026-03-03T00:00:00Z 2026-03-05T23:59:59.999Z", span(w.cycleAt(ms("2026-03-05T23:00:00Z"), b)));
        assertEquals("2026-03-06T00:00:00Z 2026-03-08T23:59:59.999Z", span(w.cycleAt(ms("2026-03-06T00:00:00Z"), b)));
        // 18 days in cycles of 3: six cycles, the last one ending with the badge
        List<Cycle> all = w.cycles(Long.MIN_VALUE, Long.MAX_VALUE, b);
        assertEquals(6, all.size());
        assertEquals("2026-03-18T00:00:00Z 2026-03-20T23:59:59.999Z", span(all.get(5)));
    }

    @Test
    void aBadgeStartingMidDayCutsItsFirstCycleAndEndingMidCycleCutsItsLast() {
        BadgeMeta b = badge("2026-03-03T14:30:00Z", "2026-03-07T12:00:00Z");
        EarnLimit.FixedWindow w = new EarnLimit.FixedWindow(LimitLevel.BADGE,
                List.of(config(WindowUnit.DAYS, 3, null, null)));
        List<Cycle> all = w.cycles(Long.MIN_VALUE, Long.MAX_VALUE, b);
        assertEquals(List.of("2026-03-03T14:30:00Z 2026-03-05T23:59:59.999Z",
                "2026-03-06T00:00:00Z 2026-03-07T12:00:00Z"), all.stream().map(FixedWindowTest::span).toList());
    }

    @Test
    void weeklyCyclesOfTheReferenceExampleEndWithATruncatedWeek() {
        // reference §2.5: badge 25 Sep–30 Oct, weekly cycles 25 Sep–1 Oct, 2–8 Oct, 9–15 Oct … up to 30 Oct
        BadgeMeta b = badge("2023-09-25T00:00:00Z", "2023-10-30T23:59:59.999Z");
        EarnLimit.FixedWindow w = new EarnLimit.FixedWindow(LimitLevel.CUSTOMER,
                List.of(config(WindowUnit.WEEKS, 1, DayOfWeek.MONDAY, null)));
        List<String> spans = w.cycles(Long.MIN_VALUE, Long.MAX_VALUE, b).stream().map(FixedWindowTest::span).toList();
        assertEquals(6, spans.size());
        assertEquals("2023-09-25T00:00:00Z 2023-10-01T23:59:59.999Z", spans.get(0));
        assertEquals("2023-10-02T00:00:00Z 2023-10-08T23:59:59.999Z", spans.get(1));
        assertEquals("2023-10-30T00:00:00Z 2023-10-30T23:59:59.999Z", spans.get(5));
    }

    @Test
    void weeksStartOnTheConfiguredDayEvenWhenTheBadgeDoesNot() {
        BadgeMeta b = badge("2026-11-23T09:00:00Z", "2026-12-31T00:00:00Z"); // a Monday
        EarnLimit.FixedWindow w = new EarnLimit.FixedWindow(LimitLevel.CUSTOMER,
                List.of(config(WindowUnit.WEEKS, 1, DayOfWeek.WEDNESDAY, null)));
        assertEquals("2026-11-23T09:00:00Z 2026-11-24T23:59:59.999Z", span(w.cycleAt(ms("2026-11-24T10:00:00Z"), b)));
        assertEquals("2026-11-25T00:00:00Z 2026-12-01T23:59:59.999Z", span(w.cycleAt(ms("2026-11-25T00:00:00Z"), b)));
    }

    @Test
    void cyclesAreUtcAndKnowNoDaylightSavingShift() {
        // 2026-03-29 is a daylight-saving change in Europe: a UTC week stays 7 x 24 h
        BadgeMeta b = badge("2026-03-02T00:00:00Z", "2026-06-01T00:00:00Z");
        EarnLimit.FixedWindow w = new EarnLimit.FixedWindow(LimitLevel.CUSTOMER,
                List.of(config(WindowUnit.WEEKS, 1, DayOfWeek.MONDAY, null)));
        Cycle across = w.cycleAt(ms("2026-03-29T12:00:00Z"), b);
        assertEquals("2026-03-23T00:00:00Z 2026-03-29T23:59:59.999Z", span(across));
        assertEquals(7 * 86_400_000L - 1, across.endMs() - across.startMs());
    }

    @Test
    void severalMonthsPerCycleCountFromTheBadgeStartMonth() {
        BadgeMeta b = badge("2023-11-20T00:00:00Z", "2024-12-31T00:00:00Z");
        EarnLimit.FixedWindow w = new EarnLimit.FixedWindow(LimitLevel.BADGE,
                List.of(config(WindowUnit.MONTHS, 3, null, null)));
        assertEquals("2023-11-20T00:00:00Z 2024-01-31T23:59:59.999Z", span(w.cycleAt(ms("2024-01-15T00:00:00Z"), b)));
        assertEquals("2024-02-01T00:00:00Z 2024-04-30T23:59:59.999Z", span(w.cycleAt(ms("2024-02-29T00:00:00Z"), b)));
    }

    @Test
    void monthlyCyclesAreCalendarMonthsWithLeapFebruary() {
        BadgeMeta b = badge("2024-01-15T00:00:00Z", "2024-04-10T00:00:00Z");
        EarnLimit.FixedWindow w = new EarnLimit.FixedWindow(LimitLevel.BADGE,
                List.of(config(WindowUnit.MONTHS, 1, null, null)));
        assertEquals(List.of("2024-01-15T00:00:00Z 2024-01-31T23:59:59.999Z",
                        "2024-02-01T00:00:00Z 2024-02-29T23:59:59.999Z",
                        "2024-03-01T00:00:00Z 2024-03-31T23:59:59.999Z",
                        "2024-04-01T00:00:00Z 2024-04-10T00:00:00Z"),
                w.cycles(Long.MIN_VALUE, Long.MAX_VALUE, b).stream().map(FixedWindowTest::span).toList());
    }

    @Test
    void aLaterConfigurationTakesOverFromItsStartOnItsOwnGrid() {
        BadgeMeta b = badge("2026-11-02T00:00:00Z", "2027-01-31T00:00:00Z"); // a Monday
        long takeover = ms("2026-11-16T00:00:00Z");
        EarnLimit.FixedWindow w = new EarnLimit.FixedWindow(LimitLevel.CUSTOMER, List.of(
                new FixedWindowConfig("old", WindowUnit.WEEKS, 1, DayOfWeek.MONDAY, 1, null),
                new FixedWindowConfig("new", WindowUnit.DAYS, 10, null, 3, takeover)));
        assertEquals(1, w.max(ms("2026-11-15T23:00:00Z"), b));
        assertEquals(3, w.max(takeover, b));
        assertEquals("old", w.cycleAt(ms("2026-11-15T23:00:00Z"), b).referenceId());
        assertEquals("2026-11-16T00:00:00Z 2026-11-25T23:59:59.999Z", span(w.cycleAt(ms("2026-11-20T00:00:00Z"), b)));
        assertEquals("new", w.cycleAt(ms("2026-11-20T00:00:00Z"), b).referenceId());
        assertEquals(ms("2026-11-15T23:59:59.999Z"), w.endOf(0, b));
    }

    @Test
    void anEventAfterTheBadgeEndKeepsItsWholeGridCycle() {
        // an ISSUE_EARN earn may be dated after the badge end, inside its enrolment
        BadgeMeta b = badge("2026-01-01T00:00:00Z", "2026-01-10T12:00:00Z");
        EarnLimit.FixedWindow w = new EarnLimit.FixedWindow(LimitLevel.CUSTOMER,
                List.of(config(WindowUnit.DAYS, 7, null, null)));
        assertEquals("2026-01-08T00:00:00Z 2026-01-14T23:59:59.999Z", span(w.cycleAt(ms("2026-01-12T00:00:00Z"), b)));
    }

    @Test
    void rollingWindowsCountBackFromTheProcessingTime() {
        BadgeMeta b = badge("2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z");
        long now = ms("2024-03-31T10:00:00Z");
        CountWindow days = new EarnLimit.Rolling(LimitLevel.CUSTOMER, WindowUnit.DAYS, 7, 1).window(0, now, b);
        assertEquals(ms("2024-03-24T10:00:00.001Z"), days.fromMs());
        assertEquals(ms("2024-02-29T10:00:00.001Z"),
                new EarnLimit.Rolling(LimitLevel.CUSTOMER, WindowUnit.MONTHS, 1, 1).window(0, now, b).fromMs());
        assertEquals(ms("2024-03-10T10:00:00.001Z"),
                new EarnLimit.Rolling(LimitLevel.BADGE, WindowUnit.WEEKS, 3, 1).window(0, now, b).fromMs());
        // the event date plays no part: a back-dated earn processed now is inside
        assertEquals(true, days.contains(ms("2023-06-01T00:00:00Z"), now));
        assertEquals(false, days.contains(now, ms("2024-03-24T10:00:00Z")));
    }

    @Test
    void storedConstraintsBecomeOneLimitPerUnit() {
        EarnLimits limits = EarnLimits.of("[{\"constraintType\":\"CUSTOMER_BADGE_ROLLING_WINDOW\",\"maxEarnForDays\":1,"
                        + "\"rollForDays\":7,\"maxEarnForMonths\":3,\"rollForMonths\":1},"
                        + "{\"constraintType\":\"CUSTOMER_BADGE_NO_LIMIT\"}]",
                "[{\"constraintType\":\"BADGE_FIXED_VALUE\",\"maxEarnLimit\":100}]");
        assertEquals(List.of(new EarnLimit.Rolling(LimitLevel.CUSTOMER, WindowUnit.DAYS, 7, 1),
                new EarnLimit.Rolling(LimitLevel.CUSTOMER, WindowUnit.MONTHS, 1, 3),
                new EarnLimit.Overall(LimitLevel.BADGE, 100)), limits.all());
        assertEquals(EarnLimits.NONE, EarnLimits.of("[{\"constraintType\":\"CUSTOMER_BADGE_NO_LIMIT\"}]", null));
    }
}
