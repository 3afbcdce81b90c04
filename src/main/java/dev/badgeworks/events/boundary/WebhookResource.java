package dev.badgeworks.events.boundary;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.ApiTime;
import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.api.QueryParams;
import dev.badgeworks.events.control.WebhookAddress;
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
import jakarta.json.JsonString;
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
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * An org's webhook endpoints, managed by its admin: subscribe, change, delete, see each endpoint's delivery status,
 * list its deliveries and redeliver dead ones. Badgeworks' own (Capillary configures webhooks elsewhere).
 */
@ApplicationScoped
@Path("api_gateway/v1/badges/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    static final int MAX_BATCH = 1000;
    private static final int MIN_SECRET = 16;
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
        Fields fields = fields(in, null);
        String secret = in.text("secret", 200, null);
        if (secret != null && secret.length() < MIN_SECRET) {
            in.fail(ErrorCode.INVALID_VALUE, "secret", "'secret' needs at least " + MIN_SECRET + " characters.");
        }
        in.throwIfInvalid();
        String key = secret != null ? secret : newSecret();
        Webhook created = webhooks.create(orgId, fields.url, key, fields.types, fields.batchSize, fields.active,
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
        Fields fields = fields(in, current);
        in.throwIfInvalid();
        return Envelope.of(view(webhooks.update(orgId, id, fields.url, fields.types, fields.batchSize, fields.active),
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
            List<String> given = in.identifiers("eventIds", 36, null);
            if (given != null && !given.stream().allMatch(WebhookResource::isUuid)) {
                in.fail(ErrorCode.INVALID_VALUE, "eventIds", "'eventIds' holds event ids (UUIDs).");
            }
            in.throwIfInvalid();
            eventIds = given == null ? List.of() : given;
        }
        return Envelope.of(new Redelivered(webhook.id(),
                deliveries.redeliver(webhook.id(), eventIds, System.currentTimeMillis())));
    }

    private record Fields(String url, Set<EventType> types, int batchSize, boolean active) {
    }

    /** The endpoint's fields; on update ({@code current} given) an absent field keeps its value. */
    private Fields fields(JsonInput in, Webhook current) {
        String url = in.text("url", 2000, current == null ? ErrorCode.FIELD_REQUIRED : null);
        if (url == null && current != null) {
            url = current.url();
        } else if (url != null) {
            String checked = url;
            WebhookAddress.refusal(url, EventSettings.current().allowPrivate()).ifPresent(why ->
                    in.fail(ErrorCode.INVALID_VALUE, "url", "'url' " + why + "."));
            url = checked;
        }
        Set<EventType> types = current == null ? EnumSet.allOf(EventType.class) : current.types();
        if (in.has("eventTypes")) {
            JsonArray array = in.array("eventTypes", null);
            if (array != null) {
                types = eventTypes(in, array);
            }
        }
        Integer batchSize = in.integer("batchSize", 1, MAX_BATCH, null);
        Boolean active = in.bool("active", null);
        return new Fields(url, types,
                batchSize != null ? batchSize : current == null ? 1 : current.batchSize(),
                active != null ? active : current == null || current.active());
    }

    private static Set<EventType> eventTypes(JsonInput in, JsonArray array) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        List<String> unknown = new ArrayList<>();
        for (JsonValue v : array) {
            var type = v instanceof JsonString s ? EventType.of(s.getString()) : java.util.Optional.<EventType>empty();
            type.ifPresentOrElse(types::add, () -> unknown.add(v.toString()));
        }
        if (!unknown.isEmpty() || types.isEmpty()) {
            in.fail(ErrorCode.INVALID_VALUE, "eventTypes", "'eventTypes' must list one or more of badgeEarned,"
                    + " badgeEarnRevoked, badgeIssued, badgeIssueRevoked" + (unknown.isEmpty() ? "."
                    : "; unknown: " + String.join(", ", unknown) + "."));
        }
        return types;
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

    private static boolean isUuid(String text) {
        try {
            return java.util.UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
