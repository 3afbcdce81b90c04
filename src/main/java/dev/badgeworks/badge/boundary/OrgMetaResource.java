package dev.badgeworks.badge.boundary;

import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.badge.control.TagDefinitions;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.security.boundary.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The org's badge tag definitions at the reference's path (§2.10, §3.19). */
@ApplicationScoped
@Path("api_gateway/v1/badges/orgMeta")
@Produces(MediaType.APPLICATION_JSON)
public class OrgMetaResource {

    @Inject
    CurrentCaller caller;

    @Inject
    OrgMetaService metas;

    private BadgeMeta.Author author() {
        return new BadgeMeta.Author(caller.userId(), caller.username());
    }

    /** Once per org; a second create is the reference's 409 999999. */
    @POST
    public Response create(String body) {
        return Response.status(Response.Status.CREATED)
                .entity(Envelope.of(metas.create(caller.orgId(), author(), read(body)))).build();
    }

    /** Replaces the tag definitions; badges are held to them from their next create or update. */
    @PUT
    public Envelope<DefinitionViews.OrgMetaView> update(String body) {
        return Envelope.of(metas.update(caller.orgId(), author(), read(body)));
    }

    @GET
    public Envelope<DefinitionViews.OrgMetaView> get() {
        return Envelope.of(metas.get(caller.orgId()));
    }

    private static String read(String body) {
        JsonInput in = JsonInput.parse(body);
        String tags = TagDefinitions.read(in);
        in.throwIfInvalid();
        return tags;
    }
}
