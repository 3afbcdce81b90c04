package dev.badgeworks.earn.control;

import static dev.badgeworks.earn.control.BadgeFixture.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.badge.entity.ExpiryRule;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.earn.entity.Enrolment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssueEarnRulesTest {

    private static final BadgeFixture BADGE = BadgeFixture.liveIssueEarn();

    private static Enrolment enrolment(String id, Instant from, Instant until) {
        return new Enrolment(id, 1, "b-1", "c-1", from.toEpochMilli(), from.toEpochMilli(), until.toEpochMilli(),
                OwnerType.Loyalty, "7", null);
    }

    private static Enrolment revoked(Enrolment e) {
        e.revoke(NOW.minus(Duration.ofHours(1)).toEpochMilli());
        return e;
    }

    private static String outcome(BadgeFixture badge, List<Enrolment> enrolments, Instant event) {
        EarnDecision d = EarnRules.decide(badge.stored(), true, enrolments, event, NOW);
        return d.accepted() ? "accepted by " + d.enrolmentId() : d.error().code() + " " + d.error().reference();
    }

    private static String outcome(List<Enrolment> enrolments, Instant event) {
        return outcome(BADGE, enrolments, event);
    }

    private static final Instant FROM = NOW.minus(Duration.ofDays(3));
    private static final Instant UNTIL = NOW.plus(Duration.ofHours(5));

    @Test
    void anEnrolmentIsRequired() {
        assertEquals("811 customerId", outcome(List.of(), NOW));
    }

    @Test
    void revokedOrExpiredEnrolmentsDoNotCount() {
        assertEquals("811 customerId", outcome(List.of(revoked(enrolment("e-1", FROM, UNTIL))), NOW));
        Enrolment expired = enrolment("e-2", NOW.minus(Duration.ofDays(5)), NOW.minusMillis(1));
        assertEquals("811 customerId", outcome(List.of(expired), NOW.minus(Duration.ofDays(1))));
        assertEquals("811 customerId", outcome(List.of(revoked(enrolment("e-1", FROM, UNTIL)), expired), NOW));
    }

    @Test
    void anEnrolmentExpiringExactlyNowIsStillLive() {
        Enrolment endsNow = enrolment("e-1", FROM, NOW);
        assertEquals("accepted by e-1", outcome(List.of(endsNow), NOW));
    }

    @Test
    void aLiveEnrolmentCoveringTheEventIsUsed() {
        assertEquals("accepted by e-1", outcome(List.of(enrolment("e-1", FROM, UNTIL)), NOW));
    }

    @Test
    void theLiveEnrolmentCoveringTheEventIsChosenAmongSeveral() {
        Enrolment current = enrolment("e-cur", FROM, UNTIL);
        Enrolment next = enrolment("e-next", UNTIL.plus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(10)));
        assertEquals("accepted by e-cur", outcome(List.of(next, current), NOW));
        assertEquals("accepted by e-next", outcome(List.of(current, next), NOW.plus(Duration.ofHours(7))));
        assertEquals("1123 earnEventDate", outcome(List.of(current, next), UNTIL.plus(Duration.ofMinutes(30))));
    }

    @Test
    void anExpiredEnrolmentDoesNotCoverABackDatedEvent() {
        Enrolment old = enrolment("e-old", NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(6)));
        Enrolment current = enrolment("e-cur", FROM, UNTIL);
        assertEquals("1123 earnEventDate", outcome(List.of(old, current), NOW.minus(Duration.ofDays(7))));
    }

    @Test
    void aRevokedEnrolmentCoveringTheEventIsNotUsed() {
        Enrolment gone = revoked(enrolment("e-gone", NOW.minus(Duration.ofDays(9)), NOW.plus(Duration.ofDays(9))));
        Enrolment later = enrolment("e-later", NOW.minus(Duration.ofHours(1)), UNTIL);
        assertEquals("1123 earnEventDate", outcome(List.of(gone, later), NOW.minus(Duration.ofDays(2))));
    }

    @Test
    void theEventMustLieInTheLiveEnrolmentWithBothEndsInclusive() {
        List<Enrolment> live = List.of(enrolment("e-1", FROM, UNTIL));
        assertEquals("accepted by e-1", outcome(live, FROM));
        assertEquals("accepted by e-1", outcome(live, UNTIL));
        assertEquals("1123 earnEventDate", outcome(live, FROM.minusMillis(1)));
        assertEquals("1123 earnEventDate", outcome(live, UNTIL.plusMillis(1)));
    }

    @Test
    void earnRulesBeforeTheEnrolmentStillApply() {
        List<Enrolment> live = List.of(enrolment("e-1", FROM, UNTIL));
        assertEquals("1120 badgeMetaId", outcome(BADGE.deactivated(), live, NOW));
        assertEquals("750 earnEventDate", outcome(live, NOW.plus(Duration.ofHours(24)).plusMillis(1)));
        EarnDecision unclaimed = EarnRules.decide(BADGE.stored(), false, live, NOW, NOW);
        assertEquals(810, unclaimed.error().code());
        EarnDecision unclaimedAndUnenrolled = EarnRules.decide(BADGE.stored(), false, List.of(), NOW, NOW);
        assertEquals(810, unclaimedAndUnenrolled.error().code());
    }

    @Test
    void theEarnedExpiryAppliesNotTheEnrolmentsOne() {
        EarnDecision d = EarnRules.decide(BADGE.earned(ExpiryRule.withBadge()).stored(), true,
                List.of(enrolment("e-1", FROM, UNTIL)), FROM, NOW);
        assertTrue(d.accepted());
        assertEquals(FROM.toEpochMilli(), d.eventMs());
        assertEquals(BADGE.end().toEpochMilli(), d.expiresOnMs());
    }

    @Test
    void relativeEarnedExpiryCountsFromNowNotFromTheEvent() {
        EarnDecision d = EarnRules.decide(BADGE.stored(), true, List.of(enrolment("e-1", FROM, UNTIL)), FROM, NOW);
        assertEquals(NOW.plus(Duration.ofDays(30)).toEpochMilli(), d.expiresOnMs());
    }
}
