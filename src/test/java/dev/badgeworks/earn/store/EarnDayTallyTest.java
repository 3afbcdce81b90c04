package dev.badgeworks.earn.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.earn.store.EarnDayTally.Keep;
import dev.badgeworks.earn.store.EarnDayTally.Kept;
import dev.badgeworks.earn.store.EarnDayTally.Run;
import dev.badgeworks.earn.store.EarnStore.DayCount;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EarnDayTallyTest {

    private static final long DAY = EarnDayTally.DAY_MS;
    private static final long HOUR = 3_600_000L;
    private static final long MINUTE = 60_000L;

    private static DayCount none(long day) {
        return new DayCount(day, 0, 0);
    }

    @Test
    void aMomentIsKeptOnceItIsAnHourPastInStepsOfTenMinutes() {
        long noon = Instant.parse("2026-12-06T12:00:00Z").toEpochMilli();
        assertEquals(noon - HOUR, EarnDayTally.settledUntil(noon));
        assertEquals(noon - HOUR, EarnDayTally.settledUntil(noon + 9 * MINUTE + 59_999), "until the next step");
        assertEquals(noon - 50 * MINUTE, EarnDayTally.settledUntil(noon + 10 * MINUTE));
        assertEquals(-HOUR - 10 * MINUTE, EarnDayTally.settledUntil(-MINUTE), "before 1970: rounded down, not to 0");
    }

    @Test
    void onlyChangesToEarnsOlderThanTenMinutesMarkTheirDay() {
        long noon = Instant.parse("2026-12-06T12:00:00Z").toEpochMilli();
        assertFalse(EarnDayTally.changesKept(noon, noon), "a live earn marks nothing");
        assertFalse(EarnDayTally.changesKept(noon - 10 * MINUTE, noon), "nor a revocation of a ten-minute-old earn");
        assertTrue(EarnDayTally.changesKept(noon - 10 * MINUTE - 1, noon), "an older one marks its day: today");
        assertTrue(EarnDayTally.changesKept(noon - 3 * DAY, noon), "a back-dated earn marks its day");
        assertEquals(-1, EarnDayTally.dayOf(-1), "before 1970: the day before, not day 0");
    }

    @Test
    void nothingKeptYetEveryDayIsCountedAndKeptUpToTheSettledMoment() {
        long settled = 108 * DAY + 11 * HOUR; // day 108, 12:00 now
        EarnDayTally.Plan plan = EarnDayTally.plan(Map.of(), 100, 109, settled);
        assertEquals(List.of(new Run(100 * DAY, settled, true), new Run(settled, 109 * DAY, false)), plan.runs(),
                "one range, split where what is counted stops being kept");
        assertEquals(9, plan.keep().size(), "days 100–107 whole, today up to 11:00");
        assertEquals(new Keep(0, 101 * DAY), plan.keep().get(100L));
        assertEquals(new Keep(0, settled), plan.keep().get(108L));
    }

    @Test
    void validRowsAnswerStaleOnesAreCountedForTheirGenerationAndTodayFromItsKeptMoment() {
        long settled = 107 * DAY + 14 * HOUR;
        Map<Long, Kept> rows = Map.of(
                101L, new Kept(3, 3, 40, 2, 102 * DAY),  // counted at its last change: kept
                102L, new Kept(3, 3, 0, 0, 103 * DAY),   // a kept day without earns
                104L, new Kept(5, 4, 7, 0, 105 * DAY),   // changed since counted
                105L, new Kept(1, -1, 0, 0, 106 * DAY),  // changed, never counted
                106L, new Kept(2, 2, 9, 1, 106 * DAY + 20 * HOUR), // kept while it was today: its last hours
                107L, new Kept(4, 4, 30, 0, 107 * DAY + 13 * HOUR)); // today, kept up to 13:00
        EarnDayTally.Plan plan = EarnDayTally.plan(rows, 100, 108, settled);
        assertEquals(new DayCount(101, 40, 2), plan.kept().get(101L));
        assertEquals(new DayCount(107, 30, 0), plan.kept().get(107L));
        assertEquals(new DayCount(106, 9, 1), plan.kept().get(106L), "the kept part of a day, counted on from there");
        assertEquals(none(104), plan.kept().get(104L), "a stale count is not used");
        assertEquals(List.of(new Run(100 * DAY, 101 * DAY, true), new Run(103 * DAY, 106 * DAY, true),
                new Run(106 * DAY + 20 * HOUR, 107 * DAY, true), new Run(107 * DAY + 13 * HOUR, settled, true),
                new Run(settled, 108 * DAY, false)), plan.runs(), "each day from where its valid count stops");
        assertEquals(Map.of(100L, new Keep(0, 101 * DAY), 103L, new Keep(0, 104 * DAY),
                104L, new Keep(5, 105 * DAY), 105L, new Keep(1, 106 * DAY),
                106L, new Keep(2, 107 * DAY),
                107L, new Keep(4, settled)), plan.keep());
    }

    @Test
    void aDayKeptUpToTheSettledMomentIsCountedOnlyAfterItAndNotKeptAgain() {
        long settled = 107 * DAY + 14 * HOUR;
        EarnDayTally.Plan plan = EarnDayTally.plan(Map.of(107L, new Kept(4, 4, 30, 0, settled)), 107, 108, settled);
        assertEquals(List.of(new Run(settled, 108 * DAY, false)), plan.runs());
        assertEquals(Map.of(), plan.keep(), "nothing new to keep before the next step");
    }

    @Test
    void inTheFirstHourOfADayYesterdayIsKeptOnlyUpToAnHourAgoAndTodayNotAtAll() {
        long settled = 108 * DAY - HOUR + 30 * MINUTE; // 00:30 on day 108
        EarnDayTally.Plan plan = EarnDayTally.plan(Map.of(107L, new Kept(1, 1, 5, 0, 107 * DAY + 20 * HOUR)),
                106, 109, settled);
        assertEquals(List.of(new Run(106 * DAY, 107 * DAY, true), new Run(107 * DAY + 20 * HOUR, settled, true),
                new Run(settled, 109 * DAY, false)), plan.runs());
        assertEquals(Map.of(106L, new Keep(0, 107 * DAY),
                107L, new Keep(1, settled)), plan.keep());
        assertEquals(new DayCount(107, 5, 0), plan.kept().get(107L));
    }

    @Test
    void aRowClaimingMoreThanIsSettledNowIsNotTrusted() {
        long settled = 107 * DAY + 14 * HOUR;
        EarnDayTally.Plan plan = EarnDayTally.plan(Map.of(107L, new Kept(2, 2, 9, 0, settled + 10 * MINUTE)), 107,
                108, settled);
        assertEquals(none(107), plan.kept().get(107L), "another instance's clock ahead of this one's");
        assertEquals(List.of(new Run(107 * DAY, settled, true), new Run(settled, 108 * DAY, false)), plan.runs());
        assertEquals(Map.of(107L, new Keep(2, settled)), plan.keep());
    }
}
