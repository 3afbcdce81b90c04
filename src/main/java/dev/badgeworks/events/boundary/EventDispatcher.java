package dev.badgeworks.events.boundary;

import dev.badgeworks.api.LogSafe;
import dev.badgeworks.events.control.WebhookAddress;
import dev.badgeworks.events.control.WebhookSignature;
import dev.badgeworks.events.entity.Webhook;
import dev.badgeworks.events.store.DeliveryHistory;
import dev.badgeworks.events.store.DeliveryStore;
import dev.badgeworks.platform.Metrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Sends what the outbox holds. Every instance runs it; each turn it claims due deliveries per endpoint under a
 * lease (see {@link DeliveryStore#claim}), POSTs them in the endpoint's batch size (rows an import wrote as a
 * batch go as they are), signed, and records the outcome under its claim. An endpoint that fails gets its claimed rest back unsent, due with the failed one's retry: a
 * down receiver sees one probe per back-off, not a storm. Endpoints are served in parallel.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class EventDispatcher {

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());
    /** Batches sent per claim: the lease must outlast them all, each up to the timeout. */
    static final int BATCHES_PER_CLAIM = 10;
    /** A turn stops claiming after this long; the next turn goes on. */
    private static final long TURN_MS = 20_000;
    private static final long PURGE_EVERY_MS = 600_000;

    @Resource
    TimerService timers;

    @Resource
    ManagedExecutorService executor;

    @Inject
    DeliveryStore store;

    @Inject
    DeliveryHistory history;

    @Inject
    Metrics metrics;

    private final AtomicBoolean running = new AtomicBoolean();
    private EventSettings settings;
    private HttpClient http;
    private long lastPurgeMs;

    @PostConstruct
    void start() {
        settings = EventSettings.current();
        // redirects are never followed: an endpoint answering 3xx has failed (it could point anywhere)
        http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(settings.timeoutMs()))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).executor(executor)
                .build();
        timers.createIntervalTimer(settings.pollMs(), settings.pollMs(), new TimerConfig("event-dispatch", false));
        metrics.gauge("badgeworks.events.backlog", "Event deliveries waiting to be sent, all instances",
                () -> history.backlog(null).pending());
        metrics.gauge("badgeworks.events.lag.seconds", "Age of the oldest event not yet delivered (0 when none)",
                () -> {
                    Long oldest = history.backlog(null).oldestPendingMs();
                    return oldest == null ? 0 : Math.max(0, System.currentTimeMillis() - oldest) / 1000.0;
                });
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void turn() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            long endMs = System.currentTimeMillis() + TURN_MS;
            List<String> due;
            while (System.currentTimeMillis() < endMs
                    && !(due = store.dueWebhooks(System.currentTimeMillis(), 50)).isEmpty()) {
                CompletableFuture.allOf(due.stream()
                        .map(id -> CompletableFuture.runAsync(() -> drain(id, endMs), executor))
                        .toArray(CompletableFuture[]::new)).join();
            }
            purgeNowAndThen();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Event delivery turn failed; the next turn tries again: " + LogSafe.text(e));
        } finally {
            running.set(false);
        }
    }

    private void drain(String webhookId, long endMs) {
        Optional<Webhook> found = store.webhook(webhookId);
        if (found.isEmpty()) {
            return;
        }
        Webhook webhook = found.get();
        int maxEvents = webhook.batchSize() * BATCHES_PER_CLAIM;
        while (System.currentTimeMillis() < endMs) {
            long now = System.currentTimeMillis();
            String claim = UUID.randomUUID().toString();
            List<DeliveryStore.Delivery> claimed = store.claim(webhookId, claim, now,
                    now + BATCHES_PER_CLAIM * settings.timeoutMs() + 30_000, maxEvents);
            if (claimed.isEmpty()) {
                return;
            }
            // the claim's POSTs first, then their outcomes in as few statements as possible: recording each POST
            // on its own made three statements per event for an endpoint that does not batch
            int events = 0;
            int from = 0;
            String failure = null;
            List<DeliveryStore.Delivery> failed = List.of();
            while (from < claimed.size()) {
                List<DeliveryStore.Delivery> post = nextPost(claimed, from, webhook.batchSize());
                failure = send(webhook, post);
                if (failure != null) {
                    failed = post;
                    break;
                }
                events += post.stream().mapToInt(DeliveryStore.Delivery::eventCount).sum();
                from += post.size();
            }
            long at = System.currentTimeMillis();
            if (from > 0) {
                store.delivered(webhookId, claim, claimed.subList(0, from), at);
                count("delivered", events);
            }
            if (failure != null) {
                int size = failed.stream().mapToInt(DeliveryStore.Delivery::eventCount).sum();
                int dead = store.failed(webhookId, claim, failed, failure, at, settings.retries(),
                        ThreadLocalRandom.current());
                count("failed", size - dead);
                count("dead", dead);
                // the rest waits as long as the first failed one: it is due with it
                store.release(webhookId, claim, claimed.subList(from + failed.size(), claimed.size()),
                        at + settings.retries().firstMs());
                return;
            }
            if (events < maxEvents) {
                return;
            }
        }
    }

    /**
     * The rows of the next POST from {@code from} on: as many as fit the endpoint's batch size (always at least one:
     * a row written as a batch before the endpoint's batch size was lowered is still sent whole).
     */
    static List<DeliveryStore.Delivery> nextPost(List<DeliveryStore.Delivery> claimed, int from, int batchSize) {
        int to = from + 1;
        int events = claimed.get(from).eventCount();
        while (to < claimed.size() && events + claimed.get(to).eventCount() <= batchSize) {
            events += claimed.get(to).eventCount();
            to++;
        }
        return claimed.subList(from, to);
    }

    /** POSTs one batch; answers null when the endpoint took it (2xx), else why not. */
    private String send(Webhook webhook, List<DeliveryStore.Delivery> batch) {
        Optional<String> refused = WebhookAddress.refusal(webhook.url(), settings.allowPrivate());
        if (refused.isPresent()) {
            return "not sent: the URL " + refused.get();
        }
        // an endpoint that does not batch gets one event object; one that does, an array (even of one event)
        String body = webhook.batchSize() == 1 && batch.size() == 1 && batch.get(0).eventCount() == 1
                ? batch.get(0).payload()
                : batch.stream().map(DeliveryStore.Delivery::asArrayMembers).collect(Collectors.joining(",", "[", "]"));
        long timestamp = System.currentTimeMillis() / 1000;
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
                .timeout(Duration.ofMillis(settings.timeoutMs()))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Badgeworks-Webhooks")
                .header("X-Badgeworks-Webhook-Id", webhook.id())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(webhook.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<Void> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.discarding());
            } catch (HttpTimeoutException e) {
                throw e;
            } catch (java.io.IOException e) {
                // a kept-alive connection the receiver had closed fails before any answer (the client retries no
                // POST by itself): once more at once, on a new connection — delivery is at least once anyway
                response = http.send(request, HttpResponse.BodyHandlers.discarding());
            }
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (HttpTimeoutException e) {
            return "timed out after " + settings.timeoutMs() + " ms";
        } catch (java.io.IOException e) {
            return "could not POST: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void count(String outcome, long n) {
        metrics.count("badgeworks.events.deliveries", "Event deliveries by outcome (per event)", n,
                "outcome", outcome);
    }

    private void purgeNowAndThen() {
        long now = System.currentTimeMillis();
        if (now - lastPurgeMs >= PURGE_EVERY_MS) {
            lastPurgeMs = now;
            int purged = store.purgeDelivered(now - settings.keepDeliveredMs());
            if (purged > 0) {
                LOG.fine(() -> "Forgot " + purged + " delivered event(s)");
            }
        }
    }
}
