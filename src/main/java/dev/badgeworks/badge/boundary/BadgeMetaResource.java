package dev.badgeworks.badge.boundary;

import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.api.Pagination;
import dev.badgeworks.badge.control.BadgeQuery;
import dev.badgeworks.badge.control.BadgeReader;
import dev.badgeworks.badge.control.EarnRuleReader;
import dev.badgeworks.badge.control.IfMatch;
import dev.badgeworks.badge.entity.BadgeDefinition;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.Claim;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.badge.store.BadgeCounters;
import dev.badgeworks.platform.GroupCommit;
import dev.badgeworks.platform.Metrics;
import dev.badgeworks.platform.Settings;
import dev.badgeworks.security.boundary.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Badge definitions and claims at the reference's paths. */
@ApplicationScoped
@Path("api_gateway/v1/badges/badgeMeta")
@Produces(MediaType.APPLICATION_JSON)
public class BadgeMetaResource {

    /** The reference's header for creating historical badges (start and end in the past). */
    static final String MIGRATION_HEADER = "X-CAP-BADGES-MIGRATION";

    public record BadgeList(List<BadgeView> metaBasicDetails, Pagination pagination) {

        /** Identity, not the record's deep hash: see {@link dev.badgeworks.api.Envelope#hashCode()}. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    public record ActivationView(String id, boolean isActive) {
    }

    public record ClaimResult(String badgeMetaId, String ownerType, String referenceId, boolean isActive) {
        static ClaimResult of(Claim c) {
            return new ClaimResult(c.badgeId(), c.ownerType().name(), c.referenceId(), c.active());
        }
    }

    @Inject
    EarnRuleReader rules;

    @Inject
    CurrentCaller caller;

    @Inject
    BadgeService badges;

    @Inject
    BadgeCounters counters;

    @Inject
    Metrics metrics;

    /**
     * Concurrent badge GETs of one org share one read (see {@link GroupCommit}): a GET costs the database a round trip
     * and the pool a connection hand-out, more than the rest of the request on PostgreSQL. Each read still begins
     * after its request arrived, so a GET sees every change committed before it was sent. Tuned in operations.md.
     */
    private final GroupCommit<Long, String, Optional<BadgeService.Current>> readTogether = new GroupCommit<>(
            Settings.intBetween("badgeworks.read.group.running", 1, 64, 2),
            Settings.intBetween("badgeworks.read.group.size", 1, 1000, 64), this::readAll);

    private BadgeMeta.Author author() {
        return new BadgeMeta.Author(caller.userId(), caller.username());
    }

    @POST
    public Response create(@HeaderParam(MIGRATION_HEADER) String migration, String body) {
        JsonInput in = JsonInput.parse(body);
        BadgeDefinition definition = BadgeReader.read(in, rules);
        in.throwIfInvalid();
        BadgeMeta badge = badges.create(caller.orgId(), author(), definition,
                "migration".equalsIgnoreCase(migration == null ? "" : migration.trim()));
        return withTag(Response.status(Response.Status.CREATED), badge);
    }

    /**
     * A full replacement. {@code If-Match} with the ETag of a GET makes it conditional: a badge changed since is
     * 412 (1128) and unchanged. Without the header the last writer wins, as Capillary's clients expect.
     */
    @PUT
    public Response update(@Context HttpHeaders headers, String body) {
        JsonInput in = JsonInput.parse(body);
        String id = in.identifier("id", 64, ErrorCode.FIELD_REQUIRED);
        BadgeDefinition definition = BadgeReader.read(in, rules);
        in.throwIfInvalid();
        IfMatch ifMatch = IfMatch.of(headers.getRequestHeader(HttpHeaders.IF_MATCH));
        return withTag(Response.ok(), badges.update(caller.orgId(), author(), id, definition, ifMatch));
    }

    @GET
    public Envelope<BadgeList> list(@Context UriInfo uri) {
        BadgeQuery query = BadgeQuery.read(uri.getQueryParameters()::getFirst);
        BadgeService.Page page = badges.list(caller.orgId(), query);
        long now = System.currentTimeMillis();
        var counts = counters.of(page.badges().stream().map(BadgeMeta::id).toList());
        Map<String, String> groupNames = badges.groupNamesOf(caller.orgId(), page.badges());
        List<BadgeView> views = page.badges().stream()
                .map(b -> BadgeView.of(b, groupNames.get(b.badgeGroupId()),
                        page.claims().getOrDefault(b.id(), List.of()),
                        counts.getOrDefault(b.id(), BadgeCounters.Counts.ZERO), now)).toList();
        return Envelope.of(new BadgeList(views, Pagination.of(page.page(), page.size(), page.total())));
    }

