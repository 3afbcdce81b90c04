package dev.badgeworks.earn.store;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.badge.entity.CountWindow;
import dev.badgeworks.earn.entity.CustomerBadge;
import dev.badgeworks.earn.entity.EarnDates;
import dev.badgeworks.platform.Jdbc;
import dev.badgeworks.platform.Persistence;
import dev.badgeworks.platform.SavepointRetry;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the earn limits read under lock: the badges' and the customers' rows locked in one order (so lockers never
 * wait in a circle), then the earns they count.
 */
final class LimitLocks {

    private LimitLocks() {
    }

    static void lockBadges(Connection c, SortedSet<String> badgeIds) throws SQLException {
        String sql = "SELECT id FROM badge_meta WHERE id IN (" + Jdbc.marks(badgeIds.size())
                + ") ORDER BY id FOR UPDATE";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, 1, badgeIds);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
    }

    /**
     * Locks each customer's customer_badge row, creating the missing ones: a new row is locked by its insert. When a
     * concurrent transaction creates the same row first, the attempt is undone to a savepoint and the rows are
     * locked again ({@link SavepointRetry}). Answers the rows created.
     */
    static Set<CustomerBadge> lockCustomers(Connection c, SortedSet<CustomerBadge> customers) throws SQLException {
        return SavepointRetry.run(c, () -> {
            SortedSet<CustomerBadge> missing = new TreeSet<>(customers);
            perBadge(c, customers, "SELECT badge_id, customer_id FROM customer_badge WHERE badge_id = ?"
                    + " AND customer_id IN (%s) ORDER BY customer_id FOR UPDATE",
                    rs -> missing.remove(new CustomerBadge(rs.getString(1), rs.getString(2))));
            if (missing.isEmpty()) {
                return Set.of();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO customer_badge (customer_id, badge_id) VALUES (?, ?)")) {
                for (CustomerBadge k : missing) {
                    insert.setString(1, k.customerId());
                    insert.setString(2, k.badgeId());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return missing;
        });
    }

    static Map<CustomerBadge, List<EarnDates>> activeEarnDates(Connection c, Collection<CustomerBadge> customers)
            throws SQLException {
        Map<CustomerBadge, List<EarnDates>> dates = new HashMap<>();
        perBadge(c, customers, "SELECT badge_id, customer_id, earn_event_ms, earned_on_ms FROM badge_earn"
                + " WHERE badge_id = ? AND customer_id IN (%s) AND revoked_on_ms IS NULL",
                rs -> dates.computeIfAbsent(new CustomerBadge(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                        .add(new EarnDates(rs.getLong(3), rs.getLong(4))));
        return dates;
    }

    /** The badge's active earns in a window of processing or event dates (a lifetime count is the counters'). */
    static long countActiveEarns(Connection c, String badgeId, CountWindow window) throws SQLException {
        String range = switch (window.basis()) {
            case ALL -> throw new IllegalArgumentException("a lifetime count is read from the badge's counters");
            case EARNED_ON -> " AND earned_on_ms BETWEEN ? AND ?";
            case EVENT -> " AND earn_event_ms BETWEEN ? AND ?";
        };
        try (PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM badge_earn WHERE badge_id = ?" + range + " AND revoked_on_ms IS NULL")) {
            s.setString(1, badgeId);
            s.setLong(2, window.fromMs());
            s.setLong(3, window.toMs());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A lock wait that timed out is a retryable conflict for the client (409), not a server error. */
    static RuntimeException failure(String what, SQLException e) {
        if (Persistence.isLockTimeout(e)) {
            return ErrorCode.CONCURRENT_CHANGE.exception(null, "Too many concurrent earns under the same earn limit.");
        }
        return new PersistenceException(what, e);
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code sql} ("… badge_id = ? AND customer_id IN (%s) …") once per badge, in badge order, for that badge's
     * customers. Per badge, not "badge_id IN (…) AND customer_id IN (…)": an index lookup would try every pair of the
     * two lists, most of which were never asked for.
     */
    private static void perBadge(Connection c, Collection<CustomerBadge> pairs, String sql, Row each)
            throws SQLException {
        Map<String, SortedSet<String>> byBadge = new TreeMap<>();
        pairs.forEach(k -> byBadge.computeIfAbsent(k.badgeId(), b -> new TreeSet<>()).add(k.customerId()));
        for (Map.Entry<String, SortedSet<String>> badge : byBadge.entrySet()) {
            try (PreparedStatement s = c.prepareStatement(sql.formatted(Jdbc.marks(badge.getValue().size())))) {
                s.setString(1, badge.getKey());
                Jdbc.bind(s, 2, badge.getValue());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        each.accept(rs);
                    }
                }
            }
        }
    }
}
