package dev.badgeworks.security.boundary;

import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.ApiTime;
import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.security.control.AdminRules;
import dev.badgeworks.security.control.Caller;
import dev.badgeworks.security.control.LoginThrottle;
import dev.badgeworks.security.control.UserChange;
import dev.badgeworks.security.control.Usernames;
import dev.badgeworks.security.entity.ApiUser;
import dev.badgeworks.security.entity.Org;
import dev.badgeworks.security.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Orgs (the platform operator's) and each org's API users (its admin's, and the operator's): list, create,
 * change password, role or access, delete. See AdminRules for who may do what.
 */
@ApplicationScoped
@Path("api_gateway/v1/badges/admin/orgs")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    public record OrgView(long id, String name, BigDecimal createdOn, String createdOnISO) {
        static OrgView of(Org org) {
            return new OrgView(org.id(), org.name(), ApiTime.legacy(org.createdOnMs()), ApiTime.iso(org.createdOnMs()));
        }
    }

    /** {@code admin} stays for clients written before roles: true for an operator or an org admin. */
    public record UserView(long id, long orgId, String username, Role role, boolean admin, boolean disabled,
                           BigDecimal createdOn, String createdOnISO) {
        static UserView of(ApiUser user) {
            return new UserView(user.id(), user.orgId(), user.username(), user.role(), user.role() != Role.USER,
                    user.disabled(), ApiTime.legacy(user.createdOnMs()), ApiTime.iso(user.createdOnMs()));
        }
    }

    static final int MIN_PASSWORD_LENGTH = 12;

    /** Taken usernames tried, per org admin (see createUser). */
    private final LoginThrottle takenNames = new LoginThrottle(System::nanoTime);

    @Inject
    CurrentCaller caller;

    @Inject
    UserAccounts users;

    @GET
    public Envelope<List<OrgView>> list() {
        AdminRules.requireOperator(caller.get());
        return Envelope.of(users.listOrgs().stream().map(OrgView::of).toList());
    }

    @POST
    public Response createOrg(String body) {
        AdminRules.requireOperator(caller.get());
        JsonInput in = JsonInput.parse(body);
        String name = in.text("name", 200, ErrorCode.FIELD_REQUIRED);
        in.throwIfInvalid();
        return Response.status(Response.Status.CREATED).entity(Envelope.of(OrgView.of(users.createOrg(name)))).build();
    }

    @GET
    @Path("{orgId}/users")
    public Envelope<List<UserView>> listUsers(@PathParam("orgId") String orgIdText) {
        long orgId = managedOrg(orgIdText);
        return Envelope.of(users.listUsers(orgId).stream().map(UserView::of).toList());
    }

    @POST
    @Path("{orgId}/users")
    public Response createUser(@PathParam("orgId") String orgIdText, String body) {
        long orgId = managedOrg(orgIdText);
        JsonInput in = JsonInput.parse(body);
        String username = in.identifier("username", 100, ErrorCode.FIELD_REQUIRED);
        String password = password(in, "password", ErrorCode.FIELD_REQUIRED);
        Role role = role(in);
        if (username != null) {
            Usernames.problem(username).ifPresent(problem -> in.fail(ErrorCode.INVALID_VALUE, "username", problem));
        }
        in.throwIfInvalid();
        Caller me = caller.get();
        AdminRules.requireMayGrant(me, role);
        // usernames are unique across orgs: a 409 tells an org admin that a name exists elsewhere, so those answers
        // are throttled as failed sign-ins are (an operator sees every org's users anyway)
        String prober = "create-user\u0000" + me.userId();
        boolean throttled = me.role() != Role.PLATFORM_OPERATOR;
        Optional<Duration> wait = throttled ? takenNames.waitBefore(prober, prober) : Optional.empty();
        if (wait.isPresent()) {
            return AuthenticationFilter.tooMany(ErrorCode.TOO_MANY_TAKEN_USERNAMES, "username", wait.get());
        }
        try {
            ApiUser user = users.createUser(orgId, username, password, role);
            return Response.status(Response.Status.CREATED).entity(Envelope.of(UserView.of(user))).build();
        } catch (ApiException e) {
            if (throttled && e.firstCode() == ErrorCode.USERNAME_TAKEN) {
                takenNames.failed(prober, prober);
            }
            throw e;
        }
    }

    @GET
    @Path("{orgId}/users/{userId}")
    public Envelope<UserView> getUser(@PathParam("orgId") String orgIdText, @PathParam("userId") String userIdText) {
        long orgId = managedOrg(orgIdText);
        return Envelope.of(UserView.of(users.user(orgId, id(userIdText, ErrorCode.USER_NOT_FOUND, "userId"))));
    }

    /** Any of password, role (or the older admin flag) and disabled; what is not sent stays. */
    @PUT
    @Path("{orgId}/users/{userId}")
    public Envelope<UserView> changeUser(@PathParam("orgId") String orgIdText, @PathParam("userId") String userIdText,
                                         String body) {
        long orgId = managedOrg(orgIdText);
        long userId = id(userIdText, ErrorCode.USER_NOT_FOUND, "userId");
        JsonInput in = JsonInput.parse(body);
        String password = password(in, "password", null);
        Role role = in.has("role") || in.has("admin") ? role(in) : null;
        Boolean disabled = in.bool("disabled", null);
        in.throwIfInvalid();
        Caller me = caller.get();
        if (role != null) {
            AdminRules.requireMayGrant(me, role);
        }
        ApiUser target = users.user(orgId, userId);
        AdminRules.requireMayChange(me, userId, target.role(),
                (role != null && role != target.role()) || Boolean.TRUE.equals(disabled));
        return Envelope.of(UserView.of(users.changeUser(orgId, userId,
                new UserChange(password, role, disabled))));
    }

    @DELETE
    @Path("{orgId}/users/{userId}")
    public Envelope<UserView> deleteUser(@PathParam("orgId") String orgIdText, @PathParam("userId") String userIdText) {
        long orgId = managedOrg(orgIdText);
        long userId = id(userIdText, ErrorCode.USER_NOT_FOUND, "userId");
        ApiUser target = users.user(orgId, userId);
        AdminRules.requireMayChange(caller.get(), userId, target.role(), true);
        return Envelope.of(UserView.of(users.deleteUser(orgId, userId)));
    }

    private long managedOrg(String orgIdText) {
        long orgId = id(orgIdText, ErrorCode.ORG_NOT_FOUND, "orgId");
        AdminRules.requireManages(caller.get(), orgId);
        return orgId;
    }

    static String password(JsonInput in, String field, ErrorCode ifMissing) {
        String password = in.text(field, 200, ifMissing);
        if (password != null && password.length() < MIN_PASSWORD_LENGTH) {
            in.fail(ErrorCode.INVALID_VALUE, field, "A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        return password;
    }

    private static Role role(JsonInput in) {
        if (in.has("role")) {
            return in.enumValue("role", Role.class, null);
        }
        return Boolean.TRUE.equals(in.bool("admin", null)) ? Role.ORG_ADMIN : Role.USER;
    }

    private static long id(String text, ErrorCode notFound, String field) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw notFound.exception(field);
        }
    }
}
