package dev.badgeworks.badge.boundary;

import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.badge.control.GroupRequest;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.security.boundary.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Badge groups at the reference's paths (§3.18). The update is at {@code PUT /group/{groupId}} and, as the
 * reference's documents also show it, at {@code POST /group/{groupId}} and {@code PUT /{groupId}}: hence the
 * resource's root is the badges root (more specific roots, such as {@code /badgeMeta}, still match first).
 */
@ApplicationScoped
@Path("api_gateway/v1/badges")
@Produces(MediaType.APPLICATION_JSON)
public class GroupResource {

    @Inject
    CurrentCaller caller;

    @Inject
    GroupService groups;

    private BadgeMeta.Author author() {
        return new BadgeMeta.Author(caller.userId(), caller.username());
    }

    @POST
    @Path("group")
    public Response create(String body) {
        return Response.status(Response.Status.CREATED)
                .entity(Envelope.of(groups.create(caller.orgId(), author(), read(body)))).build();
    }

    @PUT
    @Path("group/{groupId}")
    public Envelope<DefinitionViews.GroupView> update(@PathParam("groupId") String groupId, String body) {
        return Envelope.of(groups.update(caller.orgId(), author(), groupId, read(body)));
    }

    /** The update as the reference's table writes it. */
    @POST
    @Path("group/{groupId}")
    public Envelope<DefinitionViews.GroupView> updateByPost(@PathParam("groupId") String groupId, String body) {
        return update(groupId, body);
    }

    /**
     * The update as the reference's OpenAPI and example URL write it; only a group id's form (24 hex digits) matches,
     * so any other path under the badges root stays an unknown path (404).
     */
    @PUT
    @Path("{groupId: [0-9a-fA-F]{24}}")
    public Envelope<DefinitionViews.GroupView> updateAtLegacyPath(@PathParam("groupId") String groupId, String body) {
        return update(groupId, body);
    }

    @GET
    @Path("group")
    public Envelope<DefinitionViews.GroupList> list(@Context UriInfo uri) {
        ListParams params = ListParams.read(uri.getQueryParameters(), false);
        return Envelope.of(groups.list(caller.orgId(), params.descending(), params.page(), params.size()));
    }

    @GET
    @Path("group/{groupId}")
    public Envelope<DefinitionViews.GroupView> get(@PathParam("groupId") String groupId) {
        return Envelope.of(groups.get(caller.orgId(), groupId));
    }

    private static GroupRequest read(String body) {
        JsonInput in = JsonInput.parse(body);
        GroupRequest request = GroupRequest.read(in);
        in.throwIfInvalid();
        return request;
    }
}
