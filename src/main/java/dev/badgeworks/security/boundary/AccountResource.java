package dev.badgeworks.security.boundary;

import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.api.Texts;
import dev.badgeworks.security.control.Caller;
import dev.badgeworks.security.control.PasswordHasher;
import dev.badgeworks.security.control.UserChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The calling user's own account: who it is (the console signs in with it and offers what the role allows), and
 * any user changes its own password, proving it knows the current one.
 */
@ApplicationScoped
@Path("api_gateway/v1/badges/account")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private static final PasswordHasher HASHER = new PasswordHasher();

    @Inject
    CurrentCaller caller;

    @Inject
    UserAccounts users;

    /** Who is calling: the user, its org and its role. */
    public record Me(long userId, String username, long orgId, String role) {
    }

    @GET
    public Envelope<Me> me() {
        Caller me = caller.get();
        return Envelope.of(new Me(me.userId(), me.username(), me.orgId(), me.role().name()));
    }

    @PUT
    @Path("password")
    public Envelope<AdminResource.UserView> changePassword(String body) {
        Caller me = caller.get();
        JsonInput in = JsonInput.parse(body);
        String current = in.text("currentPassword", 200, ErrorCode.FIELD_REQUIRED);
        String next = AdminResource.password(in, "newPassword", ErrorCode.FIELD_REQUIRED);
        in.throwIfInvalid();
        var user = users.user(me.orgId(), me.userId());
        if (!HASHER.verify(Texts.normalize(current), user.passwordHash())) {
            throw ErrorCode.INVALID_VALUE.exception("currentPassword", "The current password is not right.");
        }
        return Envelope.of(AdminResource.UserView.of(users.changeUser(me.orgId(), me.userId(),
                new UserChange(next, null, null))));
    }
}
