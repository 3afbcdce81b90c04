package dev.badgeworks.events.boundary;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.events.entity.EventType;
import dev.badgeworks.events.entity.Webhook;
import dev.badgeworks.events.store.WebhookStore;
import dev.badgeworks.platform.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;

/** An org's webhook endpoints: each org sees and changes only its own (another org's is simply not found). */
@ApplicationScoped
@Transactional
public class WebhookService {

    @Inject
    WebhookStore store;

    public Webhook create(long orgId, String url, String secret, Set<EventType> types, int batchSize, boolean active,
                          long nowMs) {
        Webhook webhook = new Webhook(Ids.newId(), orgId, url, secret, types, batchSize, active, nowMs);
        store.insert(webhook);
        return webhook;
    }

    public List<Webhook> list(long orgId) {
        return store.ofOrg(orgId);
    }

    public Webhook find(long orgId, String id) {
        return store.find(orgId, id).orElseThrow(() -> ErrorCode.WEBHOOK_NOT_FOUND.exception("webhookId"));
    }

    public Webhook update(long orgId, String id, String url, Set<EventType> types, int batchSize, boolean active) {
        Webhook webhook = find(orgId, id);
        webhook.change(url, types, batchSize, active);
        return webhook;
    }

    /** Deletes the endpoint with its deliveries, pending ones included. */
    public void delete(long orgId, String id) {
        store.delete(find(orgId, id));
    }
}
