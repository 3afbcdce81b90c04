package dev.badgeworks.badge.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Time status of a badge, derived from its window and the clock. Both window ends are inclusive. The one home of
 * this rule: in Java ({@link #at}) and as a query's condition ({@link #anyOf}), for JPQL and SQL alike.
 */
public enum BadgeStatus {
    UPCOMING, LIVE, EXPIRED;

    public static BadgeStatus at(long startOnMs, long expiresOnMs, long nowMs) {
        if (nowMs < startOnMs) {
            return UPCOMING;
        }
        return nowMs <= expiresOnMs ? LIVE : EXPIRED;
    }

    /** A query's condition and how often it names the current time (for positional parameters). */
    public record Condition(String text, int nowParameters) {
    }

    /**
     * {@link #at} as a query's condition that a badge has any of these statuses, over the expressions of its start
     * and expiry and the current time as the query writes them ({@code b.startOnMs}, {@code :now} in JPQL;
     * {@code b.start_on_ms}, {@code ?} in SQL).
     */
    public static Condition anyOf(Collection<BadgeStatus> statuses, String start, String expires, String now) {
        List<String> any = new ArrayList<>();
        int nowParameters = 0;
        for (BadgeStatus status : statuses) {
            any.add(switch (status) {
                case UPCOMING -> start + " > " + now;
                case LIVE -> "(" + start + " <= " + now + " AND " + expires + " >= " + now + ")";
                case EXPIRED -> expires + " < " + now;
            });
            nowParameters += status == LIVE ? 2 : 1;
        }
        return new Condition("(" + String.join(" OR ", any) + ")", nowParameters);
    }
}
