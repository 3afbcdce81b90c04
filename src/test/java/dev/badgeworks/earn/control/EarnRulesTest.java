package dev.badgeworks.earn.control;

import static dev.badgeworks.earn.control.BadgeFixture.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.api.ApiTime;
import dev.badgeworks.badge.entity.ExpiryRule;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.badge.entity.RelativeUnit;
import dev.badgeworks.earn.entity.Enrolment;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarnRulesTest {

    private static final BadgeFixture LIVE = BadgeFixture.liveEarn();
    private static final BadgeFixture EXPIRED = BadgeFixture.earn(NOW.minus(Duration.ofDays(30)),
            NOW.minus(Duration.ofDays(10)));

    private static EarnDecision decide(BadgeFixture badge, boolean claimActive, Instant event) {
        return EarnRules.decide(badge.stored(), claimActive, List.of(), event, NOW);
    }

    private static String outcome(BadgeFixture badge, boolean claimActive, Instant event) {
        EarnDecision d = decide(badge, claimActive, event);
        return d.accepted() ? "accepted" : d.error().code() + " " + d.error().reference();
    }

    private static String outcome(BadgeFixture badge, Instant event) {
        return outcome(badge, true, event);
    }

    private static EarnDecision accepted(BadgeFixture badge, Instant event) {
        EarnDecision d = decide(badge, true, event);
        assertTrue(d.accepted(), () -> "refused: " + d.error());
        return d;
    }

    @Test
    void aDeactivatedBadgeIsRefused() {
        assertEquals("1120 badgeMetaId", outcome(LIVE.deactivated(), NOW));
        assertEquals("accepted", outcome(LIVE, NOW));
    }

    @Test
    void theEventMayLieUpTo24HoursAhead() {
        Instant limit = NOW.plus(Duration.ofHours(24));
        assertEquals(limit.toEpochMilli(), accepted(LIVE, limit).eventMs());
        assertEquals("750 earnEventDate", outcome(LIVE, limit.plusMillis(1)));
    }

    @Test
    void anUpcomingBadgeIsRefusedEvenForAnEventInsideItsWindow() {
        BadgeFixture upcoming = BadgeFixture.earn(NOW.plusMillis(1), NOW.plus(Duration.ofDays(30)));
        assertEquals("815 badgeMetaId", outcome(upcoming, NOW.plus(Duration.ofHours(1))));
        assertEquals("accepted", outcome(BadgeFixture.earn(NOW, NOW.plus(Duration.ofDays(30))), NOW));
    }

    @Test
    void anActiveClaimIsRequired() {
        assertEquals("810 triggeredBy", outcome(LIVE, false, NOW));
    }

    @Test
    void theEventMustLieInTheBadgeWindowWithBothEndsInclusive() {
        BadgeFixture badge = BadgeFixture.earn(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofHours(2)));
        assertEquals("accepted", outcome(badge, badge.start()));
        assertEquals("accepted", outcome(badge, badge.end()));
        assertEquals("1122 earnEventDate", outcome(badge, badge.start().minusMillis(1)));
        assertEquals("1122 earnEventDate", outcome(badge, badge.end().plusMillis(1)));
    }

    @Test
    void aMissingEventDateMeansNow() {
        assertEquals(NOW.toEpochMilli(), accepted(LIVE, null).eventMs());
        assertEquals("1122 earnEventDate", outcome(EXPIRED, null));
    }

    @Test
    void anExpiredBadgeCanBeEarnedForAnEventInsideItsWindow() {
        assertEquals(EXPIRED.end().toEpochMilli(), accepted(EXPIRED, EXPIRED.end()).eventMs());
        assertEquals("accepted", outcome(EXPIRED, NOW.minus(Duration.ofDays(20))));
        assertEquals("1122 earnEventDate", outcome(EXPIRED, EXPIRED.end().plusMillis(1)));
    }

    @Test
    void checksRunInOrderActiveFutureStartedClaimWindow() {
        BadgeFixture upcoming = BadgeFixture.earn(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
        Instant tooFar = NOW.plus(Duration.ofDays(2));
        assertEquals("1120 badgeMetaId", outcome(LIVE.deactivated(), false, NOW));
        assertEquals("1120 badgeMetaId", outcome(upcoming.deactivated(), false, tooFar));
        assertEquals("750 earnEventDate", outcome(upcoming, false, tooFar));
        assertEquals("815 badgeMetaId", outcome(upcoming, false, NOW));
        assertEquals("810 triggeredBy", outcome(EXPIRED, false, NOW));
    }

    @Test
    void relativeExpiryCountsFromProcessingTimeNotFromTheEvent() {
        EarnDecision d = accepted(LIVE.earned(ExpiryRule.relative(RelativeUnit.DAYS, 30)),
                NOW.minus(Duration.ofDays(5)));
        assertEquals(NOW.minus(Duration.ofDays(5)).toEpochMilli(), d.eventMs());
        assertEquals(NOW.plus(Duration.ofDays(30)).toEpochMilli(), d.expiresOnMs());
    }

    @Test
    void relativeExpiryOfARetroEarnOnAnExpiredBadgeCountsFromNowToo() {
        EarnDecision d = accepted(EXPIRED.earned(ExpiryRule.relative(RelativeUnit.DAYS, 30)),
                NOW.minus(Duration.ofDays(20)));
        assertEquals(NOW.plus(Duration.ofDays(30)).toEpochMilli(), d.expiresOnMs());
    }

    @Test
    void expiryWithTheBadgeIsTheBadgesExpiry() {
        assertEquals(LIVE.end().toEpochMilli(),
                accepted(LIVE.earned(ExpiryRule.withBadge()), NOW.minus(Duration.ofDays(1))).expiresOnMs());
    }

    @Test
    void aFixedExpiryIsThatDate() {
        Instant fixed = Instant.parse("2026-03-15T08:00:00Z");
        assertEquals(fixed.toEpochMilli(), accepted(LIVE.earned(ExpiryRule.fixedDate(fixed)), NOW).expiresOnMs());
    }

    @Test
    void neverExpiringIsNowPlus100Years() {
        Instant expected = NOW.atZone(ZoneOffset.UTC).plusYears(100).toInstant();
        assertEquals(expected.toEpochMilli(),
                accepted(LIVE.earned(ExpiryRule.never()), NOW.minus(Duration.ofDays(3))).expiresOnMs());
    }

    @Test
    void enrolmentsPlayNoPartForAnEarnBadge() {
        Enrolment covering = new Enrolment("e-1", 1, "b-1", "c-1", NOW.minus(Duration.ofDays(1)).toEpochMilli(),
                NOW.minus(Duration.ofDays(1)).toEpochMilli(), NOW.plus(Duration.ofDays(1)).toEpochMilli(),
                OwnerType.Loyalty, "7", null);
        EarnDecision d = EarnRules.decide(LIVE.stored(), true, List.of(covering), NOW, NOW);
        assertTrue(d.accepted());
        assertNull(d.enrolmentId());
    }

    @Test
    void anOffsetDateIsTheSameInstantAsItsUtcForm() {
        BadgeFixture badge = BadgeFixture.earn(NOW.minus(Duration.ofDays(10)),
                Instant.parse("2025-06-01T20:00:00Z"));
        Instant local = ApiTime.parse("2025-06-02T01:30:00+05:30");
        assertEquals(ApiTime.parse("2025-06-01T20:00:00Z"), local);
        assertEquals(local.toEpochMilli(), accepted(badge, local).eventMs());
        assertEquals("1122 earnEventDate", outcome(badge, ApiTime.parse("2025-06-02T01:30:00.001+05:30")));
        assertEquals("accepted", outcome(badge, ApiTime.parse("2025-06-02T10:00:00+14:00")));
        assertEquals("750 earnEventDate", outcome(LIVE, ApiTime.parse("2025-06-02T02:00:00.001-10:00")));
        assertEquals("accepted", outcome(LIVE, ApiTime.parse("2025-06-02T02:00:00-10:00")));
    }

    @Test
    void aMigratedEarnMayHaveExpiredButNotBeforeItsOwnEvent() {
        var badge = BadgeFixture.liveEarn().stored();
        Instant event = NOW.minus(java.time.Duration.ofDays(2));
        EarnDecision expired = EarnRules.decide(EarnMode.MIGRATION, badge, false, List.of(), event,
                NOW.minus(java.time.Duration.ofDays(1)), NOW);
        assertTrue(expired.accepted(), "expired already: kept as given");
        EarnDecision backwards = EarnRules.decide(EarnMode.MIGRATION, badge, false, List.of(), event,
                event.minusMillis(1), NOW);
        assertEquals("1105 earnExpiresOn", backwards.error().code() + " " + backwards.error().reference());
        assertTrue(EarnRules.decide(EarnMode.MIGRATION, badge, false, List.of(), null, Instant.ofEpochMilli(-1), NOW)
                .accepted(), "without an event date the given expiry is taken as it is");
    }
}
