package dev.badgeworks.earn.boundary;

import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.security.boundary.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The daily request log retention run now, by a platform operator (after changing the settings, say). */
@ApplicationScoped
@Path("api_gateway/v1/badges/admin/requestLogs/purge")
@Produces(MediaType.APPLICATION_JSON)
public class RequestLogRetentionResource {

    @Inject
    CurrentCaller caller;

    @Inject
    RequestLogRetention retention;

    @POST
    public Envelope<RequestLogRetention.Purged> purge() {
        if (!caller.isOperator()) {
            throw ErrorCode.FORBIDDEN.exception(null, "Only a platform operator runs the request log retention.");
        }
        return Envelope.of(retention.purgeNow());
    }
}
