package dev.badgeworks.events.store;

import dev.badgeworks.events.control.RetrySchedule;
import dev.badgeworks.events.entity.DeliveryStatus;
import dev.badgeworks.events.entity.Webhook;
import dev.badgeworks.platform.Jdbc;
import dev.badgeworks.platform.Persistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The events' data access for delivery: claims under a lease, outcomes recorded only under the claim that sent them
 * (a delivery another instance took over after our lease ran out is not ours to record) and the purge of old ones.
 * What an admin reads and revives is {@link DeliveryHistory}. Each method is its own transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class DeliveryStore {

    /**
     * A claimed delivery row: what to send (one event, or {@code eventCount} of them as a JSON array), and what its
     * outcome needs.
     */
    public record Delivery(String webhookId, String eventId, String eventType, int eventCount, String payload,
                           long createdMs, int attempts, long retryFromMs) {

        /** The row's events as members of a JSON array: the object itself, or the array without its brackets. */
        public String asArrayMembers() {
            return eventCount == 1 ? payload : payload.substring(1, payload.length() - 1);
        }
    }

    private static final String DUE = "status = 'PENDING' AND next_attempt_ms <= ?"
            + " AND (claimed_until_ms IS NULL OR claimed_until_ms < ?)";

    @PersistenceContext
    EntityManager em;

    /** An active endpoint, detached. */
    public Optional<Webhook> webhook(String id) {
        Webhook webhook = em.find(Webhook.class, id);
        return webhook == null || !webhook.active() ? Optional.empty() : Optional.of(webhook);
    }

    /** Active endpoints with deliveries due now and not claimed by anybody. */
    public List<String> dueWebhooks(long nowMs, int limit) {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = connection().prepareStatement(
                "SELECT w.id FROM webhook w WHERE w.active = TRUE AND EXISTS (SELECT 1 FROM event_delivery d"
                        + " WHERE d.webhook_id = w.id AND d.status = 'PENDING' AND d.next_attempt_ms <= ?"
                        + " AND (d.claimed_until_ms IS NULL OR d.claimed_until_ms < ?)) LIMIT ?")) {
            s.setLong(1, nowMs);
            s.setLong(2, nowMs);
            s.setInt(3, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot read due deliveries", e);
        }
        return ids;
    }

    /**
     * Claims due deliveries of one endpoint, oldest first, holding up to {@code maxEvents} events (at least one row),
     * until {@code leaseUntilMs}. On PostgreSQL the candidates are read with SKIP LOCKED: of two instances claiming
     * at once each locks different rows instead of waiting for the other, and the rows locked are this claim's,
     * taken by primary key in one statement. Elsewhere (H2, one instance) each row is taken by a conditional UPDATE
     * and payloads are read only for the rows won.
     */
    public List<Delivery> claim(String webhookId, String claim, long nowMs, long leaseUntilMs, int maxEvents) {
        try {
            Connection c = connection();
            boolean locking = Jdbc.isPostgres(c);
            List<Delivery> candidates = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT event_id, event_type, event_count, created_ms,"
                    + " attempts, retry_from_ms" + (locking ? ", payload" : "") + " FROM event_delivery"
                    + " WHERE webhook_id = ? AND " + DUE
                    // the index's own order, its equal leading columns included: H2 otherwise sorts the whole backlog
                    + " ORDER BY webhook_id, status, created_ms, event_id LIMIT ?"
                    + (locking ? " FOR UPDATE SKIP LOCKED" : ""))) {
                s.setString(1, webhookId);
                s.setLong(2, nowMs);
                s.setLong(3, nowMs);
                s.setInt(4, maxEvents);
                try (ResultSet rs = s.executeQuery()) {
                    int events = 0;
                    while (rs.next()) {
                        int count = rs.getInt(3);
                        if (!candidates.isEmpty() && events + count > maxEvents) {
                            break;
                        }
                        events += count;
                        candidates.add(new Delivery(webhookId, rs.getString(1), rs.getString(2), count,
                                locking ? rs.getString(7) : null, rs.getLong(4), rs.getInt(5), rs.getLong(6)));
                    }
                }
            }
            if (candidates.isEmpty()) {
                return candidates;
            }
            if (locking) {
                // by primary key alone: with the due conditions repeated, a planner without statistics of the table
                // (autovacuum off) chose the status index and scanned the endpoint's whole backlog for each row
                try (PreparedStatement s = c.prepareStatement("UPDATE event_delivery SET claim = ?,"
                        + " claimed_until_ms = ? WHERE webhook_id = ? AND event_id = ANY (?)")) {
                    s.setString(1, claim);
                    s.setLong(2, leaseUntilMs);
                    s.setString(3, webhookId);
                    Jdbc.bindColumn(s, 4, "varchar", candidates, Delivery::eventId);
                    s.executeUpdate();
                }
                return candidates;
            }
            List<Delivery> claimed = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("UPDATE event_delivery SET claim = ?, claimed_until_ms = ?"
                    + " WHERE webhook_id = ? AND event_id = ? AND " + DUE)) {
                for (Delivery d : candidates) {
                    s.setString(1, claim);
                    s.setLong(2, leaseUntilMs);
                    s.setString(3, webhookId);
                    s.setString(4, d.eventId());
                    s.setLong(5, nowMs);
                    s.setLong(6, nowMs);
                    s.addBatch();
                }
                int[] counts = s.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0) {
                        claimed.add(candidates.get(i));
                    }
                }
            }
            return withPayloads(c, webhookId, claimed);
        } catch (SQLException e) {
            throw new PersistenceException("cannot claim deliveries", e);
        }
    }

    private static List<Delivery> withPayloads(Connection c, String webhookId, List<Delivery> claimed)
            throws SQLException {
        if (claimed.isEmpty()) {
            return claimed;
        }
        Map<String, String> payloads = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT event_id, payload FROM event_delivery WHERE webhook_id = ?"
                + " AND event_id IN (" + Jdbc.marks(claimed.size()) + ")")) {
            s.setString(1, webhookId);
            Jdbc.bind(s, 2, claimed.stream().map(Delivery::eventId).toList());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    payloads.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return claimed.stream().map(d -> new Delivery(d.webhookId(), d.eventId(), d.eventType(), d.eventCount(),
                payloads.get(d.eventId()), d.createdMs(), d.attempts(), d.retryFromMs())).toList();
    }

    /** The endpoint answered 2xx for these deliveries. Answers how many were still ours to record. */
    public int delivered(String webhookId, String claim, List<Delivery> deliveries, long nowMs) {
        int recorded = update(webhookId, claim, deliveries, "status = 'DELIVERED', delivered_ms = " + nowMs
                + ", attempts = attempts + 1, last_error = NULL");
        try (PreparedStatement s = connection().prepareStatement(
                "UPDATE webhook SET last_success_ms = ?, failures_in_row = 0 WHERE id = ?")) {
            s.setLong(1, nowMs);
            s.setString(2, webhookId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("cannot record a delivery", e);
        }
        return recorded;
    }

    /**
     * Sending these deliveries failed: each is tried again after its back-off, or is DEAD once its retry period is
     * over. Answers how many events died.
     */
    public int failed(String webhookId, String claim, List<Delivery> deliveries, String error, long nowMs,
                      RetrySchedule schedule, RandomGenerator random) {
        String reason = error.length() > 500 ? error.substring(0, 500) : error;
        int dead = 0;
        try {
            Connection c = connection();
            try (PreparedStatement s = c.prepareStatement("UPDATE event_delivery SET status = ?, attempts = attempts + 1,"
                    + " next_attempt_ms = ?, last_error = ?, claim = NULL, claimed_until_ms = NULL"
                    + " WHERE webhook_id = ? AND event_id = ? AND claim = ?")) {
                for (Delivery d : deliveries) {
                    boolean gone = schedule.givesUp(d.retryFromMs(), nowMs);
                    dead += gone ? d.eventCount() : 0;
                    s.setString(1, gone ? DeliveryStatus.DEAD.name() : DeliveryStatus.PENDING.name());
                    s.setLong(2, gone ? nowMs : nowMs + schedule.delayMs(d.attempts() + 1, random));
                    s.setString(3, reason);
                    s.setString(4, webhookId);
                    s.setString(5, d.eventId());
                    s.setString(6, claim);
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE webhook SET last_failure_ms = ?, last_error = ?,"
                    + " failures_in_row = failures_in_row + 1 WHERE id = ?")) {
                s.setLong(1, nowMs);
                s.setString(2, reason);
                s.setString(3, webhookId);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot record a failed delivery", e);
        }
        return dead;
    }

    /** Gives back claimed deliveries unsent (their endpoint just failed): due again no sooner than {@code dueMs}. */
    public void release(String webhookId, String claim, List<Delivery> deliveries, long dueMs) {
        update(webhookId, claim, deliveries, "next_attempt_ms = " + dueMs);
    }

    private int update(String webhookId, String claim, List<Delivery> deliveries, String set) {
        if (deliveries.isEmpty()) {
            return 0;
        }
        try (PreparedStatement s = connection().prepareStatement("UPDATE event_delivery SET " + set
                + ", claim = NULL, claimed_until_ms = NULL WHERE webhook_id = ? AND claim = ? AND event_id IN ("
                + Jdbc.marks(deliveries.size()) + ")")) {
            s.setString(1, webhookId);
            s.setString(2, claim);
            Jdbc.bind(s, 3, deliveries.stream().map(Delivery::eventId).toList());
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("cannot record deliveries", e);
        }
    }

    /**
     * Forgets deliveries done before {@code beforeMs} (the table keeps the backlog and recent history only), and
     * those of deleted endpoints that an earn racing the deletion wrote.
     */
    public int purgeDelivered(long beforeMs) {
        try (PreparedStatement s = connection().prepareStatement(
                "DELETE FROM event_delivery WHERE status = 'DELIVERED' AND delivered_ms < ?");
             PreparedStatement orphans = connection().prepareStatement("DELETE FROM event_delivery"
                     + " WHERE NOT EXISTS (SELECT 1 FROM webhook w WHERE w.id = event_delivery.webhook_id)")) {
            s.setLong(1, beforeMs);
            return s.executeUpdate() + orphans.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("cannot purge deliveries", e);
        }
    }

    private Connection connection() {
        return Persistence.connection(em);
    }
}
