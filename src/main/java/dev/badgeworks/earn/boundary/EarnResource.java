package dev.badgeworks.earn.boundary;

import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.earn.control.EarnCommand;
import dev.badgeworks.earn.control.EarnOutcome;
import dev.badgeworks.earn.control.EarnRequestReader;
import dev.badgeworks.earn.entity.Earn;
import dev.badgeworks.security.boundary.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Real-time earns and their revocation. */
@Path("api_gateway/v1/badges/customer")
@Produces(MediaType.APPLICATION_JSON)
public class EarnResource {

    public record RevokedEarn(String badgeMetaId, String customerId, String earnedBadgeId, boolean isActive) {
    }

    @Inject
    CurrentCaller caller;

    @Inject
    EarnService earns;

    /**
     * 200 with the earn; a repeat of a finished request is 809 with the original earn in data (so a client that
     * timed out can reconcile); a requestId reused for other content is 809 without data.
     */
    @POST
    @Path("earn")
    public Envelope<EarnView> earn(String body) {
        JsonInput in = JsonInput.parse(body);
        EarnCommand command = EarnRequestReader.read(in);
        in.throwIfInvalid();
        long orgId = caller.orgId();
        EarnOutcome outcome = RequestIdConflict.retrying(() -> earns.earnAll(orgId, List.of(command)).get(0));
        return switch (outcome.kind()) {
            case EARNED -> Envelope.of(EarnView.of(outcome.earn()));
            case DUPLICATE -> throw new ApiException(List.of(outcome.error()), EarnView.of(outcome.earn()));
            case CONFLICT, REJECTED -> throw new ApiException(outcome.error());
        };
    }

    @POST
    @Path("revokeEarn")
    public Envelope<RevokedEarn> revokeEarn(String body) {
        JsonInput in = JsonInput.parse(body);
        String badgeMetaId = in.identifier("badgeMetaId", 64, ErrorCode.FIELD_REQUIRED);
        String customerId = in.identifier("customerId", EarnRequestReader.MAX_CUSTOMER_ID, ErrorCode.CUSTOMER_ID_MISSING);
        String earnedBadgeId = in.identifier("earnedBadgeId", 64, ErrorCode.FIELD_REQUIRED);
        in.throwIfInvalid();
        Earn earn = earns.revoke(caller.orgId(), badgeMetaId, customerId, earnedBadgeId);
        return Envelope.of(new RevokedEarn(earn.badgeId(), earn.customerId(), earn.id(), earn.active()));
    }
}
