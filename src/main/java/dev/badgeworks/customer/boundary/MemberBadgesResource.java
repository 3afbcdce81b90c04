package dev.badgeworks.customer.boundary;

import dev.badgeworks.api.CustomerIdentifier;
import dev.badgeworks.api.Envelope;
import dev.badgeworks.customer.control.CustomerBadgeQuery;
import dev.badgeworks.security.boundary.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * A member's badges, as a member app shows them ({@code GET /customer/{customerId}}). Shares its root path with the
 * earn endpoints (POST /customer/earn …): resources with one root path are matched together on every server.
 */
@ApplicationScoped
@Path("api_gateway/v1/badges/customer")
@Produces(MediaType.APPLICATION_JSON)
public class MemberBadgesResource {

    @Inject
    CurrentCaller caller;

    @Inject
    CustomerBadgeService customers;

    @GET
    @Path("{customerId}")
    public Envelope<CustomerViews.MemberBadges> badges(@HeaderParam(CustomerIdentifier.HEADER) String identifierType,
                                                       @PathParam("customerId") String customerId,
                                                       @Context UriInfo uri) {
        CustomerIdentifier.check(identifierType);
        String customer = CustomerPaths.customerId(customerId);
        CustomerBadgeQuery query = CustomerBadgeQuery.forMember(uri.getQueryParameters()::getFirst);
        return Envelope.of(customers.member(caller.orgId(), customer, query));
    }
}
