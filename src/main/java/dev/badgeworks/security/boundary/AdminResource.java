package dev.badgeworks.security.boundary;

import dev.badgeworks.api.ApiTime;
import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.security.entity.ApiUser;
import dev.badgeworks.security.entity.Org;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;

/** Admin-only: create orgs and the API users that act for them. */
@Path("api_gateway/v1/badges/admin/orgs")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    public record OrgView(long id, String name, BigDecimal createdOn, String createdOnISO) {
        static OrgView of(Org org) {
            return new OrgView(org.id(), org.name(), ApiTime.legacy(org.createdOnMs()), ApiTime.iso(org.createdOnMs()));
        }
    }

    public record UserView(long id, long orgId, String username, boolean admin, BigDecimal createdOn,
                           String createdOnISO) {
        static UserView of(ApiUser user) {
            return new UserView(user.id(), user.orgId(), user.username(), user.admin(),
                    ApiTime.legacy(user.createdOnMs()), ApiTime.iso(user.createdOnMs()));
        }
    }

    @Inject
    CurrentCaller caller;

    @Inject
    UserDirectory users;

    @GET
    public Envelope<List<OrgView>> list() {
        caller.requireAdmin();
        return Envelope.of(users.listOrgs().stream().map(OrgView::of).toList());
    }

    @POST
    public Response createOrg(String body) {
        caller.requireAdmin();
        JsonInput in = JsonInput.parse(body);
        String name = in.text("name", 200, ErrorCode.FIELD_REQUIRED);
        in.throwIfInvalid();
        return Response.status(Response.Status.CREATED).entity(Envelope.of(OrgView.of(users.createOrg(name)))).build();
    }

    @POST
    @Path("{orgId}/users")
    public Response createUser(@PathParam("orgId") String orgIdText, String body) {
        caller.requireAdmin();
        long orgId = parseOrgId(orgIdText);
        JsonInput in = JsonInput.parse(body);
        String username = in.text("username", 100, ErrorCode.FIELD_REQUIRED);
        String password = in.text("password", 200, ErrorCode.FIELD_REQUIRED);
        Boolean admin = in.bool("admin", null);
        if (username != null && (username.contains(":") || !username.equals(username.strip()))) {
            in.fail(ErrorCode.INVALID_VALUE, "username", "A username cannot contain ':' or surrounding spaces.");
        }
        if (password != null && password.length() < 12) {
            in.fail(ErrorCode.INVALID_VALUE, "password", "A password needs at least 12 characters.");
        }
        in.throwIfInvalid();
        ApiUser user = users.createUser(orgId, username, password, Boolean.TRUE.equals(admin));
        return Response.status(Response.Status.CREATED).entity(Envelope.of(UserView.of(user))).build();
    }

    private static long parseOrgId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ErrorCode.ORG_NOT_FOUND.exception("orgId");
        }
    }
}
