package dev.badgeworks.earn.store;

import dev.badgeworks.earn.entity.CustomerBadge;
import dev.badgeworks.earn.entity.Earn;
import dev.badgeworks.platform.Jdbc;
import dev.badgeworks.platform.SavepointRetry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The customers' standing rows (customer_badge: how many active earns, the latest processing, event and expiry
 * dates), one row per customer and badge, kept in step with the earns in the earn's transaction.
 */
final class Standings {

    /** What a group of new earns adds to one customer's standing with one badge. */
    record Added(CustomerBadge pair, long earned, long lastEarnedOnMs, long lastEventMs, long lastExpiresOnMs) {

        Added with(Earn e) {
            return new Added(pair, earned + 1, Math.max(lastEarnedOnMs, e.earnedOnMs()),
                    Math.max(lastEventMs, e.earnEventMs()), Math.max(lastExpiresOnMs, e.expiresOnMs()));
        }
    }

    /** PostgreSQL: an upsert over column arrays (one statement for a whole chunk). */
    private static final String UPSERT_ARRAYS = "INSERT INTO customer_badge (customer_id, badge_id, earned,"
            + " last_earned_on_ms, last_event_ms, last_expires_on_ms) SELECT * FROM unnest(?::varchar[], ?::varchar[],"
            + " ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) ON CONFLICT (customer_id, badge_id)"
            + " DO UPDATE SET earned = customer_badge.earned + EXCLUDED.earned,"
            + " last_earned_on_ms = GREATEST(customer_badge.last_earned_on_ms, EXCLUDED.last_earned_on_ms),"
            + " last_event_ms = GREATEST(customer_badge.last_event_ms, EXCLUDED.last_event_ms),"
            + " last_expires_on_ms = GREATEST(customer_badge.last_expires_on_ms, EXCLUDED.last_expires_on_ms)";
    /** H2: rows per MERGE, six parameters each. */
    private static final int MERGE_ROWS = 1000;
    private static final String MERGE = "MERGE INTO customer_badge t USING (VALUES %s)"
            + " AS s (customer_id, badge_id, earned, last_earned_on_ms, last_event_ms, last_expires_on_ms)"
            + " ON t.customer_id = s.customer_id AND t.badge_id = s.badge_id"
            + " WHEN MATCHED THEN UPDATE SET earned = t.earned + s.earned,"
            + " last_earned_on_ms = GREATEST(COALESCE(t.last_earned_on_ms, s.last_earned_on_ms), s.last_earned_on_ms),"
            + " last_event_ms = GREATEST(COALESCE(t.last_event_ms, s.last_event_ms), s.last_event_ms),"
            + " last_expires_on_ms = GREATEST(COALESCE(t.last_expires_on_ms, s.last_expires_on_ms), s.last_expires_on_ms)"
            + " WHEN NOT MATCHED THEN INSERT (customer_id, badge_id, earned, last_earned_on_ms, last_event_ms,"
            + " last_expires_on_ms) VALUES (s.customer_id, s.badge_id, s.earned, s.last_earned_on_ms, s.last_event_ms,"
            + " s.last_expires_on_ms)";

    private static final String OF_PAIR = " FROM badge_earn e WHERE e.customer_id = customer_badge.customer_id"
            + " AND e.badge_id = customer_badge.badge_id AND e.revoked_on_ms IS NULL)";
    /** One customer's standing with one badge, from its earns. */
    private static final String RECOMPUTE = "UPDATE customer_badge SET earned = (SELECT COUNT(*)" + OF_PAIR
            + ", last_earned_on_ms = (SELECT MAX(e.earned_on_ms)" + OF_PAIR
            + ", last_event_ms = (SELECT MAX(e.earn_event_ms)" + OF_PAIR
            + ", last_expires_on_ms = (SELECT MAX(e.expires_on_ms)" + OF_PAIR
            + " WHERE customer_id = ? AND badge_id = ?";

    private Standings() {
    }

    /**
     * Adds new earns to their customers' standing, in lock order. An upsert: PostgreSQL's ON CONFLICT waits for and
     * then updates a row a concurrent transaction inserts; H2's MERGE fails instead, and is run again under a
     * savepoint ({@link SavepointRetry}).
     */
    static void add(Connection c, List<Earn> earns) throws SQLException {
        Map<CustomerBadge, Added> byPair = new TreeMap<>();
        for (Earn e : earns) {
            byPair.compute(new CustomerBadge(e.badgeId(), e.customerId()), (pair, sum) -> (sum == null
                    ? new Added(pair, 0, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE) : sum).with(e));
        }
        List<Added> rows = new ArrayList<>(byPair.values());
        if (Jdbc.isPostgres(c)) {
            try (PreparedStatement upsert = c.prepareStatement(UPSERT_ARRAYS)) {
                int i = 1;
                i = Jdbc.bindColumn(upsert, i, "varchar", rows, r -> r.pair().customerId());
                i = Jdbc.bindColumn(upsert, i, "varchar", rows, r -> r.pair().badgeId());
                i = Jdbc.bindColumn(upsert, i, "bigint", rows, Added::earned);
                i = Jdbc.bindColumn(upsert, i, "bigint", rows, Added::lastEarnedOnMs);
                i = Jdbc.bindColumn(upsert, i, "bigint", rows, Added::lastEventMs);
                Jdbc.bindColumn(upsert, i, "bigint", rows, Added::lastExpiresOnMs);
                upsert.executeUpdate();
            }
            return;
        }
        for (int from = 0; from < rows.size(); from += MERGE_ROWS) {
            List<Added> slice = rows.subList(from, Math.min(rows.size(), from + MERGE_ROWS));
            SavepointRetry.run(c, () -> merge(c, slice));
        }
    }

    private static int merge(Connection c, List<Added> slice) throws SQLException {
        try (PreparedStatement merge = c.prepareStatement(MERGE.formatted(Jdbc.rows(slice.size(), 6)))) {
            int i = 1;
            for (Added row : slice) {
                merge.setString(i++, row.pair().customerId());
                merge.setString(i++, row.pair().badgeId());
                merge.setLong(i++, row.earned());
                merge.setLong(i++, row.lastEarnedOnMs());
                merge.setLong(i++, row.lastEventMs());
                merge.setLong(i++, row.lastExpiresOnMs());
            }
            return merge.executeUpdate();
        }
    }

    /**
     * After earns of these pairs moved to other event dates: their latest event date, read again (a move changes no
     * count, processing date or expiry), in lock order, one batch of UPDATEs.
     */
    static void moved(Connection c, java.util.SortedSet<CustomerBadge> pairs) throws SQLException {
        if (pairs.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE customer_badge SET last_event_ms ="
                + " (SELECT MAX(e.earn_event_ms)" + OF_PAIR + " WHERE customer_id = ? AND badge_id = ?")) {
            for (CustomerBadge pair : pairs) {
                update.setString(1, pair.customerId());
                update.setString(2, pair.badgeId());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /**
     * After a revocation: the customer's standing with the badge, recounted from their active earns. The row is
     * locked first, so the recount (a new statement, a new snapshot) sees every earn committed before the lock.
     */
    static void recompute(Connection c, CustomerBadge pair) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(
                "SELECT earned FROM customer_badge WHERE customer_id = ? AND badge_id = ? FOR UPDATE")) {
            lock.setString(1, pair.customerId());
            lock.setString(2, pair.badgeId());
            lock.executeQuery().close();
        }
        try (PreparedStatement update = c.prepareStatement(RECOMPUTE)) {
            update.setString(1, pair.customerId());
            update.setString(2, pair.badgeId());
            update.executeUpdate();
        }
    }
}
