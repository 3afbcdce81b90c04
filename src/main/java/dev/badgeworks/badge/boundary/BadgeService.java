package dev.badgeworks.badge.boundary;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.badge.control.BadgeQuery;
import dev.badgeworks.badge.control.BadgeRules;
import dev.badgeworks.badge.control.EarnRuleReader;
import dev.badgeworks.badge.control.FixedWindowChanges;
import dev.badgeworks.badge.control.IfMatch;
import dev.badgeworks.badge.control.OrgDefinitionsCheck;
import dev.badgeworks.badge.control.TagDefinitions;
import dev.badgeworks.badge.entity.BadgeDefinition;
import dev.badgeworks.badge.entity.EarnRuleRecompute;
import dev.badgeworks.badge.entity.EarnRuleText;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.Claim;
import dev.badgeworks.badge.entity.LimitLevel;
import dev.badgeworks.badge.entity.OrgMeta;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.badge.store.BadgeCounters;
import dev.badgeworks.badge.store.BadgeDefinitions;
import dev.badgeworks.badge.store.BadgeGroups;
import dev.badgeworks.badge.store.BadgeStore;
import dev.badgeworks.badge.store.CustomFields;
import dev.badgeworks.badge.store.OrgMetas;
import dev.badgeworks.platform.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
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

    @Inject
    EarnRuleReader rules;

    @Inject
    Event<EarnRuleRecompute> recomputes;

    @Inject
    BadgeStore store;

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
        if (store.nameTaken(orgId, definition.name(), null)) {
            errors.add(ErrorCode.DUPLICATE_NAME.at("name"));
        }
        definition = heldToOrgDefinitions(orgId, definition, null, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(errors);
        }
        BadgeMeta badge = new BadgeMeta(Ids.newId(), orgId, store.nextBadgeNumber(orgId), user, now.toEpochMilli());
        EarnRuleText rule = rules.replacing(null, definition.earnRule(), now);
        badge.define(definition.withEarnRule(rule), user, now.toEpochMilli());
        store.insert(badge, ErrorCode.DUPLICATE_NAME.exception("name"));
        counters.create(badge.id());
        ruleChanged(orgId, badge, rule);
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
            store.lock(badge);
            if (!ifMatch.allows(badge.version())) {
                throw ErrorCode.STALE_VERSION.exception("If-Match",
                        "Its ETag is now " + IfMatch.tagOf(badge.version()) + ".");
            }
        }
        Set<OwnerType> claimed = store.claimsOf(List.of(id)).getOrDefault(id, List.of()).stream()
                .filter(Claim::active).map(Claim::ownerType)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(OwnerType.class)));
        List<ApiError> errors = new ArrayList<>(BadgeRules.forUpdate(badge, claimed, definition, now));
        if (store.nameTaken(orgId, definition.name(), id)) {
            errors.add(ErrorCode.DUPLICATE_NAME.at("name"));
        }
        definition = heldToOrgDefinitions(orgId, definition, badge.badgeGroupId(), errors);
        if (!errors.isEmpty()) {
            throw new ApiException(errors);
        }
        long nowMs = now.toEpochMilli();
        EarnRuleText rule = rules.replacing(badge.earnRule(), definition.earnRule(), now);
        definition = definition.withEarnRule(rule);
        badge.define(definition.withConstraints(
                FixedWindowChanges.apply(badge.customerConstraints(), definition.customerConstraints(), badge,
                        LimitLevel.CUSTOMER, nowMs),
                FixedWindowChanges.apply(badge.badgeConstraints(), definition.badgeConstraints(), badge,
                        LimitLevel.BADGE, nowMs)), user, nowMs);
        store.flush(ErrorCode.DUPLICATE_NAME.exception("name"));
        ruleChanged(orgId, badge, rule);
        return badge;
    }

    /** Asks, once the transaction commits, that every customer's earns of a new or changed rule be settled again. */
    private void ruleChanged(long orgId, BadgeMeta badge, EarnRuleText rule) {
        if (rule != null && rule.recompute()) {
            recomputes.fire(new EarnRuleRecompute(orgId, badge.id()));
        }
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

    /**
     * The org's badges among these ids with all their claims, for reading (kept copies checked against the database
     * in one query), by id; another org's badge or an unknown id is left out.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, BadgeDefinitions.Definition> definitions(long orgId, Collection<String> ids) {
        return definitions.current(orgId, ids);
    }

    /** The org's badge; another org's badge, or an id that is not one, is simply not found. */
    public BadgeMeta find(long orgId, String id) {
        return find(orgId, id, "badgeId");
    }

    /** As {@link #find(long, String)}, a 404 naming {@code field}: the request's own name for the badge id. */
    public BadgeMeta find(long orgId, String id, String field) {
        return store.find(orgId, id).orElseThrow(() -> ErrorCode.BADGE_NOT_FOUND.exception(field));
    }

    public BadgeMeta setActive(long orgId, BadgeMeta.Author user, String id, boolean active) {
        BadgeMeta badge = find(orgId, id);
        badge.setActive(active, user, clock.millis());
        store.flush(ErrorCode.CONCURRENT_CHANGE.exception());
        if (active) {
            earnsMayBeMade(orgId, badge);
        }
        return badge;
    }

    /**
     * A rule badge that can now earn what it was refused before (activated, claimed): its customers' earns are
     * settled again once the transaction commits (an activity settles only its own time onward).
     */
    private void earnsMayBeMade(long orgId, BadgeMeta badge) {
        if (badge.earnRule() != null) {
            recomputes.fire(new EarnRuleRecompute(orgId, badge.id()));
        }
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
        Claim claim = store.findClaim(id, ownerType, referenceId).orElse(null);
        if (claim == null) {
            claim = new Claim(Ids.newId(), id, ownerType, referenceId, now);
            store.insertClaim(claim, new ClaimTaken());
            store.claimsChanged(id);
            earnsMayBeMade(orgId, badge);
        } else if (!claim.active()) {
            claim.setActive(true, now);
            store.claimsChanged(id);
            earnsMayBeMade(orgId, badge);
        }
        return claim;
    }

    /** The database decides: of concurrent unclaims only one finds the claim still active, the others get 737. */
    public Claim unclaim(long orgId, String id, OwnerType ownerType, String referenceId) {
        find(orgId, id);
        if (!store.endClaim(id, ownerType, referenceId, clock.millis())) {
            throw ErrorCode.CLAIM_NOT_FOUND.exception("referenceId");
        }
        store.claimsChanged(id);
        return store.findClaim(id, ownerType, referenceId).orElseThrow();
    }

    public boolean hasActiveClaim(String badgeId, OwnerType ownerType, String referenceId) {
        return store.findClaim(badgeId, ownerType, referenceId).filter(Claim::active).isPresent();
    }

    /** All claims (active and not) of the given badges, in one query. */
    public Map<String, List<Claim>> claimsOf(Collection<String> badgeIds) {
        return store.claimsOf(badgeIds);
    }

    public Page list(long orgId, BadgeQuery q) {
        BadgeStore.Found found = store.page(orgId, q, clock.millis());
        Map<String, List<Claim>> claims = store.claimsOf(found.badges().stream().map(BadgeMeta::id).toList());
        return new Page(found.badges(), claims, q.page(), q.size(), found.total());
    }
}
