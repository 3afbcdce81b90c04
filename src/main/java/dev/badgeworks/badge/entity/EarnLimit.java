package dev.badgeworks.badge.entity;

import java.time.Instant;
import java.util.List;

/**
 * One earn limit of a badge, as enforced: at most {@link #max()} earns in the window an earn falls into.
 * A customer rolling constraint with day, week and month limits is three {@link Rolling} limits.
 */
public sealed interface EarnLimit {

    LimitLevel level();

    /** The constraintType a client configured it with. */
    String constraintType();

    /**
     * The limit's maximum for an earn with this event date (fixed windows may change their limit from a cycle on).
     */
    int max(long eventMs, BadgeMeta badge);

    /** The earns an earn with this event date, processed at {@code nowMs}, is counted with. */
    CountWindow window(long eventMs, long nowMs, BadgeMeta badge);

    /** What the limit allows, for the error message: "1 per 7 days". */
    String describe(long eventMs, long nowMs, BadgeMeta badge);

    /** At most {@code max} over the badge's whole life. */
    record Overall(LimitLevel level, int maxEarnLimit) implements EarnLimit {

        public String constraintType() {
            return level == LimitLevel.CUSTOMER ? "CUSTOMER_BADGE_FIXED_VALUE" : "BADGE_FIXED_VALUE";
        }

        public int max(long eventMs, BadgeMeta badge) {
            return maxEarnLimit;
        }

        public CountWindow window(long eventMs, long nowMs, BadgeMeta badge) {
            return CountWindow.ALL;
        }

        public String describe(long eventMs, long nowMs, BadgeMeta badge) {
            return maxEarnLimit + " over the badge's life";
        }
    }

    /** At most {@code max} processed in the {@code length} units before now (the processing time, not the event). */
    record Rolling(LimitLevel level, WindowUnit unit, int length, int maxEarnLimit) implements EarnLimit {

        public String constraintType() {
            return level == LimitLevel.CUSTOMER ? "CUSTOMER_BADGE_ROLLING_WINDOW" : "BADGE_ROLLING_WINDOW";
        }

        public int max(long eventMs, BadgeMeta badge) {
            return maxEarnLimit;
        }

        /** Earns processed after now minus the window, up to any time (a migrated earn may be dated ahead). */
        public CountWindow window(long eventMs, long nowMs, BadgeMeta badge) {
            return new CountWindow(CountWindow.Basis.EARNED_ON, unit.minus(nowMs, length) + 1, Long.MAX_VALUE);
        }

        public String describe(long eventMs, long nowMs, BadgeMeta badge) {
            return maxEarnLimit + " per " + unit.describe(length) + " (rolling, by processing time)";
        }
    }

    /**
     * At most {@code max} per cycle, counted in the cycle that contains the earn's event date. {@code configs} are
     * the window's configurations in the order they took over (docs/decisions.md, "Fixed-window changes").
     */
    record FixedWindow(LimitLevel level, List<FixedWindowConfig> configs) implements EarnLimit {

        public String constraintType() {
            return level == LimitLevel.CUSTOMER ? "CUSTOMER_BADGE_FIXED_WINDOW" : "BADGE_FIXED_WINDOW";
        }

        public int max(long eventMs, BadgeMeta badge) {
            return configs.get(configIndexAt(eventMs)).maxEarnLimit();
        }

        public CountWindow window(long eventMs, long nowMs, BadgeMeta badge) {
            Cycle cycle = cycleAt(eventMs, badge);
            return new CountWindow(CountWindow.Basis.EVENT, cycle.startMs(), cycle.endMs());
        }

        public String describe(long eventMs, long nowMs, BadgeMeta badge) {
            Cycle cycle = cycleAt(eventMs, badge);
            return max(eventMs, badge) + " per cycle of " + configs.get(configIndexAt(eventMs)).describe()
                    + " (the event date's cycle " + Instant.ofEpochMilli(cycle.startMs()) + " – " + Instant.ofEpochMilli(cycle.endMs()) + ")";
        }

        /** The configuration in force at {@code tMs}: the last one that took over at or before it. */
        public int configIndexAt(long tMs) {
            int index = 0;
            for (int i = 1; i < configs.size(); i++) {
                if (configs.get(i).fromMs() <= tMs) {
                    index = i;
                }
            }
            return index;
        }

        /** When configuration {@code i} runs from (the badge start for the first). */
        public long startOf(int i, BadgeMeta badge) {
            Long from = configs.get(i).fromMs();
            return from == null ? badge.startOnMs() : from;
        }

        /** When configuration {@code i} ends (inclusive): where the next took over, else the badge end. */
        public long endOf(int i, BadgeMeta badge) {
            return i + 1 < configs.size() ? configs.get(i + 1).fromMs() - 1 : badge.expiresOnMs();
        }

        /**
         * The cycle containing {@code tMs}: the configuration's grid cycle, cut to the configuration's own span and
         * to the badge end (an ISSUE_EARN earn dated after the badge end keeps its whole grid cycle).
         */
        public Cycle cycleAt(long tMs, BadgeMeta badge) {
            int i = configIndexAt(tMs);
            FixedWindowConfig config = configs.get(i);
            long anchor = startOf(i, badge);
            long[] grid = config.gridCycle(anchor, tMs);
            long start = Math.max(grid[0], anchor);
            long end = grid[1] - 1;
            if (i + 1 < configs.size()) {
                end = Math.min(end, configs.get(i + 1).fromMs() - 1);
            } else if (tMs <= badge.expiresOnMs()) {
                end = Math.min(end, badge.expiresOnMs());
            }
            return new Cycle(config.referenceId(), start, end);
        }

        /** The cycles overlapping [fromMs, toMs], within the badge's life, in order. */
        public List<Cycle> cycles(long fromMs, long toMs, BadgeMeta badge) {
            List<Cycle> cycles = new java.util.ArrayList<>();
            long t = Math.max(fromMs, badge.startOnMs());
            long until = Math.min(toMs, badge.expiresOnMs());
            while (t <= until) {
                Cycle cycle = cycleAt(t, badge);
                cycles.add(cycle);
                t = cycle.endMs() + 1;
            }
            return cycles;
        }
    }
}
