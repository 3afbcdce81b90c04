package dev.badgeworks.earn.boundary;

import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.BulkBody;
import dev.badgeworks.api.CustomerIdentifier;
import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.earn.control.BulkEarn;
import dev.badgeworks.earn.control.EarnCommand;
import dev.badgeworks.earn.control.EarnOutcome;
import dev.badgeworks.earn.control.EarnRequestReader;
import dev.badgeworks.earn.control.Trigger;
import dev.badgeworks.earn.entity.Earn;
import dev.badgeworks.security.boundary.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Real-time earns, single and bulk (through {@link LiveEarns} to the one {@link EarnService}), and their revocation. */
@ApplicationScoped
@Path("api_gateway/v1/badges/customer")
@Produces(MediaType.APPLICATION_JSON)
public class EarnResource {

    public record RevokedEarn(String badgeMetaId, JsonValue customerId, String earnedBadgeId, boolean isActive) {
    }

    @Inject
    CurrentCaller caller;

    @Inject
    LiveEarns live;

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
        boolean requestIdAsNumber = in.isNumber("requestId");
        EarnOutcome outcome = live.earn(caller.orgId(), command);
        return switch (outcome.kind()) {
            case EARNED -> Envelope.of(EarnView.of(outcome.earn(), requestIdAsNumber));
            case DUPLICATE -> throw new ApiException(List.of(outcome.error()),
                    EarnView.of(outcome.earn(), requestIdAsNumber));
            case CONFLICT, REJECTED -> throw new ApiException(outcome.error());
        };
    }

    /**
     * One badge for up to {@value BulkEarn#MAX_CUSTOMERS} customers: 200 with each customer's outcome (partial
     * failure included), 809 with the original answer when repeated.
     */
    @POST
    @Path("earnBulk")
    @BulkBody
    public Envelope<BulkEarn.Result> earnBulk(String body) {
        JsonInput in = JsonInput.parse(body);
        String badgeMetaId = in.identifier("badgeMetaId", 64, ErrorCode.FIELD_REQUIRED);
        List<String> customerIds = in.identifiers("customerIds", EarnRequestReader.MAX_CUSTOMER_ID,
                ErrorCode.CUSTOMER_ID_MISSING);
        if (in.has("customerIds") && customerIds.isEmpty() && in.valid()) {
            in.fail(ErrorCode.CUSTOMER_ID_MISSING, "customerIds", "Name at least one customer.");
        }
        customerIds = new ArrayList<>(new LinkedHashSet<>(customerIds));
        if (customerIds.size() > BulkEarn.MAX_CUSTOMERS) {
            in.fail(ErrorCode.TOO_MANY_ITEMS, "customerIds",
                    "At most " + BulkEarn.MAX_CUSTOMERS + " customers per request; split the list.");
        }
        String requestId = in.identifier("requestId", BulkEarn.MAX_REQUEST_ID, ErrorCode.REQUEST_ID_MISSING);
        // one reference example sends issueEventDate here, copied from issueBulk
        Instant event = in.has("earnEventDate") || in.has("earnEventDateISO")
                ? in.date("earnEventDate", "earnEventDateISO", null) : in.date("issueEventDate", "issueEventDateISO", null);
        Trigger trigger = EarnRequestReader.trigger(in, true);
        in.throwIfInvalid();
        BulkEarn bulk = new BulkEarn(badgeMetaId, customerIds, requestId, in.isNumber("requestId"), event, trigger);
        return Envelope.of(live.earnBulk(caller.orgId(), bulk));
    }

    @POST
    @Path("revokeEarn")
    public Envelope<RevokedEarn> revokeEarn(@HeaderParam(CustomerIdentifier.HEADER) String identifierType,
                                            String body) {
        CustomerIdentifier.check(identifierType);
        JsonInput in = JsonInput.parse(body);
        String badgeMetaId = in.identifier("badgeMetaId", 64, ErrorCode.FIELD_REQUIRED);
        String customerId = in.identifier("customerId", EarnRequestReader.MAX_CUSTOMER_ID, ErrorCode.CUSTOMER_ID_MISSING);
        String earnedBadgeId = in.identifier("earnedBadgeId", 64, ErrorCode.FIELD_REQUIRED);
        in.throwIfInvalid();
        Earn earn = earns.revoke(caller.orgId(), badgeMetaId, customerId, earnedBadgeId);
        return Envelope.of(new RevokedEarn(earn.badgeId(), Jsons.customerId(earn.customerId()), earn.id(),
                earn.active()));
    }
}
