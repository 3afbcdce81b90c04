package dev.badgeworks.earn.control;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.BadgeStatus;
import dev.badgeworks.badge.entity.EarnType;
import dev.badgeworks.earn.entity.Enrolment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The earn and enrolment rules, in one place, for the REST path and the batch import alike
 * (docs/decisions.md, "Earning" and "Enrolments"). Plain Java: everything it needs is passed in.
 */
public final class EarnRules {

    /** Event dates may lie this far in the future (clock skew, time zones), not further. */
    public static final Duration FUTURE_ALLOWANCE = Duration.ofHours(24);

    private EarnRules() {
    }

    /**
     * Decides one earn. Checks, in order: badge active (1120), event not beyond now + 24 h (750), badge started
     * (815), an active claim for triggeredBy (810), then the window: for EARN the event within the badge's
     * [startOn, expiresOn]; for ISSUE_EARN a live enrolment (811) whose [event date, expiry] covers it (1123).
     * An expired badge can still be earned for an event inside its window (a retro earn). The earned badge
     * expires per earnedBadgeExpiry, counted from the processing time.
     *
     * @param enrolments the customer's enrolments in this badge (any state); ignored for EARN badges
     */
    public static EarnDecision decide(BadgeMeta badge, boolean claimActive, List<Enrolment> enrolments,
                                      Instant requestedEvent, Instant now) {
        return decide(EarnMode.LIVE, badge, claimActive, enrolments, requestedEvent, null, now);
    }

    /**
     * The same decision for any {@link EarnMode}. A migration brings the earn's expiry ({@code givenExpiry}, used as
     * given, even in the past, but not before a given event: 1105) and needs no claim: it records what happened
     * elsewhere. All other rules hold.
     * Earn limits are checked after these rules, by {@link LimitTally}, only for an earn these rules accept.
     */
    public static EarnDecision decide(EarnMode mode, BadgeMeta badge, boolean claimActive, List<Enrolment> enrolments,
                                      Instant requestedEvent, Instant givenExpiry, Instant now) {
        long nowMs = now.toEpochMilli();
        Instant event = requestedEvent == null ? now : requestedEvent;
        long eventMs = event.toEpochMilli();
        if (!badge.active()) {
            return EarnDecision.refused(ErrorCode.BADGE_DEACTIVATED.at("badgeMetaId"));
        }
        if (event.isAfter(now.plus(FUTURE_ALLOWANCE))) {
            return EarnDecision.refused(ErrorCode.EVENT_DATE_IN_FUTURE.at("earnEventDate",
                    "It may be at most 24 hours ahead of the server's clock."));
        }
        if (badge.statusAt(nowMs) == BadgeStatus.UPCOMING) {
            return EarnDecision.refused(ErrorCode.BADGE_NOT_LIVE.at("badgeMetaId"));
        }
        if (!claimActive && mode.needsClaim()) {
            return EarnDecision.refused(ErrorCode.NOT_CLAIMED.at("triggeredBy"));
        }
        long expiresOnMs = mode.bringsExpiry() ? givenExpiry.toEpochMilli()
                : badge.earnedExpiry().expiresAt(now, badge.expiresOn()).toEpochMilli();
        if (mode.bringsExpiry() && requestedEvent != null && expiresOnMs < eventMs) {
            // a given expiry may lie in the past (an earn that has already expired), never before its own event
            return EarnDecision.refused(ErrorCode.INVALID_VALUE.at("earnExpiresOn",
                    "'earnExpiresOn' may not lie before 'earnEventDate'."));
        }
        if (badge.earnType() == EarnType.EARN) {
            if (eventMs < badge.startOnMs() || eventMs > badge.expiresOnMs()) {
                return EarnDecision.refused(ErrorCode.EARN_DATE_OUTSIDE_BADGE.at("earnEventDate"));
            }
            return EarnDecision.accepted(eventMs, expiresOnMs, null);
        }
        List<Enrolment> live = enrolments.stream().filter(e -> e.liveAt(nowMs)).toList();
        if (live.isEmpty()) {
            return EarnDecision.refused(ErrorCode.ISSUE_REQUIRED.at("customerId"));
        }
        return live.stream().filter(e -> e.covers(eventMs)).findFirst()
                .map(e -> EarnDecision.accepted(eventMs, expiresOnMs, e.id()))
                .orElseGet(() -> EarnDecision.refused(ErrorCode.EARN_DATE_OUTSIDE_ISSUE.at("earnEventDate")));
    }

    /**
     * Checks an enrolment request against its badge: an ISSUE_EARN badge (1124), active (1120), claimed (810),
     * an event date not beyond now + 24 h (750) and inside the badge's window (816). Null when it may go ahead.
     */
    public static ApiError enrolmentError(BadgeMeta badge, boolean claimActive, Instant event, Instant now) {
        if (badge.earnType() != EarnType.ISSUE_EARN) {
            return ErrorCode.WRONG_EARN_TYPE.at("badgeMetaId", "Only ISSUE_EARN badges take enrolments.");
        }
        if (!badge.active()) {
            return ErrorCode.BADGE_DEACTIVATED.at("badgeMetaId");
        }
        if (!claimActive) {
            return ErrorCode.NOT_CLAIMED.at("triggeredBy");
        }
        if (event.isAfter(now.plus(FUTURE_ALLOWANCE))) {
            return ErrorCode.EVENT_DATE_IN_FUTURE.at("issueEventDate",
                    "It may be at most 24 hours ahead of the server's clock.");
        }
        long eventMs = event.toEpochMilli();
        if (eventMs < badge.startOnMs() || eventMs > badge.expiresOnMs()) {
            return ErrorCode.ISSUE_DATE_OUTSIDE_BADGE.at("issueEventDate");
        }
        return null;
    }

    /** The enrolment's expiry: issuedBadgeExpiry counted from the processing time. */
    public static long enrolmentExpiresOnMs(BadgeMeta badge, Instant now) {
        return badge.issuedExpiry().expiresAt(now, badge.expiresOn()).toEpochMilli();
    }

    /** An existing, unrevoked enrolment whose validity overlaps [fromMs, untilMs] (then 1040). */
    public static Optional<Enrolment> overlapping(List<Enrolment> existing, long fromMs, long untilMs) {
        return existing.stream().filter(e -> e.overlaps(fromMs, untilMs)).findFirst();
    }
}