    /** The badge with its version as ETag, for a conditional PUT. */
    @GET
    @Path("{badgeId}")
    public Response get(@PathParam("badgeId") String badgeId) {
        BadgeService.Current badge = readTogether.submit(caller.orgId(), badgeId)
                .orElseThrow(() -> ErrorCode.BADGE_NOT_FOUND.exception("badgeId"));
        return Response.ok().entity(Envelope.of(BadgeView.of(badge.badge(), badge.groupName(), badge.claims(),
                badge.counts(), System.currentTimeMillis()))).header(HttpHeaders.ETAG, IfMatch.tagOf(badge.badge().version())).build();
    }

    private List<Optional<BadgeService.Current>> readAll(long orgId, List<String> badgeIds) {
        metrics.grouped("badgeGet", badgeIds.size());
        Map<String, BadgeService.Current> found = badges.current(orgId, badgeIds);
        return badgeIds.stream().map(id -> Optional.ofNullable(found.get(id))).toList();
    }

    @PUT
    @Path("{badgeId}/{activationStatus}")
    public Envelope<ActivationView> activation(@PathParam("badgeId") String badgeId,
                                               @PathParam("activationStatus") String activationStatus) {
        boolean active = switch (activationStatus.toLowerCase(Locale.ROOT)) {
            case "activate" -> true;
            case "deactivate" -> false;
            default -> throw ErrorCode.INVALID_ENUM.exception("activationStatus",
                    "Use activate or deactivate, not '" + activationStatus + "'.");
        };
        BadgeMeta badge = badges.setActive(caller.orgId(), author(), badgeId, active);
        return Envelope.of(new ActivationView(badge.id(), badge.active()));
    }

    @POST
    @Path("{badgeId}/claim")
    public Envelope<ClaimResult> claim(@PathParam("badgeId") String badgeId, String body) {
        JsonInput in = claimInput(body);
        OwnerType ownerType = in.enumValue("ownerType", OwnerType.class, (ErrorCode) null);
        String referenceId = in.identifier("referenceId", 255, null);
        long orgId = caller.orgId();
        return Envelope.of(ClaimResult.of(
                ClaimTaken.retrying(() -> badges.claim(orgId, badgeId, ownerType, referenceId))));
    }

    @POST
    @Path("{badgeId}/unclaim")
    public Envelope<ClaimResult> unclaim(@PathParam("badgeId") String badgeId, String body) {
        JsonInput in = claimInput(body);
        return Envelope.of(ClaimResult.of(badges.unclaim(caller.orgId(), badgeId,
                in.enumValue("ownerType", OwnerType.class, (ErrorCode) null), in.identifier("referenceId", 255, null))));
    }

    /** Validates a claim body up front: ownerType (716) and referenceId (717) are mandatory. */
    private static JsonInput claimInput(String body) {
        JsonInput in = JsonInput.parse(body);
        in.enumValue("ownerType", OwnerType.class, ErrorCode.OWNER_TYPE_MISSING);
        in.identifier("referenceId", 255, ErrorCode.OWNER_ID_MISSING);
        in.throwIfInvalid();
        return JsonInput.of(in.raw());
    }

    private Response withTag(Response.ResponseBuilder response, BadgeMeta badge) {
        return response.entity(Envelope.of(view(badge))).header(HttpHeaders.ETAG, IfMatch.tagOf(badge.version()))
                .build();
    }

    private BadgeView view(BadgeMeta badge) {
        return BadgeView.of(badge, badges.groupNamesOf(badge.orgId(), List.of(badge)).get(badge.badgeGroupId()),
                badges.claimsOf(List.of(badge.id())).getOrDefault(badge.id(), List.of()),
                counters.of(List.of(badge.id())).getOrDefault(badge.id(), BadgeCounters.Counts.ZERO),
                System.currentTimeMillis());
    }
}
