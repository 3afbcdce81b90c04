package dev.badgeworks.customer.control;

import dev.badgeworks.api.ApiTime;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.CountWindow;
import dev.badgeworks.badge.entity.Cycle;
import dev.badgeworks.badge.entity.EarnLimit;
import dev.badgeworks.badge.entity.FixedWindowConfig;
import dev.badgeworks.badge.entity.WindowUnit;
import java.math.BigDecimal;
import java.util.function.ToLongFunction;

/**
 * One earn limit in the reference's read-side shape (§2.5: {@code constraintLevel}, {@code constraintType} OVERALL,
 * ROLLING_WINDOW or FIXED_WINDOW, the window's settings, and {@code earnConstraintBlockStatistics} with the earns
 * counted now in the window an earn made now would be counted in). A customer rolling constraint with day, week
 * and month limits is one entry per unit, as the limits are enforced.
 */
public record ConstraintStatistics(String constraintLevel, String constraintType, String rollType, Integer rollValue,
                                   Integer refreshRate, String durationType, String cycleStatus,
                                   String startDayOfTheWeek, int maxEarnLimit, EarnCounts earnConstraintBlockStatistics,
                                   CycleView fixedWindowCycle, String fixedWindowReferenceId) {

    /** The current count; the per-unit field of a rolling window repeats it under its unit's name. */
    public record EarnCounts(long currentEarnCount, Long currentEarnCountDays, Long currentEarnCountWeeks,
                             Long currentEarnCountMonths) {
    }

    public record CycleView(BigDecimal startDate, String startDateISO, BigDecimal endDate, String endDateISO) {

        static CycleView of(Cycle c) {
            return new CycleView(ApiTime.legacy(c.startMs()), ApiTime.iso(c.startMs()), ApiTime.legacy(c.endMs()),
                    ApiTime.iso(c.endMs()));
        }
    }

    /**
     * The limit's statistics at {@code nowMs}; {@code count} counts the active earns in a window (the customer's for
     * a customer limit, all customers' for a badge limit).
     */
    public static ConstraintStatistics of(EarnLimit limit, BadgeMeta badge, long nowMs,
                                          ToLongFunction<CountWindow> count) {
        String level = limit.level().name();
        CountWindow window = limit.window(nowMs, nowMs, badge);
        long current = count.applyAsLong(window);
        int max = limit.max(nowMs, badge);
        if (limit instanceof EarnLimit.Rolling r) {
            return new ConstraintStatistics(level, "ROLLING_WINDOW", r.unit().name(), r.length(), null, null, null,
                    null, max, new EarnCounts(current, r.unit() == WindowUnit.DAYS ? current : null,
                    r.unit() == WindowUnit.WEEKS ? current : null, r.unit() == WindowUnit.MONTHS ? current : null),
                    null, null);
        }
        if (limit instanceof EarnLimit.FixedWindow f) {
            int i = f.configIndexAt(nowMs);
            FixedWindowConfig config = f.configs().get(i);
            String status = nowMs < f.startOf(i, badge) ? "UPCOMING" : nowMs > f.endOf(i, badge) ? "EXPIRED" : "ACTIVE";
            return new ConstraintStatistics(level, "FIXED_WINDOW", null, null, config.refreshRate(),
                    config.unit().name(), status, config.startDay() == null ? null : config.startDay().name(), max,
                    new EarnCounts(current, null, null, null), CycleView.of(f.cycleAt(nowMs, badge)),
                    config.referenceId());
        }
        return new ConstraintStatistics(level, "OVERALL", null, null, null, null, null, null, max,
                new EarnCounts(current, null, null, null), null, null);
    }
}
