package dev.badgeworks.earn.boundary;

import dev.badgeworks.api.ApiTime;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.earn.entity.Earn;
import jakarta.json.JsonValue;
import java.math.BigDecimal;

/**
 * An earn as the API answers it (the reference's earn response plus the event date): {@code customerId} a number
 * when it is one, {@code requestId} in the JSON type the client sent it in.
 */
public record EarnView(String badgeMetaId, JsonValue customerId, String earnedBadgeId, BigDecimal expiresOn,
                       String expiresOnISO, BigDecimal earnEventDate, String earnEventDateISO, JsonValue requestId,
                       String issuedId) {

    public static EarnView of(Earn e, boolean requestIdAsNumber) {
        return new EarnView(e.badgeId(), Jsons.customerId(e.customerId()), e.id(), ApiTime.legacy(e.expiresOnMs()),
                ApiTime.iso(e.expiresOnMs()), ApiTime.legacy(e.earnEventMs()), ApiTime.iso(e.earnEventMs()),
                Jsons.echo(e.requestId(), requestIdAsNumber), e.enrolmentId());
    }
}
