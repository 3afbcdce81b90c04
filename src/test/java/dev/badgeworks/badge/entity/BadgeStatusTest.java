package dev.badgeworks.badge.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadgeStatusTest {

    private static final long START = 1_000_000;
    private static final long END = 2_000_000;

    @ParameterizedTest
    @CsvSource({
            "0,       UPCOMING",
            "999999,  UPCOMING",
            "1000000, LIVE",
            "1500000, LIVE",
            "2000000, LIVE",
            "2000001, EXPIRED"})
    void bothWindowEndsAreInclusive(long now, BadgeStatus expected) {
        assertEquals(expected, BadgeStatus.at(START, END, now));
    }
}
