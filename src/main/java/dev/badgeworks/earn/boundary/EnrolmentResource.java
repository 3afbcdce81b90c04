package dev.badgeworks.earn.boundary;

import dev.badgeworks.api.BulkBody;
import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.earn.control.EarnRequestReader;
import dev.badgeworks.earn.control.RequestIdConflict;
import dev.badgeworks.earn.control.Trigger;
import dev.badgeworks.platform.Metrics;
import dev.badgeworks.security.boundary.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Enrolment ("issue") of customers in ISSUE_EARN badges, at the reference's paths. */
@ApplicationScoped
@Path("api_gateway/v1/badges/badgeMeta/customer")
@Produces(MediaType.APPLICATION_JSON)
public class EnrolmentResource {

    static final int MAX_ENROL = 1000;
    static final int MAX_REVOKE = 20;

    @Inject
    CurrentCaller caller;

    @Inject
    EnrolmentService enrolments;

    @Inject
    Metrics metrics;

    @POST
    @Path("issueBulk")
    @BulkBody
    public Envelope<EnrolmentService.EnrolResult> issueBulk(String body) {
        JsonInput in = JsonInput.parse(body);
        String badgeMetaId = in.identifier("badgeMetaId", 64, ErrorCode.FIELD_REQUIRED);
        List<String> customers = in.identifiers("customers", EarnRequestReader.MAX_CUSTOMER_ID, ErrorCode.FIELD_REQUIRED);
        if (in.has("customers") && customers.isEmpty() && in.valid()) {
            in.fail(ErrorCode.FIELD_REQUIRED, "customers", "Name at least one customer.");
        }
        // a customer named twice is enrolled once, so it counts once toward the limit (as in earnBulk)
        customers = new ArrayList<>(new LinkedHashSet<>(customers));
        if (customers.size() > MAX_ENROL) {
            in.fail(ErrorCode.TOO_MANY_ITEMS, "customers", "At most " + MAX_ENROL + " customers per request.");
        }
        String requestId = in.identifier("requestId", EarnRequestReader.MAX_REQUEST_ID, null);
        Instant event = in.date("issueEventDate", "issueEventDateISO", null);
        Trigger trigger = EarnRequestReader.trigger(in, false);
        in.throwIfInvalid();
        EnrolmentService.EnrolCommand command = new EnrolmentService.EnrolCommand(badgeMetaId, customers, requestId,
                in.isNumber("requestId"), event, trigger);
        long orgId = caller.orgId();
        return Envelope.of(RequestIdConflict.retrying(() -> enrolments.enrol(orgId, command),
                () -> metrics.raceLost("enrolment")));
    }

    @POST
    @Path("revokeIssue")
    public Envelope<EnrolmentService.RevokeResult> revokeIssue(String body) {
        JsonInput in = JsonInput.parse(body);
        String badgeMetaId = in.identifier("badgeMetaId", 64, ErrorCode.FIELD_REQUIRED);
        List<EnrolmentService.Issual> issuals = in.objects("revokeIssuals", null, i -> new EnrolmentService.Issual(
                i.identifier("customerId", EarnRequestReader.MAX_CUSTOMER_ID, ErrorCode.CUSTOMER_ID_MISSING),
                i.identifier("issueId", 64, ErrorCode.FIELD_REQUIRED)));
        // revokeIssuals wins when both are sent, as the reference says
        List<String> customers = issuals.isEmpty()
                ? in.identifiers("customers", EarnRequestReader.MAX_CUSTOMER_ID, null) : List.of();
        if (in.valid() && issuals.isEmpty() && customers.isEmpty()) {
            in.fail(ErrorCode.REVOKE_TARGET_MISSING, "revokeIssuals", null);
        }
        if (issuals.size() + customers.size() > MAX_REVOKE) {
            in.fail(ErrorCode.TOO_MANY_ITEMS, issuals.isEmpty() ? "customers" : "revokeIssuals",
                    "At most " + MAX_REVOKE + " entries per request.");
        }
        in.throwIfInvalid();
        return Envelope.of(enrolments.revoke(caller.orgId(), badgeMetaId, customers, issuals));
    }
}
