package dev.badgeworks.activity.boundary;

import dev.badgeworks.api.CustomerIdentifier;
import dev.badgeworks.api.Envelope;
import dev.badgeworks.security.boundary.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A customer's progress toward every rule badge of the org, for the member app and the support desk: the value
 * in the current cycle and its target, the cycle, the streak so far and the last activity counted. Its own root
 * path: more literal than {@code /customer}, so every server matches it before the member view's
 * {@code /customer/{customerId}}.
 */
@ApplicationScoped
@Path("api_gateway/v1/badges/customer/{customerId}/progress")
@Produces(MediaType.APPLICATION_JSON)
public class ProgressResource {

    @Inject
    CurrentCaller caller;

    @Inject
    ActivityService activities;

    @GET
    public Envelope<ActivityViews.CustomerProgress> progress(
            @HeaderParam(CustomerIdentifier.HEADER) String identifierType, @PathParam("customerId") String customerId) {
        CustomerIdentifier.check(identifierType);
        String customer = ActivityResource.customerId(customerId);
        return Envelope.of(activities.progress(caller.orgId(), customer));
    }
}
