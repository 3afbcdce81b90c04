package dev.badgeworks.events.store;

import dev.badgeworks.events.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Webhook endpoints in the database, joining the caller's transaction. */
@ApplicationScoped
@Transactional
public class WebhookStore {

    @PersistenceContext
    EntityManager em;

    public void insert(Webhook webhook) {
        em.persist(webhook);
    }

    public List<Webhook> ofOrg(long orgId) {
        return em.createQuery("SELECT w FROM Webhook w WHERE w.orgId = :org ORDER BY w.id", Webhook.class)
                .setParameter("org", orgId).getResultList();
    }

    /** The org's endpoint; another org's or an unknown id is empty. */
    public Optional<Webhook> find(long orgId, String id) {
        Webhook webhook = id == null ? null : em.find(Webhook.class, id);
        return webhook == null || webhook.orgId() != orgId ? Optional.empty() : Optional.of(webhook);
    }

    /** Deletes the endpoint with its deliveries, pending ones included. */
    public void delete(Webhook webhook) {
        em.remove(webhook);
        em.createNativeQuery("DELETE FROM event_delivery WHERE webhook_id = ?").setParameter(1, webhook.id())
                .executeUpdate();
    }
}
