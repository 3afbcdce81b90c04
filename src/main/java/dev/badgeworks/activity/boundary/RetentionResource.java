package dev.badgeworks.activity.boundary;

import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.security.boundary.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The daily activity retention run now, by a platform operator (after changing the setting, say). */
@ApplicationScoped
@Path("api_gateway/v1/badges/admin/activities/purge")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    public record Purged(int keepDays, long deleted) {
    }

    @Inject
    CurrentCaller caller;

    @Inject
    ActivityRetention retention;

    @POST
    public Envelope<Purged> purge() {
        if (!caller.isOperator()) {
            throw ErrorCode.FORBIDDEN.exception(null, "Only a platform operator runs the activity retention.");
        }
        return Envelope.of(new Purged(ActivityRetention.keepDays(), retention.purgeNow()));
    }
}
