package dev.badgeworks.earn.boundary;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.badge.boundary.BadgeCounters;
import dev.badgeworks.badge.boundary.BadgeDefinitions;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.Claim;
import dev.badgeworks.badge.entity.CountWindow;
import dev.badgeworks.earn.entity.CustomerBadge;
import dev.badgeworks.earn.entity.Earn;
import dev.badgeworks.earn.entity.EarnDates;
import dev.badgeworks.earn.entity.Enrolment;
import dev.badgeworks.earn.entity.RequestLogEntry;
import dev.badgeworks.platform.Jdbc;
import dev.badgeworks.platform.Persistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The earn package's data access: JPQL for entities, plain JDBC on the entity manager's connection where it pays
 * (batch inserts, locks, counts). Badges and claims are read through the badge package's own service.
 */
@ApplicationScoped
@Transactional
public class JpaEarnStore implements EarnStore {

    private static final String INSERT = "INSERT INTO badge_earn (id, org_id, badge_id, customer_id, enrolment_id,"
            + " request_id, fingerprint, earn_event_ms, earned_on_ms, expires_on_ms, owner_type, owner_reference_id,"
            + " import_id, import_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /**
     * PostgreSQL: a chunk's earns as one statement over column arrays. The server parses and plans it once instead of
     * a multi-row VALUES of 14 parameters a row, which made the insert most of an import chunk's database time.
     */
    private static final String INSERT_ARRAYS = "INSERT INTO badge_earn (id, org_id, badge_id, customer_id,"
            + " enrolment_id, request_id, fingerprint, earn_event_ms, earned_on_ms, expires_on_ms, owner_type,"
            + " owner_reference_id, import_id, import_line) SELECT * FROM unnest(?::varchar[], ?::bigint[],"
            + " ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[],"
            + " ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[])";
    private static final int LOCK_ATTEMPTS = 50;
    /** PostgreSQL: the same upsert over column arrays (see {@link #INSERT_ARRAYS}). */
    private static final String UPSERT_STANDING_ARRAYS = "INSERT INTO customer_badge (customer_id, badge_id, earned,"
            + " last_earned_on_ms, last_event_ms, last_expires_on_ms) SELECT * FROM unnest(?::varchar[], ?::varchar[],"
            + " ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) ON CONFLICT (customer_id, badge_id)"
            + " DO UPDATE SET earned = customer_badge.earned + EXCLUDED.earned,"
            + " last_earned_on_ms = GREATEST(customer_badge.last_earned_on_ms, EXCLUDED.last_earned_on_ms),"
            + " last_event_ms = GREATEST(customer_badge.last_event_ms, EXCLUDED.last_event_ms),"
            + " last_expires_on_ms = GREATEST(customer_badge.last_expires_on_ms, EXCLUDED.last_expires_on_ms)";
    /** H2: rows per standing MERGE, six parameters each. */
    private static final int STANDING_ROWS = 1000;
    private static final String MERGE_STANDING = "MERGE INTO customer_badge t USING (VALUES %s)"
            + " AS s (customer_id, badge_id, earned, last_earned_on_ms, last_event_ms, last_expires_on_ms)"
            + " ON t.customer_id = s.customer_id AND t.badge_id = s.badge_id"
            + " WHEN MATCHED THEN UPDATE SET earned = t.earned + s.earned,"
            + " last_earned_on_ms = GREATEST(COALESCE(t.last_earned_on_ms, s.last_earned_on_ms), s.last_earned_on_ms),"
            + " last_event_ms = GREATEST(COALESCE(t.last_event_ms, s.last_event_ms), s.last_event_ms),"
            + " last_expires_on_ms = GREATEST(COALESCE(t.last_expires_on_ms, s.last_expires_on_ms), s.last_expires_on_ms)"
            + " WHEN NOT MATCHED THEN INSERT (customer_id, badge_id, earned, last_earned_on_ms, last_event_ms,"
            + " last_expires_on_ms) VALUES (s.customer_id, s.badge_id, s.earned, s.last_earned_on_ms, s.last_event_ms,"
            + " s.last_expires_on_ms)";

