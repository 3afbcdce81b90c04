package dev.badgeworks.badge.entity;

import dev.badgeworks.api.Spelled;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The unit of rolling and fixed windows. All calendar arithmetic is in UTC (docs/decisions.md, "Earn limits"). */
public enum WindowUnit implements Spelled {
    // the prose names fixed-window durations DAILY/WEEKLY/MONTHLY, every example DAYS/WEEKS/MONTHS
    DAYS("DAILY"), WEEKS("WEEKLY"), MONTHS("MONTHLY");

    private final List<String> otherSpellings;

    WindowUnit(String otherSpelling) {
        this.otherSpellings = List.of(otherSpelling);
    }

    @Override
    public List<String> otherSpellings() {
        return otherSpellings;
    }

    /** The instant {@code amount} units before {@code t}: days of 24 h, weeks of 7 days, calendar months. */
    public long minus(long tMs, int amount) {
        return switch (this) {
            case DAYS -> tMs - Duration.ofDays(amount).toMillis();
            case WEEKS -> tMs - Duration.ofDays(7L * amount).toMillis();
            case MONTHS -> Instant.ofEpochMilli(tMs).atZone(ZoneOffset.UTC).minusMonths(amount).toInstant().toEpochMilli();
        };
    }

    /** "7 days", "1 week", "3 months". */
    public String describe(int amount) {
        String name = name().toLowerCase(java.util.Locale.ROOT);
        return amount + " " + (amount == 1 ? name.substring(0, name.length() - 1) : name);
    }
}
