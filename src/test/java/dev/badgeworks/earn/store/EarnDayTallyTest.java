package dev.badgeworks.earn.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.earn.store.EarnStore.DayCount;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EarnDayTallyTest {

    private static final long DAY = EarnDayTally.DAY_MS;

    @Test
    void aDayIsKeptOnlyOnceItHasBeenOverForAnHour() {
        long midnight = Instant.parse("2026-12-06T00:00:00Z").toEpochMilli();
        long today = midnight / DAY;
        assertEquals(today - 1, EarnDayTally.firstUnsettledDay(midnight + 3_599_999), "yesterday still counted");
        assertEquals(today, EarnDayTally.firstUnsettledDay(midnight + 3_600_000), "yesterday kept from 01:00");
        assertTrue(EarnDayTally.past(midnight - 1, midnight), "an earn of yesterday changes a day that may be kept");
        assertFalse(EarnDayTally.past(midnight, midnight + DAY - 1), "today's earns change no kept day");
        assertEquals(-1, EarnDayTally.dayOf(-1), "before 1970: the day before, not day 0");
    }

    @Test
    void nothingKeptYetEveryDayOverIsCountedAndKeptForGenerationZero() {
        EarnDayTally.Plan plan = EarnDayTally.plan(Map.of(), 100, 110, 108);
        assertEquals(Map.of(), plan.kept());
        assertEquals(8, plan.recount().size(), "days 100–107; 108 and 109 are not over long enough");
        assertEquals(0L, plan.recount().get(100L));
        assertFalse(plan.recount().containsKey(108L));
        assertEquals(List.of(new EarnDayTally.Run(100, 110)), plan.runs(), "one range to count");
    }

    @Test
    void validRowsAnswerAndSplitTheRangesCountedStaleOnesAreCountedForTheirGeneration() {
        Map<Long, EarnDayTally.Kept> rows = Map.of(
                101L, new EarnDayTally.Kept(3, 3, 40, 2),  // counted at its last change: kept
                102L, new EarnDayTally.Kept(3, 3, 0, 0),   // a kept day without earns
                104L, new EarnDayTally.Kept(5, 4, 7, 0),   // changed since counted
                105L, new EarnDayTally.Kept(1, -1, 0, 0)); // changed, never counted
        EarnDayTally.Plan plan = EarnDayTally.plan(rows, 100, 108, 107);
        assertEquals(Map.of(101L, new DayCount(101, 40, 2), 102L, new DayCount(102, 0, 0)), plan.kept());
        assertEquals(Map.of(100L, 0L, 103L, 0L, 104L, 5L, 105L, 1L, 106L, 0L), plan.recount());
        assertEquals(List.of(new EarnDayTally.Run(100, 101), new EarnDayTally.Run(103, 108)), plan.runs());
    }

    @Test
    void aRowOfADayNotOverLongEnoughIsNotTrusted() {
        EarnDayTally.Plan plan = EarnDayTally.plan(Map.of(107L, new EarnDayTally.Kept(2, 2, 9, 0)), 106, 108,
                107);
        assertEquals(Map.of(), plan.kept());
        assertEquals(Map.of(106L, 0L), plan.recount());
        assertEquals(List.of(new EarnDayTally.Run(106, 108)), plan.runs());
    }
}