    @PersistenceContext
    EntityManager em;

    @Inject
    BadgeDefinitions definitions;

    @Inject
    BadgeCounters counters;

    @Override
    public Map<String, BadgeMeta> badges(long orgId, Collection<String> ids) {
        Map<String, BadgeMeta> current = new HashMap<>();
        definitions.current(orgId, ids).forEach((id, definition) -> current.put(id, definition.badge()));
        return current;
    }

    @Override
    public List<Claim> activeClaims(Collection<BadgeMeta> badges) {
        return definitions.activeClaimsOf(badges);
    }

    @Override
    public Map<String, Earn> earnsByRequestId(long orgId, Collection<String> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT e FROM Earn e WHERE e.orgId = :org AND e.requestId IN :ids", Earn.class)
                .setParameter("org", orgId).setParameter("ids", requestIds).getResultStream()
                .collect(Collectors.toMap(Earn::requestId, e -> e));
    }

    @Override
    public Map<CustomerBadge, List<Enrolment>> enrolments(Collection<String> badgeIds, Collection<String> customerIds) {
        if (badgeIds.isEmpty() || customerIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT n FROM Enrolment n WHERE n.badgeId IN :badges AND n.customerId IN :customers",
                        Enrolment.class)
                .setParameter("badges", badgeIds).setParameter("customers", customerIds).getResultStream()
                .collect(Collectors.groupingBy(n -> new CustomerBadge(n.badgeId(), n.customerId())));
    }

    @Override
    public void lockBadges(SortedSet<String> badgeIds) {
        if (badgeIds.isEmpty()) {
            return;
        }
        String sql = "SELECT id FROM badge_meta WHERE id IN (" + Jdbc.marks(badgeIds.size())
                + ") ORDER BY id FOR UPDATE";
        try (PreparedStatement s = connection().prepareStatement(sql)) {
            Jdbc.bind(s, 1, badgeIds);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        } catch (SQLException e) {
            throw lockFailure("cannot lock badges", e);
        }
    }

    /**
     * Locks each customer's customer_badge row, creating the missing ones: a new row is locked by its insert. When a
     * concurrent transaction creates the same row first, the insert is undone to a savepoint and the rows are locked
     * again (by then the other transaction has committed, or its row is still invisible and we wait once more).
     * Rows are locked and created in one order ({@link CustomerBadge}), so lockers never wait in a circle.
     */
    @Override
    public Set<CustomerBadge> lockCustomers(SortedSet<CustomerBadge> customers) {
        if (customers.isEmpty()) {
            return Set.of();
        }
        try {
            Connection c = connection();
            for (int attempt = 1; ; attempt++) {
                SortedSet<CustomerBadge> missing = new TreeSet<>(customers);
                perBadge(customers, "SELECT badge_id, customer_id FROM customer_badge WHERE badge_id = ?"
                        + " AND customer_id IN (%s) ORDER BY customer_id FOR UPDATE",
                        rs -> missing.remove(new CustomerBadge(rs.getString(1), rs.getString(2))));
                if (missing.isEmpty()) {
                    return Set.of();
                }
                Savepoint savepoint = c.setSavepoint();
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO customer_badge (customer_id, badge_id) VALUES (?, ?)")) {
                    for (CustomerBadge k : missing) {
                        insert.setString(1, k.customerId());
                        insert.setString(2, k.badgeId());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    return missing;
                } catch (SQLException e) {
                    if (!Persistence.isUniqueViolation(e) && !Persistence.isConcurrentUpdate(e) || attempt == LOCK_ATTEMPTS) {
                        throw e;
                    }
                    c.rollback(savepoint);
                    pause(attempt);
                }
            }
        } catch (SQLException e) {
            throw lockFailure("cannot lock the customers' earns", e);
        }
    }

