package dev.badgeworks.activity.store;

import dev.badgeworks.activity.control.Activity;
import dev.badgeworks.activity.control.ActivityCommand;
import dev.badgeworks.activity.control.ActivityReader;
import dev.badgeworks.activity.control.RuleJson;
import dev.badgeworks.earn.control.RequestIdConflict;
import dev.badgeworks.platform.Jdbc;
import dev.badgeworks.platform.Persistence;
import dev.badgeworks.platform.SavepointRetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The activity feature's data access, plain JDBC on the transaction's connection: the customers' lock rows, the
 * activities by requestId and by customer, and new activities with the answer their request got.
 */
@ApplicationScoped
@Transactional
public class ActivityStore {

    /**
     * An activity already stored under a requestId: what identifies its content, what it was answered (null for a
     * file's row: nobody saw an answer), and the import line that stored it (null when it came through REST).
     */
    public record Known(String fingerprint, String answer, String importId, Long importLine) {

        public boolean writtenBy(ActivityCommand.Origin origin) {
            return origin != null && origin.importId().equals(importId) && importLine != null
                    && importLine == origin.line();
        }
    }

    /** A new activity to store, with the answer its request gets. */
    public record NewActivity(long orgId, Activity activity, String fingerprint, long receivedMs, String importId,
                              Long importLine, String answer) {
    }

    @PersistenceContext
    EntityManager em;

