package dev.badgeworks.badge.entity;

/** Time status of a badge, derived from its window and the clock. Both window ends are inclusive. */
public enum BadgeStatus {
    UPCOMING, LIVE, EXPIRED;

    public static BadgeStatus at(long startOnMs, long expiresOnMs, long nowMs) {
        if (nowMs < startOnMs) {
            return UPCOMING;
        }
        return nowMs <= expiresOnMs ? LIVE : EXPIRED;
    }
}
