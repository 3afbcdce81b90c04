package dev.badgeworks.earn.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.badge.entity.OwnerType;
import org.junit.jupiter.api.Test;

class EnrolmentTest {

    private static final long FROM = 1_000_000L;
    private static final long UNTIL = 2_000_000L;

    private static Enrolment enrolment() {
        return new Enrolment("e-1", 1, "b-1", "c-1", FROM, FROM + 5, UNTIL, OwnerType.Loyalty, "7", "r-1");
    }

    @Test
    void coversItsWindowWithBothEndsInclusive() {
        Enrolment e = enrolment();
        assertTrue(e.covers(FROM));
        assertTrue(e.covers(UNTIL));
        assertFalse(e.covers(FROM - 1));
        assertFalse(e.covers(UNTIL + 1));
    }

    @Test
    void coversCountsFromTheIssueEventNotFromWhenItWasProcessed() {
        assertTrue(enrolment().covers(FROM + 1));
    }

    @Test
    void isLiveUntilItsExpiryInclusive() {
        Enrolment e = enrolment();
        assertTrue(e.liveAt(UNTIL));
        assertFalse(e.liveAt(UNTIL + 1));
    }

    @Test
    void aRevokedEnrolmentIsNotLiveAndOverlapsNothing() {
        Enrolment e = enrolment();
        assertTrue(e.overlaps(FROM, UNTIL));
        e.revoke(FROM + 10);
        assertTrue(e.revoked());
        assertFalse(e.liveAt(FROM + 20));
        assertFalse(e.overlaps(FROM, UNTIL));
    }

    @Test
    void overlapsIncludeTouchingEnds() {
        Enrolment e = enrolment();
        assertTrue(e.overlaps(UNTIL, UNTIL + 100));
        assertTrue(e.overlaps(FROM - 100, FROM));
        assertFalse(e.overlaps(UNTIL + 1, UNTIL + 100));
        assertFalse(e.overlaps(FROM - 100, FROM - 1));
    }
}
