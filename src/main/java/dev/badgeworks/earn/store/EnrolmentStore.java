package dev.badgeworks.earn.store;

import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.earn.entity.Enrolment;
import dev.badgeworks.platform.Persistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Enrolments (issued badges) in the database: reads, the badge lock that serialises them, inserts, revokes. */
@ApplicationScoped
@Transactional
public class EnrolmentStore {

    @PersistenceContext
    EntityManager em;

    /** Holds the badge's row lock until the transaction ends: enrolments of one badge are decided one at a time. */
    public void lockBadge(BadgeMeta badge) {
        em.lock(badge, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Every enrolment (revoked or not) of these customers in the badge, by customer. */
    public Map<String, List<Enrolment>> ofCustomers(String badgeId, Collection<String> customers) {
        return em.createQuery(
                        "SELECT n FROM Enrolment n WHERE n.badgeId = :badge AND n.customerId IN :customers", Enrolment.class)
                .setParameter("badge", badgeId).setParameter("customers", customers).getResultStream()
                .collect(Collectors.groupingBy(Enrolment::customerId));
    }

    public List<Enrolment> active(String badgeId, String customerId) {
        return em.createQuery("SELECT n FROM Enrolment n WHERE n.badgeId = :badge "
                        + "AND n.customerId = :customer AND n.revokedOnMs IS NULL", Enrolment.class)
                .setParameter("badge", badgeId).setParameter("customer", customerId).getResultList();
    }

    public Optional<Enrolment> find(String enrolmentId) {
        return Optional.ofNullable(enrolmentId == null ? null : em.find(Enrolment.class, enrolmentId));
    }

    public void insert(Enrolment enrolment) {
        em.persist(enrolment);
    }

    /** Writes the inserts now; a unique key refusing one (a concurrent request's twin) throws {@code refused}. */
    public void flush(RuntimeException refused) {
        Persistence.flushOrFail(em, refused);
    }

    /** Revokes the enrolment unless it already is: of two concurrent revokes the database lets one win. */
    public boolean revokeIfActive(String enrolmentId, long nowMs) {
        return em.createQuery("UPDATE Enrolment n SET n.revokedOnMs = :now WHERE n.id = :id AND n.revokedOnMs IS NULL")
                .setParameter("now", nowMs).setParameter("id", enrolmentId).executeUpdate() == 1;
    }
}
