package dev.badgeworks.events.store;

import dev.badgeworks.events.entity.DeliveryStatus;
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
import java.util.List;

/**
 * The deliveries as the webhook API and the metrics see them: backlog figures, a page of deliveries, and the
 * admin's redelivery of dead ones. Each method is its own transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class DeliveryHistory {

    /** A delivery as an admin lists it. */
    public record Listed(String eventId, String eventType, DeliveryStatus status, int attempts, long createdMs,
                         long nextAttemptMs, String lastError, Long deliveredMs, String payload) {
    }

    /** An endpoint's backlog: pending and dead events, and the creation of the oldest pending one. */
    public record Backlog(long pending, long dead, Long oldestPendingMs) {
    }

    @PersistenceContext
    EntityManager em;

    /** Pending and dead deliveries of one endpoint, or of all ({@code webhookId} null). */
    public Backlog backlog(String webhookId) {
        String where = webhookId == null ? "" : " AND webhook_id = ?";
        try (PreparedStatement s = connection().prepareStatement("SELECT"
                + " (SELECT COALESCE(SUM(event_count), 0) FROM event_delivery WHERE status = 'PENDING'" + where + "),"
                + " (SELECT COALESCE(SUM(event_count), 0) FROM event_delivery WHERE status = 'DEAD'" + where + "),"
                + " (SELECT MIN(created_ms) FROM event_delivery WHERE status = 'PENDING'" + where + ")")) {
            if (webhookId != null) {
                s.setString(1, webhookId);
                s.setString(2, webhookId);
                s.setString(3, webhookId);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long oldest = rs.getLong(3);
                // wasNull() speaks of the column read last: MIN() of no pending row is NULL, not 1970
                Long oldestMs = rs.wasNull() ? null : oldest;
                return new Backlog(rs.getLong(1), rs.getLong(2), oldestMs);
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot count deliveries", e);
        }
    }

    public List<Listed> list(String webhookId, DeliveryStatus status, int page, int size) {
        List<Listed> listed = new ArrayList<>();
        try (PreparedStatement s = connection().prepareStatement("SELECT event_id, event_type, status, attempts,"
                + " created_ms, next_attempt_ms, last_error, delivered_ms, payload FROM event_delivery"
                + " WHERE webhook_id = ?" + (status == null ? "" : " AND status = ?")
                + " ORDER BY created_ms, event_id LIMIT ? OFFSET ?")) {
            int i = 1;
            s.setString(i++, webhookId);
            if (status != null) {
                s.setString(i++, status.name());
            }
            s.setInt(i++, size);
            s.setLong(i, (long) page * size);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long delivered = rs.getLong(8);
                    Long deliveredMs = rs.wasNull() ? null : delivered;
                    listed.add(new Listed(rs.getString(1), rs.getString(2), DeliveryStatus.valueOf(rs.getString(3)),
                            rs.getInt(4), rs.getLong(5), rs.getLong(6), rs.getString(7), deliveredMs,
                            rs.getString(9)));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot list deliveries", e);
        }
        return listed;
    }

    /**
     * Dead deliveries of the endpoint (all, or those holding the given events — a batch is revived whole) are
     * pending again, due now, with a fresh retry period. Each row by a conditional UPDATE: redelivering twice at once
     * revives each once. Answers how many events were revived.
     */
    public int redeliver(String webhookId, List<String> eventIds, long nowMs) {
        StringBuilder which = new StringBuilder();
        if (!eventIds.isEmpty()) {
            which.append(" AND (event_id IN (").append(Jdbc.marks(eventIds.size())).append(")");
            eventIds.forEach(id -> which.append(" OR payload LIKE ?"));
            which.append(")");
        }
        try {
            Connection c = connection();
            List<DeliveryStore.Delivery> dead = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT event_id, event_count FROM event_delivery"
                    + " WHERE webhook_id = ? AND status = 'DEAD'" + which)) {
                s.setString(1, webhookId);
                int i = Jdbc.bind(s, 2, eventIds);
                for (String id : eventIds) {
                    // ids are UUIDs (checked by the resource): no LIKE wildcard in them
                    s.setString(i++, "%\"eventId\":\"" + id + "\"%");
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        dead.add(new DeliveryStore.Delivery(webhookId, rs.getString(1), null, rs.getInt(2), null, 0, 0, 0));
                    }
                }
            }
            if (dead.isEmpty()) {
                return 0;
            }
            int revived = 0;
            try (PreparedStatement s = c.prepareStatement("UPDATE event_delivery SET status = 'PENDING',"
                    + " next_attempt_ms = ?, retry_from_ms = ?, attempts = 0"
                    + " WHERE webhook_id = ? AND event_id = ? AND status = 'DEAD'")) {
                for (DeliveryStore.Delivery d : dead) {
                    s.setLong(1, nowMs);
                    s.setLong(2, nowMs);
                    s.setString(3, webhookId);
                    s.setString(4, d.eventId());
                    s.addBatch();
                }
                int[] counts = s.executeBatch();
                for (int k = 0; k < counts.length; k++) {
                    revived += counts[k] > 0 ? dead.get(k).eventCount() : 0;
                }
            }
            return revived;
        } catch (SQLException e) {
            throw new PersistenceException("cannot redeliver", e);
        }
    }

    private Connection connection() {
        return Persistence.connection(em);
    }
}
