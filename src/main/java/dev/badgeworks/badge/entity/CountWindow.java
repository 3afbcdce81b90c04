package dev.badgeworks.badge.entity;

/**
 * The earns an earn limit counts: all active earns ({@link Basis#ALL}), those processed in a time range
 * ({@link Basis#EARNED_ON}, rolling windows) or those whose event lies in a range ({@link Basis#EVENT}, fixed-window
 * cycles). Both ends are inclusive.
 */
public record CountWindow(Basis basis, long fromMs, long toMs) {

    public enum Basis { ALL, EARNED_ON, EVENT }

    public static final CountWindow ALL = new CountWindow(Basis.ALL, Long.MIN_VALUE, Long.MAX_VALUE);

    /**
     * Whether earns still come into the window at {@code nowMs}: a rolling window (it ends in the future), a cycle
     * that holds now. Only such a window's count is kept (issue 31); a past cycle's is counted.
     */
    public boolean inProgress(long nowMs) {
        return switch (basis) {
            case ALL, EARNED_ON -> true;
            case EVENT -> contains(nowMs, nowMs);
        };
    }

    public boolean contains(long eventMs, long earnedOnMs) {
        return switch (basis) {
            case ALL -> true;
            case EARNED_ON -> earnedOnMs >= fromMs && earnedOnMs <= toMs;
            case EVENT -> eventMs >= fromMs && eventMs <= toMs;
        };
    }
}
