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
import dev.badgeworks.earn.control.RequestIdCheck;
import dev.badgeworks.earn.control.RequestsInFlight;
import dev.badgeworks.earn.control.Trigger;
import dev.badgeworks.earn.entity.Earn;
import dev.badgeworks.platform.GroupCommit;
import dev.badgeworks.platform.Metrics;
import dev.badgeworks.platform.Settings;
import dev.badgeworks.security.boundary.CurrentCaller;
import jakarta.annotation.PostConstruct;
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

/** Real-time earns, single and bulk, and their revocation. */
@ApplicationScoped
@Path("api_gateway/v1/badges/customer")
@Produces(MediaType.APPLICATION_JSON)
public class EarnResource {

    public record RevokedEarn(String badgeMetaId, JsonValue customerId, String earnedBadgeId, boolean isActive) {
    }

    @Inject
    CurrentCaller caller;

    @Inject
    EarnService earns;

    @Inject
    Metrics metrics;

    private final RequestsInFlight running = new RequestsInFlight();

    /** Concurrent single earns of one org share a transaction (see {@link GroupCommit}); tuned in operations.md. */
    private final GroupCommit<Long, EarnCommand, EarnOutcome> together = new GroupCommit<>(
            Settings.intBetween("badgeworks.earn.group.running", 1, 64, 2),
            Settings.intBetween("badgeworks.earn.group.size", 1, 1000, 64), this::earnTogether);

    @PostConstruct
    void watchWaiting() {
        metrics.gauge("badgeworks.earns.waiting", "Single earns waiting for the next transaction of grouped earns",
                together::waiting);
    }

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
        long orgId = caller.orgId();
        long arrivedMs = System.currentTimeMillis();
        EarnOutcome outcome;
        try (RequestsInFlight.Entry inFlight = running.enter(orgId, command.requestId())) {
            outcome = together.submit(orgId, command);
            // the unique key refuses a plain repeat of a finished request as it refuses a racing one: a race only when
            // a request with this requestId was running here when this one arrived, or the earn that won began after
            // it arrived (another instance's, on one clock), so it cannot have been committed before
            if (outcome.kind() != EarnOutcome.Kind.EARNED && outcome.kind() != EarnOutcome.Kind.REJECTED
                    && (inFlight.overlapped() || outcome.earn() != null && outcome.earn().earnedOnMs() > arrivedMs)) {
                metrics.raceLost("earn");
            }
        }
        return switch (outcome.kind()) {
            case EARNED -> Envelope.of(EarnView.of(outcome.earn(), requestIdAsNumber));
            case DUPLICATE -> throw new ApiException(List.of(outcome.error()),
                    EarnView.of(outcome.earn(), requestIdAsNumber));
            case CONFLICT, REJECTED -> throw new ApiException(outcome.error());
        };
    }

    /** One transaction for the grouped earns of an org, retried as a list when a concurrent request took a requestId. */
    private List<EarnOutcome> earnTogether(long orgId, List<EarnCommand> commands) {
        metrics.grouped("earn", commands.size());
        try {
            // new requestIds, as nearly every real-time earn has: the unique key is the check
            return earns.earnAll(orgId, commands, RequestIdCheck.CONSTRAINT);
        } catch (RequestIdConflict taken) {
            return RequestIdConflict.retrying(() -> earns.earnAll(orgId, commands), () -> metrics.raceLost("earn"));
        }
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
        long orgId = caller.orgId();
        return Envelope.of(RequestIdConflict.retrying(() -> earns.earnBulk(orgId, bulk),
                () -> metrics.raceLost("earnBulk")));
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
