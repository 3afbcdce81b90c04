package dev.badgeworks.badge.store;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.badge.entity.CustomField;
import dev.badgeworks.platform.Persistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** An org's custom field definitions. A name another active field of the org has is the unique constraint's 1163. */
@ApplicationScoped
public class CustomFields {

    @PersistenceContext
    EntityManager em;

    public void add(CustomField field) {
        em.persist(field);
        written();
    }

    /** Writes a changed field now, so that a name another active field has is refused here. */
    public void written() {
        Persistence.flushOrFail(em, ErrorCode.CUSTOM_FIELD_NAME_TAKEN.exception("name"));
    }

    /** The org's field; null for another org's or an unknown id. */
    public CustomField find(long orgId, String id) {
        CustomField field = id == null ? null : em.find(CustomField.class, id);
        return field == null || field.orgId() != orgId ? null : field;
    }

    /** All the org's active fields, as a badge is checked against them. */
    public List<CustomField> active(long orgId) {
        return em.createQuery("SELECT f FROM CustomField f WHERE f.orgId = :org AND f.active = TRUE", CustomField.class)
                .setParameter("org", orgId).getResultList();
    }

    /** A page of the org's active fields by last update (latest first when descending), the id breaking ties. */
    public List<CustomField> activePage(long orgId, boolean descending, int page, int size) {
        String dir = descending ? " DESC" : " ASC";
        return em.createQuery("SELECT f FROM CustomField f WHERE f.orgId = :org AND f.active = TRUE ORDER BY"
                        + " f.authorship.lastUpdatedOnMs" + dir + ", f.id" + dir, CustomField.class)
                .setParameter("org", orgId).setFirstResult((int) Math.min((long) page * size, Integer.MAX_VALUE))
                .setMaxResults(size).getResultList();
    }

    public long countActive(long orgId) {
        return em.createQuery("SELECT COUNT(f) FROM CustomField f WHERE f.orgId = :org AND f.active = TRUE", Long.class)
                .setParameter("org", orgId).getSingleResult();
    }
}
