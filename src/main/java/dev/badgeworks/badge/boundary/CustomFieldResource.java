package dev.badgeworks.badge.boundary;

import dev.badgeworks.api.EnumSpellings;
import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.badge.control.CustomFieldRequest;
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

/** The org's custom field definitions at the reference's paths (§3.19). */
@ApplicationScoped
@Path("api_gateway/v1/badges/customField")
@Produces(MediaType.APPLICATION_JSON)
public class CustomFieldResource {

    @Inject
    CurrentCaller caller;

    @Inject
    CustomFieldService fields;

    private BadgeMeta.Author author() {
        return new BadgeMeta.Author(caller.userId(), caller.username());
    }

    @POST
    public Response create(String body) {
        return Response.status(Response.Status.CREATED)
                .entity(Envelope.of(fields.create(caller.orgId(), author(), read(body)))).build();
    }

    @PUT
    @Path("{customFieldId}")
    public Envelope<DefinitionViews.CustomFieldView> update(@PathParam("customFieldId") String id, String body) {
        return Envelope.of(fields.update(caller.orgId(), author(), id, read(body)));
    }

    /** Active fields by last update, latest first unless {@code order=ASC} ({@code sortOn} has one value). */
    @GET
    public Envelope<DefinitionViews.CustomFieldList> list(@Context UriInfo uri) {
        String sortOn = uri.getQueryParameters().getFirst("sortOn");
        if (sortOn != null && !sortOn.isBlank() && !"LAST_UPDATED_DATE".equals(EnumSpellings.spelling(sortOn))) {
            throw ErrorCode.INVALID_ENUM.exception("sortOn", "Use LAST_UPDATED_DATE.");
        }
        ListParams params = ListParams.read(uri.getQueryParameters(), true);
        return Envelope.of(fields.list(caller.orgId(), params.descending(), params.page(), params.size()));
    }

    @GET
    @Path("{customFieldId}")
    public Envelope<DefinitionViews.CustomFieldView> get(@PathParam("customFieldId") String id) {
        return Envelope.of(fields.get(caller.orgId(), id));
    }

    private static CustomFieldRequest read(String body) {
        JsonInput in = JsonInput.parse(body);
        CustomFieldRequest request = CustomFieldRequest.read(in);
        in.throwIfInvalid();
        return request;
    }
}
