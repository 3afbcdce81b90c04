package dev.badgeworks.activity.control;

import static dev.badgeworks.activity.control.ActivityFixture.BERLIN;
import static dev.badgeworks.activity.control.ActivityFixture.NEW_YORK;
import static dev.badgeworks.activity.control.ActivityFixture.UTC;
import static dev.badgeworks.activity.control.ActivityFixture.at;
import static dev.badgeworks.activity.control.ActivityFixture.days;
import static dev.badgeworks.activity.control.ActivityFixture.months;
import static dev.badgeworks.activity.control.ActivityFixture.weeks;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ActivityWindowTest {

    private static String span(Cycle c) {
        return c.key() + " " + c.start() + " " + c.end();
    }

    @Test
    void aDayStartsAtLocalMidnight() {
        assertEquals("1D2026-03-10 2026-03-10T00:00:00Z 2026-03-11T00:00:00Z",
                span(days(1, UTC).cycleAt(at("2026-03-10T12:00:00Z"))));
        assertEquals("1D2026-03-10 2026-03-09T23:00:00Z 2026-03-10T23:00:00Z",
                span(days(1, BERLIN).cycleAt(at("2026-03-10T12:00:00Z"))));
        assertEquals("1D2026-03-06 2026-03-06T05:00:00Z 2026-03-07T05:00:00Z",
                span(days(1, NEW_YORK).cycleAt(at("2026-03-07T04:59:59.999Z"))));
    }

    @Test
    void dstMakesDaysOf23And25Hours() {
        Cycle spring = days(1, BERLIN).cycleAt(at("2026-03-29T12:00:00Z"));
        assertEquals("1D2026-03-29 2026-03-28T23:00:00Z 2026-03-29T22:00:00Z", span(spring));
        assertEquals(Duration.ofHours(23), Duration.between(spring.start(), spring.end()));
        Cycle autumn = days(1, BERLIN).cycleAt(at("2026-10-25T12:00:00Z"));
        assertEquals("1D2026-10-25 2026-10-24T22:00:00Z 2026-10-25T23:00:00Z", span(autumn));
        assertEquals(Duration.ofHours(25), Duration.between(autumn.start(), autumn.end()));
        Cycle newYorkSpring = days(1, NEW_YORK).cycleAt(at("2026-03-08T12:00:00Z"));
        assertEquals(Duration.ofHours(23), Duration.between(newYorkSpring.start(), newYorkSpring.end()));
    }

    @Test
    void aDayWithoutMidnightStartsAtItsFirstHour() {
        // São Paulo moved its clocks from 00:00 to 01:00 on 2018-11-04
        ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
        Cycle day = days(1, saoPaulo).cycleAt(at("2018-11-04T12:00:00Z"));
        assertEquals("1D2018-11-04 2018-11-04T03:00:00Z 2018-11-05T02:00:00Z", span(day));
        assertEquals(day.start(), days(1, saoPaulo).cycleAt(at("2018-11-03T12:00:00Z")).end());
    }

    @Test
    void weeksStartOnMondayInTheirZone() {
        assertEquals("1W2026-03-02 2026-03-02T00:00:00Z 2026-03-09T00:00:00Z",
                span(weeks(1, UTC).cycleAt(at("2026-03-02T03:00:00Z"))));
        // Sunday 22:00 in New York: still the week before
        assertEquals("1W2026-02-23 2026-02-23T05:00:00Z 2026-03-02T05:00:00Z",
                span(weeks(1, NEW_YORK).cycleAt(at("2026-03-02T03:00:00Z"))));
    }

    @Test
    void severalUnitsLieOnAGridFromTheEpoch() {
        // 3-day cycles count from 1970-01-01: 2026-03-01 is epoch day 20513, 20511 starts its cycle
        assertEquals("3D2026-02-27 2026-02-27T00:00:00Z 2026-03-02T00:00:00Z",
                span(days(3, UTC).cycleAt(at("2026-03-01T10:00:00Z"))));
        // 2-week cycles count from Monday 1969-12-29
        assertEquals("2W2026-02-23 2026-02-23T00:00:00Z 2026-03-09T00:00:00Z",
                span(weeks(2, UTC).cycleAt(at("2026-03-02T10:00:00Z"))));
        // 3 months are the quarters, 12 the calendar year
        assertEquals("3M2026-04-01 2026-04-01T00:00:00Z 2026-07-01T00:00:00Z",
                span(months(3, UTC).cycleAt(at("2026-05-15T10:00:00Z"))));
        assertEquals("12M2026-01-01 2025-12-31T23:00:00Z 2026-12-31T23:00:00Z",
                span(months(12, BERLIN).cycleAt(at("2026-05-15T10:00:00Z"))));
        assertEquals("1M1969-12-01 1969-12-01T00:00:00Z 1970-01-01T00:00:00Z",
                span(months(1, UTC).cycleAt(at("1969-12-31T23:59:59.999Z"))));
    }

    @Test
    void aMonthBoundaryDiffersBetweenZones() {
        Instant t = at("2026-02-28T23:30:00Z");
        assertEquals("1M2026-02-01", months(1, UTC).cycleAt(t).key());
        assertEquals("1M2026-03-01", months(1, BERLIN).cycleAt(t).key());
        assertEquals("1M2026-02-01", months(1, NEW_YORK).cycleAt(at("2026-03-01T04:59:59Z")).key());
    }

    @Test
    void aCycleHoldsItsStartAndNotItsEnd() {
        RuleWindow.Fixed month = months(1, BERLIN);
        Cycle march = month.cycleAt(at("2026-03-15T00:00:00Z"));
        assertEquals(march, month.cycleAt(march.start()));
        assertEquals(march, month.cycleAt(march.end().minusMillis(1)));
        assertEquals(month.indexOf(march.start()) + 1, month.indexOf(march.end()));
        assertEquals(march.end(), month.cycle(month.indexOf(march.end())).start());
    }

    @Test
    void consecutiveCyclesAbutThroughDstChanges() {
        for (RuleWindow.Fixed w : new RuleWindow.Fixed[] {days(1, BERLIN), days(5, NEW_YORK), weeks(1, BERLIN),
                weeks(3, NEW_YORK), months(1, BERLIN), months(2, NEW_YORK)}) {
            long first = w.indexOf(at("2026-01-01T00:00:00Z"));
            for (long i = first; i < first + 400; i++) {
                assertEquals(w.cycle(i).end(), w.cycle(i + 1).start(), w + " " + i);
                assertEquals(i, w.indexOf(w.cycle(i).start()));
                assertEquals(i, w.indexOf(w.cycle(i).end().minusMillis(1)));
            }
        }
    }

    @Test
    void aRollingWindowIsElapsedDays() {
        assertEquals(Duration.ofHours(7 * 24), new RuleWindow.Rolling(7).span());
    }
}
