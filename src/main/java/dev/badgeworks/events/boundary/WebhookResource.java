package dev.badgeworks.events.boundary;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.ApiTime;
import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.api.QueryParams;
import dev.badgeworks.events.control.WebhookRequest;
import dev.badgeworks.events.entity.DeliveryStatus;
import dev.badgeworks.events.entity.EventType;
import dev.badgeworks.events.entity.Webhook;
import dev.badgeworks.events.store.DeliveryHistory;
import dev.badgeworks.security.boundary.CurrentCaller;
import dev.badgeworks.security.control.Caller;
import dev.badgeworks.security.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An org's webhook endpoints, managed by its admin: subscribe, change, delete, see each endpoint's delivery status,
 * list its deliveries and redeliver dead ones. Badgeworks' own (Capillary configures webhooks elsewhere).
 */
@ApplicationScoped
@Path("api_gateway/v1/badges/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** An endpoint; {@code secret} only in the answer that created it (it signs every POST; never shown again). */
    public record WebhookView(String id, String url, List<String> eventTypes, int batchSize, boolean active,
                              BigDecimal createdOn, String createdOnISO, String secret, Status status) {
    }

    public record Status(String lastSuccessOnISO, String lastFailureOnISO, String lastError, long failuresInRow,
                         long backlog, long dead, Long oldestPendingAgeSeconds) {
    }

    public record DeliveryView(String eventId, String eventType, DeliveryStatus status, int attempts,
                               String createdOnISO, String nextAttemptOnISO, String lastError, String deliveredOnISO,
                               JsonValue event) {
    }

    public record Redelivered(String webhookId, int redelivered) {
    }

    @Inject
    CurrentCaller caller;

    @Inject
    WebhookService webhooks;

    @Inject
    DeliveryHistory deliveries;

    @POST
    public Response create(String body) {
        long orgId = adminOrg();
        JsonInput in = JsonInput.parse(body);
        WebhookRequest fields = WebhookRequest.read(in, null, EventSettings.current().allowPrivate());
        String secret = WebhookRequest.secret(in);
        in.throwIfInvalid();
        String key = secret != null ? secret : newSecret();
        Webhook created = webhooks.create(orgId, fields.url(), key, fields.types(), fields.batchSize(), fields.active(),
                System.currentTimeMillis());
        return Response.status(Response.Status.CREATED).entity(Envelope.of(view(created, key))).build();
    }

    @GET
    public Envelope<List<WebhookView>> list() {
        return Envelope.of(webhooks.list(adminOrg()).stream().map(w -> view(w, null)).toList());
    }

    @GET
    @Path("{id}")
    public Envelope<WebhookView> get(@PathParam("id") String id) {
        return Envelope.of(view(webhooks.find(adminOrg(), id), null));
    }

    @PUT
    @Path("{id}")
    public Envelope<WebhookView> update(@PathParam("id") String id, String body) {
        long orgId = adminOrg();
        Webhook current = webhooks.find(orgId, id);
        JsonInput in = JsonInput.parse(body);
        WebhookRequest fields = WebhookRequest.read(in, current, EventSettings.current().allowPrivate());
        in.throwIfInvalid();
        return Envelope.of(view(webhooks.update(orgId, id, fields.url(), fields.types(), fields.batchSize(), fields.active()),
                null));
    }

    @DELETE
    @Path("{id}")
    public Envelope<WebhookView> delete(@PathParam("id") String id) {
        long orgId = adminOrg();
        WebhookView deleted = view(webhooks.find(orgId, id), null);
        webhooks.delete(orgId, id);
        return Envelope.of(deleted);
    }

    @GET
    @Path("{id}/deliveries")
    public Envelope<List<DeliveryView>> deliveries(@PathParam("id") String id, @QueryParam("status") String status,
                                                   @QueryParam("page") String page, @QueryParam("size") String size) {
        Webhook webhook = webhooks.find(adminOrg(), id);
        // read as text: a JAX-RS int parameter that is not a number answers 404, not a clear 400
        List<ApiError> errors = new ArrayList<>();
        DeliveryStatus wanted = status == null ? null
                : QueryParams.parse(DeliveryStatus.class, status, "status", errors).orElse(null);
        int pageNumber = QueryParams.integer(page, "page", 0, 0, 1_000_000, errors);
        int pageSize = QueryParams.integer(size, "size", 50, 1, 500, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(errors);
        }
        List<DeliveryView> views = new ArrayList<>();
        for (DeliveryHistory.Listed d : deliveries.list(webhook.id(), wanted, pageNumber, pageSize)) {
            // a row written as a batch is listed as its events, each with the row's state
            JsonValue stored = JsonInput.parseValue(d.payload());
            List<JsonValue> events = stored instanceof JsonArray array ? array : List.of(stored);
            for (JsonValue event : events) {
                views.add(new DeliveryView(event.asJsonObject().getString("eventId"), d.eventType(), d.status(),
                        d.attempts(), ApiTime.iso(d.createdMs()),
                        d.status() == DeliveryStatus.PENDING ? ApiTime.iso(d.nextAttemptMs()) : null, d.lastError(),
                        d.deliveredMs() == null ? null : ApiTime.iso(d.deliveredMs()), event));
            }
        }
        return Envelope.of(views);
    }

    /** Dead deliveries pending again: all of the endpoint's, or those whose {@code eventIds} are given. */
    @POST
    @Path("{id}/deliveries/redeliver")
    public Envelope<Redelivered> redeliver(@PathParam("id") String id, String body) {
        Webhook webhook = webhooks.find(adminOrg(), id);
        List<String> eventIds = List.of();
        if (body != null && !body.isBlank()) {
            JsonInput in = JsonInput.parse(body);
            eventIds = WebhookRequest.eventIds(in);
            in.throwIfInvalid();
        }
        return Envelope.of(new Redelivered(webhook.id(),
                deliveries.redeliver(webhook.id(), eventIds, System.currentTimeMillis())));
    }

    private long adminOrg() {
        Caller c = caller.get();
        if (c.role() == Role.USER) {
            throw ErrorCode.FORBIDDEN.exception(null, "Webhooks are managed by an org admin.");
        }
        return c.orgId();
    }

    private WebhookView view(Webhook w, String secret) {
        DeliveryHistory.Backlog backlog = deliveries.backlog(w.id());
        Long age = backlog.oldestPendingMs() == null ? null
                : Math.max(0, System.currentTimeMillis() - backlog.oldestPendingMs()) / 1000;
        return new WebhookView(w.id(), w.url(), w.types().stream().map(EventType::wireName).toList(), w.batchSize(),
                w.active(), ApiTime.legacy(w.createdOnMs()), ApiTime.iso(w.createdOnMs()), secret,
                new Status(w.lastSuccessMs() == null ? null : ApiTime.iso(w.lastSuccessMs()),
                        w.lastFailureMs() == null ? null : ApiTime.iso(w.lastFailureMs()), w.lastError(),
                        w.failuresInRow(), backlog.pending(), backlog.dead(), age));
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
