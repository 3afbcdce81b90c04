package dev.badgeworks.customer.boundary;

import static dev.badgeworks.api.QueryParams.bool;
import static dev.badgeworks.api.QueryParams.integer;
import static dev.badgeworks.api.QueryParams.parse;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.CustomerIdentifier;
import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.customer.control.CustomerBadgeQuery;
import dev.badgeworks.customer.control.CustomerBadgeSort;
import dev.badgeworks.security.boundary.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The support view of one customer: their badges by category, and one badge with its earns and enrolments. */
@ApplicationScoped
@Path("api_gateway/v1/badges/management")
@Produces(MediaType.APPLICATION_JSON)
public class ManagementResource {

    static final int DEFAULT_EARNS_PAGE = 100;

    @Inject
    CurrentCaller caller;

    @Inject
    CustomerBadgeService customers;

    @GET
    @Path("{customerId}")
    public Envelope<CustomerViews.ManagementBadges> badges(
            @HeaderParam(CustomerIdentifier.HEADER) String identifierType, @PathParam("customerId") String customerId,
            @Context UriInfo uri) {
        CustomerIdentifier.check(identifierType);
        String customer = CustomerPaths.customerId(customerId);
        CustomerBadgeQuery query = CustomerBadgeQuery.forManagement(uri.getQueryParameters()::getFirst);
        return Envelope.of(customers.management(caller.orgId(), customer, query));
    }

    /**
     * One badge of the customer. {@code includeStatistics=true} adds the limits with their current counts, the
     * enrolments and the earns ({@code page}/{@code size}, latest first by {@code sortOn}: LAST_EARNED_ON_DATE, the
     * default, or LAST_EARNED_EVENT_DATE).
     */
    @GET
    @Path("{customerId}/badge/{badgeId}")
    public Envelope<CustomerViews.BadgeOfCustomer> badge(
            @HeaderParam(CustomerIdentifier.HEADER) String identifierType, @PathParam("customerId") String customerId,
            @PathParam("badgeId") String badgeId, @QueryParam("includeStatistics") String includeStatistics,
            @QueryParam("sortOn") String sortOn, @QueryParam("page") String page, @QueryParam("size") String size) {
        CustomerIdentifier.check(identifierType);
        String customer = CustomerPaths.customerId(customerId);
        List<ApiError> errors = new ArrayList<>();
        boolean statistics = bool(includeStatistics, "includeStatistics", errors);
        CustomerBadgeSort sort = sortOn == null || sortOn.isBlank() ? CustomerBadgeSort.LAST_EARNED_ON_DATE
                : parse(CustomerBadgeSort.class, sortOn.trim().toUpperCase(Locale.ROOT), "sortOn", errors)
                        .orElse(CustomerBadgeSort.LAST_EARNED_ON_DATE);
        if (sort != CustomerBadgeSort.LAST_EARNED_ON_DATE && sort != CustomerBadgeSort.LAST_EARNED_EVENT_DATE
                && errors.isEmpty()) {
            errors.add(ErrorCode.INVALID_ENUM.at("sortOn",
                    "Earns sort by LAST_EARNED_ON_DATE or LAST_EARNED_EVENT_DATE."));
        }
        int pageNumber = integer(page, "page", 0, 0, Integer.MAX_VALUE, errors);
        int pageSize = integer(size, "size", DEFAULT_EARNS_PAGE, 1, CustomerBadgeService.MAX_EARNS_PAGE, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(errors);
        }
        return Envelope.of(customers.badge(caller.orgId(), customer, badgeId, statistics,
                sort == CustomerBadgeSort.LAST_EARNED_EVENT_DATE, pageNumber, pageSize));
    }
}
