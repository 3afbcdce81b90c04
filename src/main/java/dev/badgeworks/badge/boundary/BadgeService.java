package dev.badgeworks.badge.boundary;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.QueryParams;
import dev.badgeworks.badge.control.BadgeQuery;
import dev.badgeworks.badge.control.BadgeRules;
import dev.badgeworks.badge.control.FixedWindowChanges;
import dev.badgeworks.badge.control.IfMatch;
import dev.badgeworks.badge.control.OrgDefinitionsCheck;
import dev.badgeworks.badge.control.TagDefinitions;
import dev.badgeworks.badge.entity.BadgeDefinition;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.BadgeStatus;
import dev.badgeworks.badge.entity.Claim;
import dev.badgeworks.badge.entity.LimitLevel;
import dev.badgeworks.badge.entity.OrgMeta;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.badge.store.BadgeGroups;
import dev.badgeworks.badge.store.CustomFields;
import dev.badgeworks.badge.store.OrgMetas;
import dev.badgeworks.platform.Ids;
import dev.badgeworks.platform.Persistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Badge definitions and claims of one org: a thin transactional boundary over BadgeRules and JPA. */
@ApplicationScoped
@Transactional
public class BadgeService {

    public record Page(List<BadgeMeta> badges, Map<String, List<Claim>> claims, int page, int size, long total) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    BadgeCounters counters;

    @Inject
    BadgeDefinitions definitions;

    @Inject
    BadgeGroups groups;

    @Inject
    CustomFields customFields;

    @Inject
    OrgMetas orgMetas;

    Clock clock = Clock.systemUTC();

    public BadgeMeta create(long orgId, BadgeMeta.Author user, BadgeDefinition definition, boolean migration) {
        Instant now = clock.instant();
        List<ApiError> errors = new ArrayList<>(BadgeRules.forCreate(definition, now, migration));
        if (nameTaken(orgId, definition.name(), null)) {
            errors.add(ErrorCode.DUPLICATE_NAME.at("name"));
        }
        definition = heldToOrgDefinitions(orgId, definition, null, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(errors);
        }
        BadgeMeta badge = new BadgeMeta(Ids.newId(), orgId, nextBadgeNumber(orgId), user, now.toEpochMilli());
        badge.define(definition, user, now.toEpochMilli());
        em.persist(badge);
        Persistence.flushOrFail(em, ErrorCode.DUPLICATE_NAME.exception("name"));
        counters.create(badge.id());
        return badge;
    }

