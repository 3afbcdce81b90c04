package dev.badgeworks.events.boundary;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.events.entity.EventType;
import dev.badgeworks.events.entity.Webhook;
import dev.badgeworks.platform.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;

/** An org's webhook endpoints: each org sees and changes only its own (another org's is simply not found). */
@ApplicationScoped
@Transactional
public class WebhookService {

    @PersistenceContext
    EntityManager em;

    public Webhook create(long orgId, String url, String secret, Set<EventType> types, int batchSize, boolean active,
                          long nowMs) {
        Webhook webhook = new Webhook(Ids.newId(), orgId, url, secret, types, batchSize, active, nowMs);
        em.persist(webhook);
        return webhook;
    }

    public List<Webhook> list(long orgId) {
        return em.createQuery("SELECT w FROM Webhook w WHERE w.orgId = :org ORDER BY w.id", Webhook.class)
                .setParameter("org", orgId).getResultList();
    }

    public Webhook find(long orgId, String id) {
        Webhook webhook = id == null ? null : em.find(Webhook.class, id);
        if (webhook == null || webhook.orgId() != orgId) {
            throw ErrorCode.WEBHOOK_NOT_FOUND.exception("webhookId");
        }
        return webhook;
    }

    public Webhook update(long orgId, String id, String url, Set<EventType> types, int batchSize, boolean active) {
        Webhook webhook = find(orgId, id);
        webhook.change(url, types, batchSize, active);
        return webhook;
    }

    /** Deletes the endpoint with its deliveries, pending ones included. */
    public void delete(long orgId, String id) {
        em.remove(find(orgId, id));
        em.createNativeQuery("DELETE FROM event_delivery WHERE webhook_id = ?").setParameter(1, id).executeUpdate();
    }
}
