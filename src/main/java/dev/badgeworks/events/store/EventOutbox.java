package dev.badgeworks.events.store;

import dev.badgeworks.events.control.BadgeEvent;
import dev.badgeworks.events.entity.EventType;
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
import java.util.stream.Collectors;

/**
 * The transactional outbox: events are written as delivery rows, one per subscribed endpoint, in the transaction
 * of the change they report — committed with it, rolled back with it. Sending happens later
 * ({@code EventDispatcher}), so an earn never waits for a receiver.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EventOutbox {

    private static final String COLUMNS = "webhook_id, event_id, event_type, event_count, payload, created_ms, status,"
            + " attempts, next_attempt_ms, retry_from_ms";
    /** One event: fanned out to the org's subscribed endpoints by the insert itself, one round trip. */
    private static final String INSERT_FOR_SUBSCRIBERS = "INSERT INTO event_delivery (" + COLUMNS + ")"
            + " SELECT w.id, ?, ?, 1, ?, ?, 'PENDING', 0, ?, ? FROM webhook w"
            + " WHERE w.org_id = ? AND w.active = TRUE AND w.event_types LIKE ?";
    private static final String INSERT_ONE = "INSERT INTO event_delivery (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)";
    @PersistenceContext
    EntityManager em;

    /**
     * Whether an active endpoint of the org subscribes to {@code type}: events many per change (badgeProgressed) are
     * built only when someone will get them.
     */
    public boolean subscribed(long orgId, EventType type) {
        try (PreparedStatement s = Persistence.connection(em).prepareStatement("SELECT 1 FROM webhook WHERE org_id = ?"
                + " AND active = TRUE AND event_types LIKE ? FETCH FIRST 1 ROWS ONLY")) {
            s.setLong(1, orgId);
            s.setString(2, "%," + type.wireName() + ",%");
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot read the org's endpoints", e);
        }
    }

    /** Records the events of one org in the current transaction (nothing when no endpoint wants them). */
    public void record(long orgId, List<BadgeEvent> events, long nowMs) {
        if (events.isEmpty()) {
            return;
        }
        Connection c = Persistence.connection(em);
        try {
            if (events.size() == 1) {
                recordOne(c, orgId, events.get(0), nowMs);
            } else {
                recordMany(c, orgId, events, nowMs);
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot record " + events.size() + " events", e);
        }
    }

    private static void recordOne(Connection c, long orgId, BadgeEvent event, long nowMs) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_FOR_SUBSCRIBERS)) {
            s.setString(1, event.eventId());
            s.setString(2, event.type().wireName());
            s.setString(3, event.payload());
            s.setLong(4, nowMs);
            s.setLong(5, nowMs);
            s.setLong(6, nowMs);
            s.setLong(7, orgId);
            s.setString(8, "%," + event.type().wireName() + ",%");
            s.executeUpdate();
        }
    }

    /** A delivery row: one event, or several for an endpoint that batches (their JSON array). */
    private record Row(String webhookId, String eventId, String type, int count, String payload) {
    }

    private record Subscriber(String webhookId, String types, int batchSize) {
    }

    /**
     * Many events (an import chunk, a bulk request): the subscribed endpoints are read first, so a chunk of an org
     * without endpoints costs one small query; then each endpoint's events are written in rows of its batch size,
     * in one batch.
     */
    private static void recordMany(Connection c, long orgId, List<BadgeEvent> events, long nowMs) throws SQLException {
        List<Subscriber> subscribers = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, event_types, batch_size FROM webhook WHERE org_id = ? AND active = TRUE")) {
            s.setLong(1, orgId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    subscribers.add(new Subscriber(rs.getString(1), rs.getString(2), rs.getInt(3)));
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Subscriber subscriber : subscribers) {
            for (EventType type : EventType.values()) {
                if (!subscriber.types().contains("," + type.wireName() + ",")) {
                    continue;
                }
                List<BadgeEvent> wanted = events.stream().filter(e -> e.type() == type).toList();
                for (int from = 0; from < wanted.size(); from += subscriber.batchSize()) {
                    rows.add(row(subscriber.webhookId(), wanted.subList(from,
                            Math.min(wanted.size(), from + subscriber.batchSize()))));
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        // a plain batch, not column arrays: a batch row's payload is a large JSON text, and an array literal would
        // escape every quote in it (most of a chunk's time in the driver when measured)
        try (PreparedStatement s = c.prepareStatement(INSERT_ONE)) {
            for (Row row : rows) {
                s.setString(1, row.webhookId());
                s.setString(2, row.eventId());
                s.setString(3, row.type());
                s.setInt(4, row.count());
                s.setString(5, row.payload());
                s.setLong(6, nowMs);
                s.setLong(7, nowMs);
                s.setLong(8, nowMs);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static Row row(String webhookId, List<BadgeEvent> events) {
        BadgeEvent first = events.get(0);
        String payload = events.size() == 1 ? first.payload()
                : events.stream().map(BadgeEvent::payload).collect(Collectors.joining(",", "[", "]"));
        return new Row(webhookId, first.eventId(), first.type().wireName(), events.size(), payload);
    }
}
