package dev.badgeworks.badge.store;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.badge.entity.OrgMeta;
import dev.badgeworks.platform.Persistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The org meta of each org: one row per org, a second create loses on the unique constraint (409 999999). */
@ApplicationScoped
public class OrgMetas {

    @PersistenceContext
    EntityManager em;

    public void add(OrgMeta meta) {
        em.persist(meta);
        Persistence.flushOrFail(em, ErrorCode.ORG_META_EXISTS.exception());
    }

    /** Writes a changed org meta now: a concurrent update's lost optimistic lock is then 409 1125, not a failed commit. */
    public void written() {
        em.flush();
    }

    /** The org's meta, or null when it has none yet. */
    public OrgMeta find(long orgId) {
        return em.createQuery("SELECT m FROM OrgMeta m WHERE m.orgId = :org", OrgMeta.class).setParameter("org", orgId)
                .getResultStream().findFirst().orElse(null);
    }
}