    /**
     * Locks the customers' rows (creating missing ones, a new row locked by its insert) in one order, so every
     * evaluation of a customer waits for the one before it, on every instance; ends with the transaction.
     */
    public void lockCustomers(long orgId, SortedSet<String> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        Connection c = Persistence.connection(em);
        try {
            SavepointRetry.run(c, () -> {
                SortedSet<String> missing = new TreeSet<>(customerIds);
                try (PreparedStatement s = c.prepareStatement("SELECT customer_id FROM activity_customer"
                        + " WHERE org_id = ? AND customer_id IN (" + Jdbc.marks(customerIds.size())
                        + ") ORDER BY customer_id FOR UPDATE")) {
                    s.setLong(1, orgId);
                    Jdbc.bind(s, 2, customerIds);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            missing.remove(rs.getString(1));
                        }
                    }
                }
                if (!missing.isEmpty()) {
                    try (PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO activity_customer (org_id, customer_id) VALUES (?, ?)")) {
                        for (String customer : missing) {
                            insert.setLong(1, orgId);
                            insert.setString(2, customer);
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            // waiting past H2's LOCK_TIMEOUT behind another evaluation of the customer: run the whole list again (a
            // chunk is retried, REST tries again and answers 409 1125 only when it keeps happening)
            if (Persistence.isLockTimeout(e)) {
                throw new RequestIdConflict(e);
            }
            throw new PersistenceException("cannot lock the customers' activities", e);
        }
    }

    /** The org's stored activities among these requestIds, by requestId. */
    public Map<String, Known> known(long orgId, Collection<String> requestIds) {
        Map<String, Known> known = new HashMap<>();
        if (requestIds.isEmpty()) {
            return known;
        }
        try (PreparedStatement s = Persistence.connection(em).prepareStatement("SELECT request_id, fingerprint, answer,"
                + " import_id, import_line FROM activity WHERE org_id = ? AND request_id IN ("
                + Jdbc.marks(requestIds.size()) + ")")) {
            s.setLong(1, orgId);
            Jdbc.bind(s, 2, requestIds);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long line = rs.getLong(5);
                    known.put(rs.getString(1), new Known(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.wasNull() ? null : line));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot read activities", e);
        }
        return known;
    }

    /**
     * The customers' stored activities of these names (spelled as {@link RuleJson#spelling}), by customer, in no
     * particular order (rules replay them in event order).
     */
    public Map<String, List<Activity>> activitiesOf(long orgId, Collection<String> customerIds,
                                                    Collection<String> activities) {
        Map<String, List<Activity>> byCustomer = new HashMap<>();
        if (customerIds.isEmpty() || activities.isEmpty()) {
            return byCustomer;
        }
        // the names are picked here, not in SQL: with an equality on a later column of the index, H2 (2.2) no longer
        // seeks the IN list of customers and scans every activity of the org instead
        Set<String> names = new HashSet<>(activities);
        String sql = "SELECT customer_id, request_id, activity, event_ms, attributes FROM activity"
                + " WHERE customer_id IN (" + Jdbc.marks(customerIds.size()) + ") AND org_id = ?";
        try (PreparedStatement s = Persistence.connection(em).prepareStatement(sql)) {
            int next = Jdbc.bind(s, 1, customerIds);
            s.setLong(next, orgId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (names.contains(rs.getString(3))) {
                        byCustomer.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Activity(
                                rs.getString(2), rs.getString(1), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                                ActivityReader.attributesOf(rs.getString(5))));
                    }
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot read the customers' activities", e);
        }
        return byCustomer;
    }

    /** Up to {@code limit} customers of the org with activities of this name after {@code after}, in id order. */
    public List<String> customersWith(long orgId, String activity, String after, int limit) {
        List<String> customers = new ArrayList<>();
        try (PreparedStatement s = Persistence.connection(em).prepareStatement("SELECT DISTINCT customer_id FROM"
                + " activity WHERE org_id = ? AND activity = ? AND customer_id > ? ORDER BY customer_id")) {
            s.setMaxRows(limit);
            s.setLong(1, orgId);
            s.setString(2, activity);
            s.setString(3, after);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    customers.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot read the customers with activities", e);
        }
        return customers;
    }

    /** The orgs with activities. */
    public List<Long> orgsWithActivities() {
        List<Long> orgs = new ArrayList<>();
        try (PreparedStatement s = Persistence.connection(em).prepareStatement(
                "SELECT DISTINCT org_id FROM activity_customer ORDER BY org_id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                orgs.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot read the orgs with activities", e);
        }
        return orgs;
    }

    /**
     * Deletes up to {@code limit} of the org's activities dated before {@code beforeMs}: of the name {@code activity},
     * or, when it is null, of any name but {@code keptNames}. Answers how many it deleted.
     */
    public int purge(long orgId, String activity, Collection<String> keptNames, long beforeMs, int limit) {
        String which = activity != null ? " AND activity = ?"
                : keptNames.isEmpty() ? "" : " AND activity NOT IN (" + Jdbc.marks(keptNames.size()) + ")";
        String sql = "DELETE FROM activity WHERE (org_id, request_id) IN (SELECT org_id, request_id FROM activity"
                + " WHERE org_id = ? AND event_ms < ?" + which + " FETCH FIRST " + limit + " ROWS ONLY)";
        try (PreparedStatement s = Persistence.connection(em).prepareStatement(sql)) {
            s.setLong(1, orgId);
            s.setLong(2, beforeMs);
            if (activity != null) {
                s.setString(3, activity);
            } else {
                Jdbc.bind(s, 3, keptNames);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("cannot delete old activities", e);
        }
    }

    /**
     * Writes new activities and adds them to their customers' rows; throws {@link RequestIdConflict} when a
     * concurrent request stored one of their requestIds first.
     */
    public void insert(List<NewActivity> activities) {
        if (activities.isEmpty()) {
            return;
        }
        Connection c = Persistence.connection(em);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO activity (org_id, request_id, customer_id, activity,"
                + " event_ms, attributes, fingerprint, received_ms, import_id, import_line, answer)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (NewActivity n : activities) {
                Activity a = n.activity();
                s.setLong(1, n.orgId());
                s.setString(2, a.requestId());
                s.setString(3, a.customerId());
                s.setString(4, RuleJson.spelling(a.activity()));
                s.setLong(5, a.eventDate().toEpochMilli());
                s.setString(6, ActivityReader.attributesJson(a.attributes()));
                s.setString(7, n.fingerprint());
                s.setLong(8, n.receivedMs());
                s.setString(9, n.importId());
                if (n.importLine() == null) {
                    s.setNull(10, java.sql.Types.BIGINT);
                } else {
                    s.setLong(10, n.importLine());
                }
                s.setString(11, n.answer());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            if (Persistence.isUniqueViolation(e) || Persistence.isLockTimeout(e)) {
                throw new RequestIdConflict(e);
            }
            throw new PersistenceException("cannot write " + activities.size() + " activities", e);
        }
        Map<String, long[]> perCustomer = new HashMap<>();
        for (NewActivity n : activities) {
            long[] counts = perCustomer.computeIfAbsent(n.activity().customerId(), k -> new long[] {0, Long.MIN_VALUE});
            counts[0]++;
            counts[1] = Math.max(counts[1], n.activity().eventDate().toEpochMilli());
        }
        long orgId = activities.get(0).orgId();
        long now = activities.get(0).receivedMs();
        try (PreparedStatement s = c.prepareStatement("UPDATE activity_customer SET activities = activities + ?,"
                + " last_event_ms = CASE WHEN last_event_ms IS NULL OR last_event_ms < ? THEN ? ELSE last_event_ms END,"
                + " updated_ms = ? WHERE org_id = ? AND customer_id = ?")) {
            for (Map.Entry<String, long[]> e : new java.util.TreeMap<>(perCustomer).entrySet()) {
                s.setLong(1, e.getValue()[0]);
                s.setLong(2, e.getValue()[1]);
                s.setLong(3, e.getValue()[1]);
                s.setLong(4, now);
                s.setLong(5, orgId);
                s.setString(6, e.getKey());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("cannot count the customers' activities", e);
        }
    }
}
