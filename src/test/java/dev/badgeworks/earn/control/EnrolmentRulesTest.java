package dev.badgeworks.earn.control;

import static dev.badgeworks.earn.control.BadgeFixture.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.badge.entity.ExpiryRule;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.badge.entity.RelativeUnit;
import dev.badgeworks.earn.entity.Enrolment;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnrolmentRulesTest {

    private static final BadgeFixture BADGE = BadgeFixture.liveIssueEarn();

    private static String error(BadgeFixture badge, boolean claimActive, Instant event) {
        ApiError e = EarnRules.enrolmentError(badge.stored(), claimActive, event, NOW);
        return e == null ? "ok" : e.code() + " " + e.reference();
    }

    private static String error(BadgeFixture badge, Instant event) {
        return error(badge, true, event);
    }

    @Test
    void aFineRequestHasNoError() {
        assertNull(EarnRules.enrolmentError(BADGE.stored(), true, NOW, NOW));
    }

    @Test
    void onlyIssueEarnBadgesTakeEnrolments() {
        BadgeFixture earn = BadgeFixture.liveEarn();
        assertEquals("1124 badgeMetaId", error(earn, NOW));
        assertEquals("1124 badgeMetaId", error(earn.deactivated(), false, NOW));
    }

    @Test
    void aDeactivatedBadgeIsRefusedBeforeTheClaimIsLookedAt() {
        assertEquals("1120 badgeMetaId", error(BADGE.deactivated(), false, NOW));
    }

    @Test
    void anActiveClaimIsRequired() {
        assertEquals("810 triggeredBy", error(BADGE, false, NOW));
        assertEquals("810 triggeredBy", error(BADGE, false, NOW.plus(Duration.ofDays(3))));
    }

    @Test
    void theEventMayLieUpTo24HoursAhead() {
        Instant limit = NOW.plus(Duration.ofHours(24));
        assertEquals("ok", error(BADGE, limit));
        assertEquals("750 issueEventDate", error(BADGE, limit.plusMillis(1)));
        assertEquals("750 issueEventDate", error(BADGE, BADGE.end().plusMillis(1)));
    }

    @Test
    void theEventMustLieInTheBadgeWindowWithBothEndsInclusive() {
        BadgeFixture badge = BadgeFixture.issueEarn(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofHours(2)));
        assertEquals("ok", error(badge, badge.start()));
        assertEquals("ok", error(badge, badge.end()));
        assertEquals("816 issueEventDate", error(badge, badge.start().minusMillis(1)));
        assertEquals("816 issueEventDate", error(badge, badge.end().plusMillis(1)));
    }

    @Test
    void anExpiredBadgeTakesABackDatedEnrolmentInsideItsWindow() {
        BadgeFixture expired = BadgeFixture.issueEarn(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(10)));
        assertEquals("ok", error(expired, expired.end()));
        assertEquals("816 issueEventDate", error(expired, NOW));
    }

    @Test
    void enrolmentExpiryFollowsIssuedExpiryCountedFromNow() {
        assertEquals(NOW.plus(Duration.ofDays(10)).toEpochMilli(), EarnRules.enrolmentExpiresOnMs(BADGE.stored(), NOW));
        assertEquals(NOW.atZone(ZoneOffset.UTC).plusMonths(2).toInstant().toEpochMilli(), EarnRules.enrolmentExpiresOnMs(
                BADGE.issued(ExpiryRule.relative(RelativeUnit.MONTHS, 2)).stored(), NOW));
        assertEquals(BADGE.end().toEpochMilli(),
                EarnRules.enrolmentExpiresOnMs(BADGE.issued(ExpiryRule.withBadge()).stored(), NOW));
        Instant fixed = Instant.parse("2025-08-01T00:00:00Z");
        assertEquals(fixed.toEpochMilli(),
                EarnRules.enrolmentExpiresOnMs(BADGE.issued(ExpiryRule.fixedDate(fixed)).stored(), NOW));
        assertEquals(NOW.atZone(ZoneOffset.UTC).plusYears(100).toInstant().toEpochMilli(),
                EarnRules.enrolmentExpiresOnMs(BADGE.issued(ExpiryRule.never()).stored(), NOW));
    }

    @Test
    void enrolmentExpiryIgnoresTheEarnedExpiry() {
        BadgeFixture badge = BADGE.earned(ExpiryRule.never()).issued(ExpiryRule.relative(RelativeUnit.WEEKS, 1));
        assertEquals(NOW.plus(Duration.ofDays(7)).toEpochMilli(), EarnRules.enrolmentExpiresOnMs(badge.stored(), NOW));
    }

    private static final long FROM = 1_000_000L;
    private static final long UNTIL = 2_000_000L;

    private static Enrolment enrolment(String id, long from, long until) {
        return new Enrolment(id, 1, "b-1", "c-1", from, from, until, OwnerType.Loyalty, "7", null);
    }

    @Test
    void touchingIntervalsOverlap() {
        Enrolment existing = enrolment("e-1", FROM, UNTIL);
        assertSame(existing, EarnRules.overlapping(List.of(existing), UNTIL, UNTIL + 500).orElseThrow());
        assertSame(existing, EarnRules.overlapping(List.of(existing), FROM - 500, FROM).orElseThrow());
        assertSame(existing, EarnRules.overlapping(List.of(existing), FROM + 1, UNTIL - 1).orElseThrow());
        assertSame(existing, EarnRules.overlapping(List.of(existing), FROM - 1, UNTIL + 1).orElseThrow());
    }

    @Test
    void disjointIntervalsDoNotOverlap() {
        Enrolment existing = enrolment("e-1", FROM, UNTIL);
        assertTrue(EarnRules.overlapping(List.of(existing), UNTIL + 1, UNTIL + 500).isEmpty());
        assertTrue(EarnRules.overlapping(List.of(existing), FROM - 500, FROM - 1).isEmpty());
        assertTrue(EarnRules.overlapping(List.of(), FROM, UNTIL).isEmpty());
    }

    @Test
    void aRevokedEnrolmentNeverOverlaps() {
        Enrolment gone = enrolment("e-gone", FROM, UNTIL);
        gone.revoke(FROM + 10);
        assertTrue(EarnRules.overlapping(List.of(gone), FROM, UNTIL).isEmpty());
        Enrolment other = enrolment("e-2", UNTIL, UNTIL + 1000);
        assertSame(other, EarnRules.overlapping(List.of(gone, other), FROM, UNTIL).orElseThrow());
    }
}