    /**
     * Replaces the definition. With an If-Match naming versions the row is locked before the comparison, so of
     * concurrent writers with the same version one wins and the others see its new version (412).
     */
    public BadgeMeta update(long orgId, BadgeMeta.Author user, String id, BadgeDefinition definition, IfMatch ifMatch) {
        Instant now = clock.instant();
        BadgeMeta badge = find(orgId, id, "id");
        if (ifMatch.namesVersions()) {
            em.refresh(badge, LockModeType.PESSIMISTIC_WRITE);
            if (!ifMatch.allows(badge.version())) {
                throw ErrorCode.STALE_VERSION.exception("If-Match",
                        "Its ETag is now " + IfMatch.tagOf(badge.version()) + ".");
            }
        }
        Set<OwnerType> claimed = claimsOf(List.of(id)).getOrDefault(id, List.of()).stream()
                .filter(Claim::active).map(Claim::ownerType)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(OwnerType.class)));
        List<ApiError> errors = new ArrayList<>(BadgeRules.forUpdate(badge, claimed, definition, now));
        if (nameTaken(orgId, definition.name(), id)) {
            errors.add(ErrorCode.DUPLICATE_NAME.at("name"));
        }
        definition = heldToOrgDefinitions(orgId, definition, badge.badgeGroupId(), errors);
        if (!errors.isEmpty()) {
            throw new ApiException(errors);
        }
        long nowMs = now.toEpochMilli();
        badge.define(definition.withConstraints(
                FixedWindowChanges.apply(badge.customerConstraints(), definition.customerConstraints(), badge,
                        LimitLevel.CUSTOMER, nowMs),
                FixedWindowChanges.apply(badge.badgeConstraints(), definition.badgeConstraints(), badge,
                        LimitLevel.BADGE, nowMs)), user, nowMs);
        Persistence.flushOrFail(em, ErrorCode.DUPLICATE_NAME.exception("name"));
        return badge;
    }

    /**
     * The definition with the org's custom field defaults, and the errors of what breaks the org's definitions: a
     * group that is not an active group of the org (a badge may keep the group it has, even once disabled, so a PUT
     * of what a GET answered still works), custom fields and tags (OrgDefinitionsCheck).
     */
    private BadgeDefinition heldToOrgDefinitions(long orgId, BadgeDefinition definition, String groupKept,
                                                 List<ApiError> errors) {
        String groupId = definition.badgeGroupId();
        if (groupId != null && !groupId.equals(groupKept) && groups.findActiveLocked(orgId, groupId) == null) {
            errors.add(ErrorCode.NO_ACTIVE_GROUP.at("badgeGroupId"));
        }
        OrgMeta meta = orgMetas.find(orgId);
        OrgDefinitionsCheck.Checked checked = OrgDefinitionsCheck.check(definition, customFields.active(orgId),
                meta == null ? null : TagDefinitions.parse(meta.tags()));
        errors.addAll(checked.errors());
        return checked.definition();
    }

    /** A badge as a read shows it: its current definition and claims, its counts and its group's name. */
    public record Current(BadgeMeta badge, List<Claim> claims, BadgeCounters.Counts counts, String groupName) {
    }

    /**
     * The names of these badges' groups (disabled groups too: a badge still names its group), by group id; a
     * HashMap, so an ungrouped badge's null id finds no name.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> groupNamesOf(long orgId, Collection<BadgeMeta> badges) {
        return new HashMap<>(groups.names(orgId,
                badges.stream().map(BadgeMeta::badgeGroupId).filter(Objects::nonNull).distinct().toList()));
    }

    /**
     * The org's badges among these ids for reading (kept copies checked against the database, in one query), by id;
     * another org's badge or an unknown id is left out, so its reader answers not found as {@link #find} does.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Current> current(long orgId, Collection<String> ids) {
        Map<String, Current> current = new HashMap<>();
        var counted = definitions.currentCounted(orgId, ids);
        Map<String, String> groupNames = groupNamesOf(orgId,
                counted.values().stream().map(c -> c.definition().badge()).toList());
        counted.forEach((id, c) -> current.put(id, new Current(c.definition().badge(), c.definition().claims(),
                c.counts(), groupNames.get(c.definition().badge().badgeGroupId()))));
        return current;
    }

    /** The org's badge; another org's badge, or an id that is not one, is simply not found. */
    public BadgeMeta find(long orgId, String id) {
        return find(orgId, id, "badgeId");
    }

    /** As {@link #find(long, String)}, a 404 naming {@code field}: the request's own name for the badge id. */
    public BadgeMeta find(long orgId, String id, String field) {
        BadgeMeta badge = id == null ? null : em.find(BadgeMeta.class, id);
        if (badge == null || badge.orgId() != orgId) {
            throw ErrorCode.BADGE_NOT_FOUND.exception(field);
        }
        return badge;
    }

    public BadgeMeta setActive(long orgId, BadgeMeta.Author user, String id, boolean active) {
        BadgeMeta badge = find(orgId, id);
        badge.setActive(active, user, clock.millis());
        Persistence.flushOrFail(em, ErrorCode.CONCURRENT_CHANGE.exception());
        return badge;
    }

    /**
     * Claiming twice is harmless: the existing claim is returned (or reactivated). Of concurrent first claims the
     * unique constraint lets one insert; the others throw {@link ClaimTaken} and, run again, find the winner's.
     */
    public Claim claim(long orgId, String id, OwnerType ownerType, String referenceId) {
        BadgeMeta badge = find(orgId, id);
        if (!badge.active()) {
            throw ErrorCode.BADGE_DEACTIVATED.exception("badgeId", "A deactivated badge cannot be claimed.");
        }
        if (!badge.owners().contains(ownerType)) {
            throw ErrorCode.OWNER_TYPE_NOT_ALLOWED.exception("ownerType",
                    ownerType + " is not in ownership.restrictedToOwners of this badge.");
        }
        long now = clock.millis();
        Claim claim = findClaim(id, ownerType, referenceId);
        if (claim == null) {
            claim = new Claim(Ids.newId(), id, ownerType, referenceId, now);
            em.persist(claim);
            Persistence.flushOrFail(em, new ClaimTaken());
            claimsChanged(id);
        } else if (!claim.active()) {
            claim.setActive(true, now);
            claimsChanged(id);
        }
        return claim;
    }

    /** In the claim change's transaction: every instance's kept copy of the badge's claims is now stale. */
    private void claimsChanged(String badgeId) {
        em.createNativeQuery("UPDATE badge_meta SET claims_version = claims_version + 1 WHERE id = ?")
                .setParameter(1, badgeId).executeUpdate();
    }

    /** The database decides: of concurrent unclaims only one finds the claim still active, the others get 737. */
    public Claim unclaim(long orgId, String id, OwnerType ownerType, String referenceId) {
        find(orgId, id);
        int unclaimed = em.createQuery("UPDATE Claim c SET c.active = :inactive, c.updatedOnMs = :now"
                        + " WHERE c.badgeId = :badge AND c.ownerType = :owner AND c.referenceId = :reference"
                        + " AND c.active = :active")
                .setParameter("inactive", false).setParameter("now", clock.millis()).setParameter("badge", id)
                .setParameter("owner", ownerType).setParameter("reference", referenceId).setParameter("active", true)
                .executeUpdate();
        if (unclaimed == 0) {
            throw ErrorCode.CLAIM_NOT_FOUND.exception("referenceId");
        }
        claimsChanged(id);
        return findClaim(id, ownerType, referenceId);
    }

    /** The org's badges among these ids (others' and unknown ids are left out), by id. */
    public Map<String, BadgeMeta> findAll(long orgId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT b FROM BadgeMeta b WHERE b.orgId = :org AND b.id IN :ids", BadgeMeta.class)
                .setParameter("org", orgId).setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(BadgeMeta::id, b -> b));
    }

    public boolean hasActiveClaim(String badgeId, OwnerType ownerType, String referenceId) {
        Claim claim = findClaim(badgeId, ownerType, referenceId);
        return claim != null && claim.active();
    }

    private Claim findClaim(String badgeId, OwnerType ownerType, String referenceId) {
        return em.createQuery("SELECT c FROM Claim c WHERE c.badgeId = :badge AND c.ownerType = :owner "
                        + "AND c.referenceId = :reference", Claim.class)
                .setParameter("badge", badgeId).setParameter("owner", ownerType).setParameter("reference", referenceId)
                .getResultStream().findFirst().orElse(null);
    }

    /** All claims (active and not) of the given badges, in one query. */
    public Map<String, List<Claim>> claimsOf(Collection<String> badgeIds) {
        if (badgeIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT c FROM Claim c WHERE c.badgeId IN :ids ORDER BY c.createdOnMs, c.id", Claim.class)
                .setParameter("ids", badgeIds).getResultStream()
                .collect(Collectors.groupingBy(Claim::badgeId, HashMap::new, Collectors.toList()));
    }

    public Page list(long orgId, BadgeQuery q) {
        long now = clock.millis();
        StringBuilder where = new StringBuilder(" WHERE b.orgId = :org");
        Map<String, Object> params = new HashMap<>();
        params.put("org", orgId);
        if (!q.statuses().isEmpty() && q.statuses().size() < BadgeStatus.values().length) {
            where.append(" AND ").append(BadgeStatus.anyOf(q.statuses(), "b.startOnMs", "b.expiresOnMs", ":now").text());
            params.put("now", now);
        }
        if (q.earnType() != null) {
            where.append(" AND b.earnType = :earnType");
            params.put("earnType", q.earnType());
        }
        if (q.active() != null) {
            where.append(" AND b.active = :active");
            params.put("active", q.active());
        }
        if (q.owner() != null) {
            where.append(" AND b.owners LIKE :owner");
            params.put("owner", BadgeMeta.ownerPattern(q.owner()));
        }
        if (q.claimedBy() != null) {
            where.append(" AND EXISTS (SELECT c.id FROM Claim c WHERE c.badgeId = b.id AND c.active = :activeClaim"
                    + " AND c.ownerType = :claimedBy)");
            params.put("activeClaim", true);
            params.put("claimedBy", q.claimedBy());
        }
        if (q.unclaimed()) {
            where.append(" AND NOT EXISTS (SELECT c.id FROM Claim c WHERE c.badgeId = b.id AND c.active = :activeClaim)");
            params.put("activeClaim", true);
        }
        if (q.name() != null) {
            where.append(" AND LOWER(b.name) LIKE :name ESCAPE '\\'");
            params.put("name", QueryParams.containsPattern(q.name()));
        }
        if (q.startOnFrom() != null) {
            where.append(" AND b.startOnMs >= :startFrom");
            params.put("startFrom", q.startOnFrom().toEpochMilli());
        }
        if (q.expiresOnUntil() != null) {
            where.append(" AND b.expiresOnMs <= :expiresUntil");
            params.put("expiresUntil", q.expiresOnUntil().toEpochMilli());
        }
        String direction = q.descending() ? " DESC" : " ASC";
        String order = switch (q.sortOn()) {
            case ID -> " ORDER BY b.createdOnMs" + direction + ", b.id" + direction;
            case NAME -> " ORDER BY b.name" + direction + ", b.id" + direction;
            case START_DATE -> " ORDER BY b.startOnMs" + direction + ", b.id" + direction;
        };
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(b) FROM BadgeMeta b" + where, Long.class);
        TypedQuery<BadgeMeta> select = em.createQuery("SELECT b FROM BadgeMeta b" + where + order, BadgeMeta.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        List<BadgeMeta> badges = select.setFirstResult((int) Math.min((long) q.page() * q.size(), Integer.MAX_VALUE))
                .setMaxResults(q.size()).getResultList();
        Map<String, List<Claim>> claims = claimsOf(badges.stream().map(BadgeMeta::id).toList());
        return new Page(badges, claims, q.page(), q.size(), count.getSingleResult());
    }

    /** The org's next badge number; the org row's lock serialises concurrent creates of one org. */
    private long nextBadgeNumber(long orgId) {
        em.createNativeQuery("UPDATE org SET badge_numbers = badge_numbers + 1 WHERE id = ?")
                .setParameter(1, orgId).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT badge_numbers FROM org WHERE id = ?").setParameter(1, orgId)
                .getSingleResult()).longValue();
    }

    private boolean nameTaken(long orgId, String name, String exceptId) {
        return em.createQuery("SELECT b.id FROM BadgeMeta b WHERE b.orgId = :org AND b.name = :name", String.class)
                .setParameter("org", orgId).setParameter("name", name).getResultStream()
                .anyMatch(found -> !found.equals(exceptId));
    }
}
