package dev.badgeworks.activity.boundary;

import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.badge.store.BadgeDefinitions;
import dev.badgeworks.security.boundary.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Runs a rule badge's recompute again (after one cut short, or to make sure): 202, the sweep runs in the background.
 * Its own root path, more literal than {@code /badgeMeta}, so every server matches it first.
 */
@ApplicationScoped
@Path("api_gateway/v1/badges/badgeMeta/{badgeId}/recompute")
@Produces(MediaType.APPLICATION_JSON)
public class RecomputeResource {

    public record Recompute(String badgeMetaId, String status) {
    }

    @Inject
    CurrentCaller caller;

    @Inject
    BadgeDefinitions definitions;

    @Inject
    RuleRecompute recompute;

    @POST
    public Response recompute(@PathParam("badgeId") String badgeId) {
        var current = definitions.current(caller.orgId(), List.of(badgeId)).get(badgeId);
        if (current == null) {
            throw ErrorCode.BADGE_NOT_FOUND.exception("badgeId");
        }
        if (current.badge().earnRule() == null || !current.badge().active()) {
            throw ErrorCode.INVALID_VALUE.exception("badgeId", "Only an active badge with an earnRule is recomputed.");
        }
        recompute.start(caller.orgId(), badgeId);
        return Response.accepted(Envelope.of(new Recompute(badgeId, "STARTED"))).build();
    }
}
