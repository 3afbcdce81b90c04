package dev.badgeworks.customer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.CountWindow;
import dev.badgeworks.badge.entity.EarnLimit;
import dev.badgeworks.badge.entity.FixedWindowConfig;
import dev.badgeworks.badge.entity.LimitLevel;
import dev.badgeworks.badge.entity.WindowUnit;
import dev.badgeworks.earn.control.BadgeFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintStatisticsTest {

    private static final long NOW = BadgeFixture.NOW.toEpochMilli();
    private final BadgeMeta badge = BadgeFixture.liveEarn().stored();
    private final List<CountWindow> asked = new ArrayList<>();

    private ConstraintStatistics of(EarnLimit limit) {
        return ConstraintStatistics.of(limit, badge, NOW, w -> {
            asked.add(w);
            return 4;
        });
    }

    @Test
    void anOverallLimitCountsEveryActiveEarn() {
        ConstraintStatistics s = of(new EarnLimit.Overall(LimitLevel.CUSTOMER, 5));
        assertEquals("CUSTOMER", s.constraintLevel());
        assertEquals("OVERALL", s.constraintType());
        assertEquals(5, s.maxEarnLimit());
        assertEquals(4, s.earnConstraintBlockStatistics().currentEarnCount());
        assertEquals(List.of(CountWindow.ALL), asked);
        assertNull(s.fixedWindowCycle());
    }

    @Test
    void aRollingWindowCountsTheLastUnitsByProcessingDateUnderItsUnitsName() {
        ConstraintStatistics s = of(new EarnLimit.Rolling(LimitLevel.CUSTOMER, WindowUnit.WEEKS, 2, 3));
        assertEquals("ROLLING_WINDOW", s.constraintType());
        assertEquals("WEEKS", s.rollType());
        assertEquals(2, s.rollValue());
        assertEquals(4L, s.earnConstraintBlockStatistics().currentEarnCountWeeks());
        assertNull(s.earnConstraintBlockStatistics().currentEarnCountDays());
        assertEquals(CountWindow.Basis.EARNED_ON, asked.get(0).basis());
        assertEquals(NOW - Duration.ofDays(14).toMillis() + 1, asked.get(0).fromMs());
    }

    @Test
    void aFixedWindowCountsTheCurrentCycleAndNamesIt() {
        ConstraintStatistics s = of(new EarnLimit.FixedWindow(LimitLevel.BADGE,
                List.of(new FixedWindowConfig("ref-1", WindowUnit.DAYS, 3, null, 7, null))));
        assertEquals("BADGE", s.constraintLevel());
        assertEquals("FIXED_WINDOW", s.constraintType());
        assertEquals("DAYS", s.durationType());
        assertEquals(3, s.refreshRate());
        assertEquals("ACTIVE", s.cycleStatus());
        assertEquals("ref-1", s.fixedWindowReferenceId());
        Instant start = Instant.parse(s.fixedWindowCycle().startDateISO());
        Instant end = Instant.parse(s.fixedWindowCycle().endDateISO());
        assertEquals(true, !start.isAfter(BadgeFixture.NOW) && !end.isBefore(BadgeFixture.NOW), start + " – " + end);
        assertEquals(new CountWindow(CountWindow.Basis.EVENT, start.toEpochMilli(), end.toEpochMilli()), asked.get(0));
    }
}
