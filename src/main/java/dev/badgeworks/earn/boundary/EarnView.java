package dev.badgeworks.earn.boundary;

import dev.badgeworks.api.ApiTime;
import dev.badgeworks.earn.entity.Earn;
import java.math.BigDecimal;

/** An earn as the API answers it (the reference's earn response plus the event date). */
public record EarnView(String badgeMetaId, String customerId, String earnedBadgeId, BigDecimal expiresOn,
                       String expiresOnISO, BigDecimal earnEventDate, String earnEventDateISO, String requestId,
                       String issuedId) {

    public static EarnView of(Earn e) {
        return new EarnView(e.badgeId(), e.customerId(), e.id(), ApiTime.legacy(e.expiresOnMs()),
                ApiTime.iso(e.expiresOnMs()), ApiTime.legacy(e.earnEventMs()), ApiTime.iso(e.earnEventMs()),
                e.requestId(), e.enrolmentId());
    }
}
