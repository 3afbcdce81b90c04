package dev.badgeworks.badge.store;

import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.QueryParams;
import dev.badgeworks.badge.control.BadgeQuery;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.BadgeStatus;
import dev.badgeworks.badge.entity.Claim;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.platform.Persistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Badge definitions and claims in the database: the badge service's reads, locks and writes. */
@ApplicationScoped
@Transactional
public class BadgeStore {

    /** One page of a badge list and how many badges match in all. */
    public record Found(List<BadgeMeta> badges, long total) {
    }

    @PersistenceContext
    EntityManager em;

    /** The org's badge; another org's badge or an unknown id is empty. */
    public Optional<BadgeMeta> find(long orgId, String id) {
        BadgeMeta badge = id == null ? null : em.find(BadgeMeta.class, id);
        return badge == null || badge.orgId() != orgId ? Optional.empty() : Optional.of(badge);
    }

    public boolean nameTaken(long orgId, String name, String exceptId) {
        return em.createQuery("SELECT b.id FROM BadgeMeta b WHERE b.orgId = :org AND b.name = :name", String.class)
                .setParameter("org", orgId).setParameter("name", name).getResultStream()
                .anyMatch(found -> !found.equals(exceptId));
    }

    /** The org's next badge number; the org row's lock serialises concurrent creates of one org. */
    public long nextBadgeNumber(long orgId) {
        em.createNativeQuery("UPDATE org SET badge_numbers = badge_numbers + 1 WHERE id = ?")
                .setParameter(1, orgId).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT badge_numbers FROM org WHERE id = ?").setParameter(1, orgId)
                .getSingleResult()).longValue();
    }

    /** Stores a new badge; a unique key refusing it (a concurrent twin) throws {@code refused}. */
    public void insert(BadgeMeta badge, ApiException refused) {
        em.persist(badge);
        Persistence.flushOrFail(em, refused);
    }

    /** Writes the pending changes now; a unique key or a concurrent change refusing them throws {@code refused}. */
    public void flush(RuntimeException refused) {
        Persistence.flushOrFail(em, refused);
    }

    /** Reads the badge again under its row lock, held until the transaction ends. */
    public void lock(BadgeMeta badge) {
        em.refresh(badge, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<Claim> findClaim(String badgeId, OwnerType ownerType, String referenceId) {
        return em.createQuery("SELECT c FROM Claim c WHERE c.badgeId = :badge AND c.ownerType = :owner "
                        + "AND c.referenceId = :reference", Claim.class)
                .setParameter("badge", badgeId).setParameter("owner", ownerType).setParameter("reference", referenceId)
                .getResultStream().findFirst();
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

    /** Stores a first claim; the unique key refusing it (a concurrent first claim won) throws {@code refused}. */
    public void insertClaim(Claim claim, RuntimeException refused) {
        em.persist(claim);
        Persistence.flushOrFail(em, refused);
    }

    /** Ends the claim if it is still active; false when it is not (the database decides between racers). */
    public boolean endClaim(String badgeId, OwnerType ownerType, String referenceId, long nowMs) {
        return em.createQuery("UPDATE Claim c SET c.active = :inactive, c.updatedOnMs = :now"
                        + " WHERE c.badgeId = :badge AND c.ownerType = :owner AND c.referenceId = :reference"
                        + " AND c.active = :active")
                .setParameter("inactive", false).setParameter("now", nowMs).setParameter("badge", badgeId)
                .setParameter("owner", ownerType).setParameter("reference", referenceId).setParameter("active", true)
                .executeUpdate() > 0;
    }

    /** In the claim change's transaction: every instance's kept copy of the badge's claims is now stale. */
    public void claimsChanged(String badgeId) {
        em.createNativeQuery("UPDATE badge_meta SET claims_version = claims_version + 1 WHERE id = ?")
                .setParameter(1, badgeId).executeUpdate();
    }

    /** A page of the org's badges that match the query, in its order, and the count of all that match. */
    public Found page(long orgId, BadgeQuery q, long nowMs) {
        StringBuilder where = new StringBuilder(" WHERE b.orgId = :org");
        Map<String, Object> params = new HashMap<>();
        params.put("org", orgId);
        if (!q.statuses().isEmpty() && q.statuses().size() < BadgeStatus.values().length) {
            where.append(" AND ").append(BadgeStatus.anyOf(q.statuses(), "b.startOnMs", "b.expiresOnMs", ":now").text());
            params.put("now", nowMs);
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
        return new Found(badges, count.getSingleResult());
    }
}
