package dev.badgeworks.badge.store;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.badge.entity.BadgeGroup;
import dev.badgeworks.platform.Persistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An org's badge groups. A name taken by another active group of the org is the unique constraint's 733. */
@ApplicationScoped
public class BadgeGroups {

    @PersistenceContext
    EntityManager em;

    public void add(BadgeGroup group) {
        em.persist(group);
        written();
    }

    /** Writes a changed group now, so that a name the org's active groups already use is refused here. */
    public void written() {
        Persistence.flushOrFail(em, ErrorCode.GROUP_NAME_TAKEN.exception("name"));
    }

    /** The org's group; null for another org's or an unknown id. */
    public BadgeGroup find(long orgId, String id) {
        BadgeGroup group = id == null ? null : em.find(BadgeGroup.class, id);
        return group == null || group.orgId() != orgId ? null : group;
    }

    /**
     * The org's group if it is active, read under a shared lock until the transaction ends: a badge joining it and
     * a request disabling it are ordered by the database, so no badge joins a group disabled at the same moment.
     */
    public BadgeGroup findActiveLocked(long orgId, String id) {
        return em.createQuery("SELECT g FROM BadgeGroup g WHERE g.id = :id AND g.orgId = :org AND g.active = TRUE",
                        BadgeGroup.class).setParameter("id", id).setParameter("org", orgId)
                .setLockMode(LockModeType.PESSIMISTIC_READ).getResultStream().findFirst().orElse(null);
    }

    /** A page of the org's active groups by rank (1 first, or last when descending), older first on equal ranks. */
    public List<BadgeGroup> activePage(long orgId, boolean descending, int page, int size) {
        String dir = descending ? " DESC" : " ASC";
        return em.createQuery("SELECT g FROM BadgeGroup g WHERE g.orgId = :org AND g.active = TRUE ORDER BY g.rank"
                        + dir + ", g.authorship.createdOnMs" + dir + ", g.id" + dir, BadgeGroup.class)
                .setParameter("org", orgId).setFirstResult((int) Math.min((long) page * size, Integer.MAX_VALUE))
                .setMaxResults(size).getResultList();
    }

    public long countActive(long orgId) {
        return em.createQuery("SELECT COUNT(g) FROM BadgeGroup g WHERE g.orgId = :org AND g.active = TRUE", Long.class)
                .setParameter("org", orgId).getSingleResult();
    }

    /** The names of the org's groups among these ids (disabled ones too: a badge still names its group), by id. */
    public Map<String, String> names(long orgId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT g FROM BadgeGroup g WHERE g.orgId = :org AND g.id IN :ids", BadgeGroup.class)
                .setParameter("org", orgId).setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(BadgeGroup::id, BadgeGroup::name));
    }
}