    @Override
    public Map<CustomerBadge, List<EarnDates>> activeEarnDates(Collection<CustomerBadge> customers) {
        Map<CustomerBadge, List<EarnDates>> dates = new HashMap<>();
        try {
            perBadge(customers, "SELECT badge_id, customer_id, earn_event_ms, earned_on_ms FROM badge_earn"
                    + " WHERE badge_id = ? AND customer_id IN (%s) AND revoked_on_ms IS NULL",
                    rs -> dates.computeIfAbsent(new CustomerBadge(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(new EarnDates(rs.getLong(3), rs.getLong(4))));
        } catch (SQLException e) {
            throw new PersistenceException("cannot read the customers' earns", e);
        }
        return dates;
    }

    @Override
    public long countActiveEarns(String badgeId, CountWindow window) {
        String range = switch (window.basis()) {
            case ALL -> "";
            case EARNED_ON -> " AND earned_on_ms BETWEEN ? AND ?";
            case EVENT -> " AND earn_event_ms BETWEEN ? AND ?";
        };
        try (PreparedStatement s = connection().prepareStatement(
                "SELECT COUNT(*) FROM badge_earn WHERE badge_id = ?" + range + " AND revoked_on_ms IS NULL")) {
            s.setString(1, badgeId);
            if (!range.isEmpty()) {
                s.setLong(2, window.fromMs());
                s.setLong(3, window.toMs());
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot count earns", e);
        }
    }

    /**
     * New earns go to the database as one JDBC batch on the transaction's connection: a chunk of an import writes
     * a thousand rows without a thousand managed entities. The unique requestId constraint still decides races.
     */
    @Override
    public void insert(List<Earn> earns) {
        if (earns.isEmpty()) {
            return;
        }
        try {
            Connection c = connection();
            if (Jdbc.isPostgres(c)) {
                insertArrays(c, earns);
            } else {
                insertBatch(c, earns);
            }
        } catch (SQLException e) {
            // a new earn waits only on another transaction's uncommitted row with the same requestId (its id is new):
            // waiting past H2's LOCK_TIMEOUT is that race still undecided, run again like a lost one
            if (Persistence.isUniqueViolation(e) || Persistence.isLockTimeout(e)) {
                throw new RequestIdConflict(e);
            }
            throw new PersistenceException("cannot write " + earns.size() + " earns", e);
        }
        addStandings(earns);
        // counters last: a revocation takes the standing row, then the stripe, in the same order
        counters.add(earns.stream().map(e -> new BadgeCounters.Change(e.badgeId(), 1, 0)).toList());
    }

    private static void insertBatch(Connection c, List<Earn> earns) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (Earn e : earns) {
                insert.setString(1, e.id());
                insert.setLong(2, e.orgId());
                insert.setString(3, e.badgeId());
                insert.setString(4, e.customerId());
                insert.setString(5, e.enrolmentId());
                insert.setString(6, e.requestId());
                insert.setString(7, e.fingerprint());
                insert.setLong(8, e.earnEventMs());
                insert.setLong(9, e.earnedOnMs());
                insert.setLong(10, e.expiresOnMs());
                insert.setString(11, e.ownerType().name());
                insert.setString(12, e.ownerReferenceId());
                insert.setString(13, e.importId());
                insert.setObject(14, e.importLine(), Types.BIGINT);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertArrays(Connection c, List<Earn> earns) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT_ARRAYS)) {
            int i = 1;
            i = Jdbc.bindColumn(insert, i, "varchar", earns, Earn::id);
            i = Jdbc.bindColumn(insert, i, "bigint", earns, Earn::orgId);
            i = Jdbc.bindColumn(insert, i, "varchar", earns, Earn::badgeId);
            i = Jdbc.bindColumn(insert, i, "varchar", earns, Earn::customerId);
            i = Jdbc.bindColumn(insert, i, "varchar", earns, Earn::enrolmentId);
            i = Jdbc.bindColumn(insert, i, "varchar", earns, Earn::requestId);
            i = Jdbc.bindColumn(insert, i, "varchar", earns, Earn::fingerprint);
            i = Jdbc.bindColumn(insert, i, "bigint", earns, Earn::earnEventMs);
            i = Jdbc.bindColumn(insert, i, "bigint", earns, Earn::earnedOnMs);
            i = Jdbc.bindColumn(insert, i, "bigint", earns, Earn::expiresOnMs);
            i = Jdbc.bindColumn(insert, i, "varchar", earns, e -> e.ownerType().name());
            i = Jdbc.bindColumn(insert, i, "varchar", earns, Earn::ownerReferenceId);
            i = Jdbc.bindColumn(insert, i, "varchar", earns, Earn::importId);
            Jdbc.bindColumn(insert, i, "bigint", earns, Earn::importLine);
            insert.executeUpdate();
        }
    }

    @Override
    public Earn revoke(long orgId, String badgeId, String customerId, String earnId, long nowMs) {
        int revoked = em.createQuery("UPDATE Earn e SET e.revokedOnMs = :now WHERE e.id = :id AND e.orgId = :org"
                        + " AND e.badgeId = :badge AND e.customerId = :customer AND e.revokedOnMs IS NULL")
                .setParameter("now", nowMs).setParameter("id", earnId).setParameter("org", orgId)
                .setParameter("badge", badgeId).setParameter("customer", customerId).executeUpdate();
        if (revoked == 0) {
            return null;
        }
        // the standing row before the counter stripe, in the order earns take them, or the two would deadlock
        recomputeStanding(new CustomerBadge(badgeId, customerId));
        counters.add(List.of(new BadgeCounters.Change(badgeId, -1, 0)));
        Earn earn = em.find(Earn.class, earnId);
        em.refresh(earn);
        return earn;
    }

    @Override
    public RequestLogEntry loggedRequest(long orgId, String operation, String requestId) {
        return em.find(RequestLogEntry.class, new RequestLogEntry.Key(orgId, operation, requestId));
    }

    @Override
    public void logRequest(RequestLogEntry entry) {
        em.persist(entry);
        Persistence.flushOrFail(em, new RequestIdConflict(null));
    }

    /**
     * Adds new earns to their customers' standing (customer_badge: count, latest processing, event and expiry
     * dates), one row per customer and badge, in lock order. An upsert: PostgreSQL's ON CONFLICT waits for and then
     * updates a row a concurrent transaction inserts; H2's MERGE fails instead, and is undone to a savepoint and run
     * again (by then the other row is committed, or we wait for it once more).
     */
    private void addStandings(List<Earn> earns) {
        Map<CustomerBadge, long[]> standings = new TreeMap<>();
        for (Earn e : earns) {
            long[] s = standings.computeIfAbsent(new CustomerBadge(e.badgeId(), e.customerId()),
                    k -> new long[] {0, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE});
            s[0]++;
            s[1] = Math.max(s[1], e.earnedOnMs());
            s[2] = Math.max(s[2], e.earnEventMs());
            s[3] = Math.max(s[3], e.expiresOnMs());
        }
        List<Map.Entry<CustomerBadge, long[]>> rows = new ArrayList<>(standings.entrySet());
        try {
            Connection c = connection();
            if (Jdbc.isPostgres(c)) {
                try (PreparedStatement upsert = c.prepareStatement(UPSERT_STANDING_ARRAYS)) {
                    int i = 1;
                    i = Jdbc.bindColumn(upsert, i, "varchar", rows, r -> r.getKey().customerId());
                    i = Jdbc.bindColumn(upsert, i, "varchar", rows, r -> r.getKey().badgeId());
                    for (int value = 0; value < 4; value++) {
                        int v = value;
                        i = Jdbc.bindColumn(upsert, i, "bigint", rows, r -> r.getValue()[v]);
                    }
                    upsert.executeUpdate();
                }
                return;
            }
            for (int from = 0; from < rows.size(); from += STANDING_ROWS) {
                mergeStandings(c, rows.subList(from, Math.min(rows.size(), from + STANDING_ROWS)));
            }
        } catch (SQLException e) {
            throw lockFailure("cannot update the customers' standing", e);
        }
    }

    /** H2's MERGE fails when a concurrent transaction inserts the same row: undone to a savepoint and run again. */
    private static void mergeStandings(Connection c, List<Map.Entry<CustomerBadge, long[]>> slice) throws SQLException {
        String sql = MERGE_STANDING.formatted(Jdbc.rows(slice.size(), 6));
        for (int attempt = 1; ; attempt++) {
            Savepoint savepoint = c.setSavepoint();
            try (PreparedStatement merge = c.prepareStatement(sql)) {
                int i = 1;
                for (Map.Entry<CustomerBadge, long[]> row : slice) {
                    merge.setString(i++, row.getKey().customerId());
                    merge.setString(i++, row.getKey().badgeId());
                    for (long value : row.getValue()) {
                        merge.setLong(i++, value);
                    }
                }
                merge.executeUpdate();
                return;
            } catch (SQLException e) {
                if (!Persistence.isUniqueViolation(e) && !Persistence.isConcurrentUpdate(e) || attempt == LOCK_ATTEMPTS) {
                    throw e;
                }
                c.rollback(savepoint);
                pause(attempt);
            }
        }
    }

    /**
     * After a revocation: the customer's standing with the badge, recounted from their active earns. The row is
     * locked first, so the recount (a new statement, a new snapshot) sees every earn committed before the lock.
     */
    private void recomputeStanding(CustomerBadge pair) {
        try {
            Connection c = connection();
            try (PreparedStatement lock = c.prepareStatement(
                    "SELECT earned FROM customer_badge WHERE customer_id = ? AND badge_id = ? FOR UPDATE")) {
                lock.setString(1, pair.customerId());
                lock.setString(2, pair.badgeId());
                lock.executeQuery().close();
            }
            String ofPair = " FROM badge_earn e WHERE e.customer_id = customer_badge.customer_id"
                    + " AND e.badge_id = customer_badge.badge_id AND e.revoked_on_ms IS NULL)";
            try (PreparedStatement update = c.prepareStatement("UPDATE customer_badge SET earned = (SELECT COUNT(*)"
                    + ofPair + ", last_earned_on_ms = (SELECT MAX(e.earned_on_ms)" + ofPair
                    + ", last_event_ms = (SELECT MAX(e.earn_event_ms)" + ofPair
                    + ", last_expires_on_ms = (SELECT MAX(e.expires_on_ms)" + ofPair
                    + " WHERE customer_id = ? AND badge_id = ?")) {
                update.setString(1, pair.customerId());
                update.setString(2, pair.badgeId());
                update.executeUpdate();
            }
        } catch (SQLException e) {
            throw lockFailure("cannot update the customer's standing", e);
        }
    }

    /** A lock wait that timed out is a retryable conflict for the client (409), not a server error. */
    private static RuntimeException lockFailure(String what, SQLException e) {
        if (Persistence.isLockTimeout(e)) {
            return ErrorCode.CONCURRENT_CHANGE.exception(null, "Too many concurrent earns under the same earn limit.");
        }
        return new PersistenceException(what, e);
    }

    /**
     * The transaction's own JDBC connection, the one the entity manager uses: locks taken and rows written here are
     * the transaction's, and no second pooled connection is needed while a lock is held (a transaction waiting for
     * the pool while holding a lock others wait for would stall the pool).
     */
    private Connection connection() {
        return Persistence.connection(em);
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code sql} ("… badge_id = ? AND customer_id IN (%s) …") once per badge, in badge order, for that badge's
     * customers. Per badge, not "badge_id IN (…) AND customer_id IN (…)": an index lookup would try every pair of the
     * two lists, most of which were never asked for.
     */
    private void perBadge(Collection<CustomerBadge> pairs, String sql, Row each) throws SQLException {
        Map<String, SortedSet<String>> byBadge = new TreeMap<>();
        pairs.forEach(k -> byBadge.computeIfAbsent(k.badgeId(), b -> new TreeSet<>()).add(k.customerId()));
        for (Map.Entry<String, SortedSet<String>> badge : byBadge.entrySet()) {
            String query = sql.formatted(Jdbc.marks(badge.getValue().size()));
            try (PreparedStatement s = connection().prepareStatement(query)) {
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

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(5L * attempt, 100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistenceException("interrupted while waiting for a lock", e);
        }
    }
}
