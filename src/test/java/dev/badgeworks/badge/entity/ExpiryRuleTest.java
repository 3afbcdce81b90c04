package dev.badgeworks.badge.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpiryRuleTest {

    private static final Instant BADGE_END = Instant.parse("2030-01-01T00:00:00Z");

    @ParameterizedTest
    @CsvSource({
            "DAYS,   1,  2025-01-31T10:15:30.250Z, 2025-02-01T10:15:30.250Z",
            "DAYS,   30, 2025-02-15T00:00:00Z,     2025-03-17T00:00:00Z",
            "WEEKS,  2,  2025-01-31T10:15:30Z,     2025-02-14T10:15:30Z",
            "MONTHS, 1,  2025-01-31T10:15:30Z,     2025-02-28T10:15:30Z",
            "MONTHS, 1,  2024-01-31T23:59:59Z,     2024-02-29T23:59:59Z",
            "MONTHS, 13, 2025-01-31T00:00:00Z,     2026-02-28T00:00:00Z",
            "MONTHS, 1,  2025-01-30T20:00:00Z,     2025-02-28T20:00:00Z",
            "MONTHS, 1,  2025-01-31T02:00:00Z,     2025-02-28T02:00:00Z",
            "DAYS,   1,  2025-03-08T12:00:00Z,     2025-03-09T12:00:00Z"})
    void relativeCountsCalendarUnitsInUtcFromProcessing(RelativeUnit unit, int value, Instant processed,
                                                         Instant expected) {
        assertEquals(expected, ExpiryRule.relative(unit, value).expiresAt(processed, BADGE_END));
    }

    @Test
    void fixedDateIgnoresProcessingTimeAndBadgeEnd() {
        Instant fixed = Instant.parse("2026-06-30T12:00:00.123Z");
        ExpiryRule rule = ExpiryRule.fixedDate(fixed);
        assertEquals(fixed, rule.expiresAt(Instant.parse("2025-01-01T00:00:00Z"), BADGE_END));
        assertEquals(fixed, rule.expiresAt(Instant.parse("2027-01-01T00:00:00Z"), BADGE_END));
    }

    @Test
    void withBadgeMetaFollowsTheBadgeExpiry() {
        assertEquals(BADGE_END, ExpiryRule.withBadge().expiresAt(Instant.parse("2025-01-01T00:00:00Z"), BADGE_END));
    }

    @ParameterizedTest
    @CsvSource({"2025-01-31T10:15:30.999Z, 2125-01-31T10:15:30.999Z", "2024-02-29T00:00:00Z, 2124-02-29T00:00:00Z"})
    void neverIsProcessingPlus100Years(Instant processed, Instant expected) {
        assertEquals(expected, ExpiryRule.never().expiresAt(processed, BADGE_END));
    }

    @Test
    void onlyTheFieldsOfTheChosenTypeAreKept() {
        ExpiryRule never = new ExpiryRule(ExpiryType.NEVER, RelativeUnit.DAYS, 5, AbsoluteType.FIXED_DATE, 1L);
        assertNull(never.relativeUnit());
        assertNull(never.relativeValue());
        assertNull(never.absoluteType());
        assertNull(never.fixedExpiresOnMs());
        ExpiryRule withBadge = new ExpiryRule(ExpiryType.ABSOLUTE, RelativeUnit.DAYS, 5, AbsoluteType.WITH_BADGE_META, 1L);
        assertNull(withBadge.relativeUnit());
        assertNull(withBadge.fixedExpiresOnMs());
        assertEquals(AbsoluteType.WITH_BADGE_META, withBadge.absoluteType());
    }
}
