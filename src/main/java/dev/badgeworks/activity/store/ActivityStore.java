package dev.badgeworks.activity.store;

import dev.badgeworks.activity.control.Activity;
import dev.badgeworks.activity.control.ActivityCommand;
import dev.badgeworks.activity.control.ActivityReader;
import dev.badgeworks.activity.control.RuleJson;
import dev.badgeworks.activity.control.Settlement;
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
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
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
        // LIMIT in the statement, not setMaxRows: planned for every customer after the cursor, PostgreSQL scanned and
        // sorted all the org's activities for each page of a sweep (4 s a page at 1M activities, 22 ms with LIMIT)
        try (PreparedStatement s = Persistence.connection(em).prepareStatement("SELECT DISTINCT customer_id FROM"
                + " activity WHERE org_id = ? AND activity = ? AND customer_id > ? ORDER BY customer_id LIMIT ?")) {
            s.setLong(1, orgId);
            s.setString(2, activity);
            s.setString(3, after);
            s.setInt(4, limit);
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

    /** Up to {@code limit} of the org's customers with activities waiting for the settling pass, in no order. */
    public List<String> waiting(long orgId, int limit) {
        List<String> customers = new ArrayList<>();
        // LIMIT in the statement, as in customersWith: the plan is then made for a page, not for the whole org
        try (PreparedStatement s = Persistence.connection(em).prepareStatement("SELECT customer_id FROM"
                + " activity_customer WHERE org_id = ? AND unsettled_since_ms IS NOT NULL LIMIT ?")) {
            s.setLong(1, orgId);
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    customers.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot read the customers waiting to be settled", e);
        }
        return customers;
    }

    /**
     * The event date of each customer's earliest activity waiting for the settling pass, for those of them that still
     * wait (read under their locks: another pass may have settled some meanwhile).
     */
    public Map<String, Instant> unsettledSince(long orgId, Collection<String> customerIds) {
        Map<String, Instant> since = new HashMap<>();
        try (PreparedStatement s = Persistence.connection(em).prepareStatement("SELECT customer_id,"
                + " unsettled_since_ms FROM activity_customer WHERE customer_id IN (" + Jdbc.marks(customerIds.size())
                + ") AND org_id = ? AND unsettled_since_ms IS NOT NULL")) {
            s.setLong(Jdbc.bind(s, 1, customerIds), orgId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    since.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot read the customers waiting to be settled", e);
        }
        return since;
    }

    /** Marks the customers as settled: nothing of theirs waits any more. */
    public void settled(long orgId, Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        try (PreparedStatement s = Persistence.connection(em).prepareStatement("UPDATE activity_customer SET"
                + " unsettled_since_ms = NULL WHERE customer_id IN (" + Jdbc.marks(customerIds.size())
                + ") AND org_id = ?")) {
            s.setLong(Jdbc.bind(s, 1, customerIds), orgId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("cannot mark the customers as settled", e);
        }
    }

    /**
     * Writes new activities and adds them to their customers' rows (marking the customers as waiting when the
     * settlement is deferred; a deferred list's customers need not be locked first: their rows are created here);
     * throws {@link RequestIdConflict} when a concurrent request stored one of their requestIds first.
     */
    public void insert(List<NewActivity> activities, Settlement settlement) {
        if (activities.isEmpty()) {
            return;
        }
        Connection c = Persistence.connection(em);
        // per customer, in id order (the order every lock of these rows is taken in): count, latest, earliest
        TreeMap<String, long[]> perCustomer = new TreeMap<>();
        for (NewActivity n : activities) {
            long at = n.activity().eventDate().toEpochMilli();
            long[] counts = perCustomer.computeIfAbsent(n.activity().customerId(),
                    k -> new long[] {0, Long.MIN_VALUE, Long.MAX_VALUE});
            counts[0]++;
            counts[1] = Math.max(counts[1], at);
            counts[2] = Math.min(counts[2], at);
        }
        long orgId = activities.get(0).orgId();
        long now = activities.get(0).receivedMs();
        try {
            if (Jdbc.isPostgres(c)) {
                insertArrays(c, activities);
                addArrays(c, orgId, perCustomer, settlement, now);
            } else {
                insertBatch(c, activities);
                if (settlement == Settlement.DEFERRED) {
                    lockCustomers(orgId, perCustomer.navigableKeySet());
                }
                addBatch(c, orgId, perCustomer, settlement, now);
            }
        } catch (SQLException e) {
            if (Persistence.isUniqueViolation(e) || Persistence.isLockTimeout(e)) {
                throw new RequestIdConflict(e);
            }
            throw new PersistenceException("cannot write " + activities.size() + " activities", e);
        }
    }

    private static void insertBatch(Connection c, List<NewActivity> activities) throws SQLException {
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
                s.setObject(10, n.importLine(), Types.BIGINT);
                s.setString(11, n.answer());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** PostgreSQL: the list as one statement over column arrays (parsed and planned once, as for earns). */
    private static void insertArrays(Connection c, List<NewActivity> activities) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO activity (org_id, request_id, customer_id, activity,"
                + " event_ms, attributes, fingerprint, received_ms, import_id, import_line, answer) SELECT * FROM"
                + " unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[],"
                + " ?::varchar[], ?::bigint[], ?::varchar[], ?::bigint[], ?::varchar[])")) {
            int i = 1;
            i = Jdbc.bindColumn(s, i, "bigint", activities, NewActivity::orgId);
            i = Jdbc.bindColumn(s, i, "varchar", activities, n -> n.activity().requestId());
            i = Jdbc.bindColumn(s, i, "varchar", activities, n -> n.activity().customerId());
            i = Jdbc.bindColumn(s, i, "varchar", activities, n -> RuleJson.spelling(n.activity().activity()));
            i = Jdbc.bindColumn(s, i, "bigint", activities, n -> n.activity().eventDate().toEpochMilli());
            i = Jdbc.bindColumn(s, i, "varchar", activities, n -> ActivityReader.attributesJson(n.activity()
                    .attributes()));
            i = Jdbc.bindColumn(s, i, "varchar", activities, NewActivity::fingerprint);
            i = Jdbc.bindColumn(s, i, "bigint", activities, NewActivity::receivedMs);
            i = Jdbc.bindColumn(s, i, "varchar", activities, NewActivity::importId);
            i = Jdbc.bindColumn(s, i, "bigint", activities, NewActivity::importLine);
            Jdbc.bindColumn(s, i, "varchar", activities, NewActivity::answer);
            s.executeUpdate();
        }
    }

    /** The customers' rows (which exist and are locked) plus the new activities, one UPDATE per customer. */
    private static void addBatch(Connection c, long orgId, TreeMap<String, long[]> perCustomer, Settlement settlement,
                                 long now) throws SQLException {
        // deferred: the customer waits for the settling pass from the earliest of these activities on
        String waits = settlement == Settlement.DEFERRED ? " unsettled_since_ms = CASE WHEN unsettled_since_ms IS NULL"
                + " OR unsettled_since_ms > ? THEN ? ELSE unsettled_since_ms END," : "";
        try (PreparedStatement s = c.prepareStatement("UPDATE activity_customer SET activities = activities + ?,"
                + " last_event_ms = CASE WHEN last_event_ms IS NULL OR last_event_ms < ? THEN ? ELSE last_event_ms END,"
                + waits + " updated_ms = ? WHERE org_id = ? AND customer_id = ?")) {
            for (Map.Entry<String, long[]> e : perCustomer.entrySet()) {
                int i = 1;
                s.setLong(i++, e.getValue()[0]);
                s.setLong(i++, e.getValue()[1]);
                s.setLong(i++, e.getValue()[1]);
                if (settlement == Settlement.DEFERRED) {
                    s.setLong(i++, e.getValue()[2]);
                    s.setLong(i++, e.getValue()[2]);
                }
                s.setLong(i++, now);
                s.setLong(i++, orgId);
                s.setString(i, e.getKey());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * PostgreSQL: the customers' rows plus the new activities in one upsert over column arrays, in customer order
     * (the order of every lock on these rows); creates the rows a deferred list's customers do not have yet.
     */
    private static void addArrays(Connection c, long orgId, TreeMap<String, long[]> perCustomer,
                                  Settlement settlement, long now) throws SQLException {
        String waits = settlement == Settlement.DEFERRED ? ", unsettled_since_ms = LEAST(COALESCE("
                + "activity_customer.unsettled_since_ms, EXCLUDED.unsettled_since_ms),"
                + " EXCLUDED.unsettled_since_ms)" : "";
        try (PreparedStatement s = c.prepareStatement("INSERT INTO activity_customer (org_id, customer_id, activities,"
                + " last_event_ms, unsettled_since_ms, updated_ms)"
                + " SELECT ?, u.customer_id, u.n, u.latest, u.earliest, ?"
                + " FROM unnest(?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[]) AS u(customer_id, n, latest,"
                + " earliest) ON CONFLICT (customer_id, org_id) DO UPDATE SET activities = activity_customer.activities"
                + " + EXCLUDED.activities, last_event_ms = GREATEST(COALESCE(activity_customer.last_event_ms,"
                + " EXCLUDED.last_event_ms), EXCLUDED.last_event_ms), updated_ms = EXCLUDED.updated_ms" + waits)) {
            List<Map.Entry<String, long[]>> rows = new ArrayList<>(perCustomer.entrySet());
            s.setLong(1, orgId);
            s.setLong(2, now);
            int i = 3;
            i = Jdbc.bindColumn(s, i, "varchar", rows, Map.Entry::getKey);
            i = Jdbc.bindColumn(s, i, "bigint", rows, e -> e.getValue()[0]);
            i = Jdbc.bindColumn(s, i, "bigint", rows, e -> e.getValue()[1]);
            // a new row of a list settled at once does not wait
            Jdbc.bindColumn(s, i, "bigint", rows, e -> settlement == Settlement.DEFERRED ? e.getValue()[2] : null);
            s.executeUpdate();
        }
    }
}
