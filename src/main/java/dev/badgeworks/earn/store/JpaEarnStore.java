package dev.badgeworks.earn.store;

import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.Claim;
import dev.badgeworks.badge.entity.CountWindow;
import dev.badgeworks.badge.store.BadgeCounters;
import dev.badgeworks.badge.store.BadgeDefinitions;
import dev.badgeworks.earn.control.EarnCommand;
import dev.badgeworks.earn.control.RequestIdConflict;
import dev.badgeworks.earn.entity.CustomerBadge;
import dev.badgeworks.earn.entity.Earn;
import dev.badgeworks.earn.entity.EarnDates;
import dev.badgeworks.earn.entity.Enrolment;
import dev.badgeworks.earn.entity.RequestLogEntry;
import dev.badgeworks.platform.Persistence;
import dev.badgeworks.platform.SharedRead;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The earn package's data access: JPQL for entities, plain JDBC on the entity manager's connection where it pays
 * (batch inserts, locks, counts: {@link EarnRows}, {@link Standings}, {@link LimitLocks}, {@link WindowCounts},
 * {@link EarnDayTally}).
 * Badges and claims are read through the badge feature's store.
 */
@ApplicationScoped
@Transactional
public class JpaEarnStore implements EarnStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    BadgeDefinitions definitions;

    @Inject
    BadgeCounters counters;

    /** Days of earns being counted, by org, badge (null: all) and span: concurrent views share one count. */
    private record Span(long orgId, String badgeId, long fromMs, long toMs) {
    }

    /**
     * What is not kept yet (today's last hour or so) is counted for each view: a console left open by many viewers of
     * a busy org would count it once per viewer at the same time.
     */
    private final SharedRead<Span, List<DayCount>> counting = new SharedRead<>();

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

    /**
     * The org's earns with these requestIds (an array, then the org). A derived table, for H2: with the org's
     * condition beside the array in one WHERE, H2 2.3 walked the whole {@code (request_id, org_id)} index and compared
     * every entry with every requestId (1.3 s for 1,000 requestIds among 300,000 earns, so an H2 import or earnBulk
     * slowed down as the table grew); this way it looks each requestId up. PostgreSQL flattens it into the plain
     * statement's plan.
     */
    static final String EARNS_BY_REQUEST_ID = "SELECT * FROM (SELECT * FROM badge_earn WHERE request_id = ANY (?)) e"
            + " WHERE e.org_id = ?";

    @Override
    public Map<String, Earn> earnsByRequestId(long orgId, Collection<String> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        // one array parameter, not an IN list of as many parameters as requestIds: every chunk of an import has
        // another number of them, and each number was a statement of its own for the database to parse and plan
        @SuppressWarnings("unchecked")
        List<Earn> found = em.createNativeQuery(EARNS_BY_REQUEST_ID, Earn.class)
                .setParameter(1, requestIds.toArray(String[]::new)).setParameter(2, orgId).getResultList();
        return found.stream().collect(Collectors.toMap(Earn::requestId, e -> e));
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
        try {
            LimitLocks.lockBadges(connection(), badgeIds);
        } catch (SQLException e) {
            throw LimitLocks.failure("cannot lock badges", e);
        }
    }

    @Override
    public Set<CustomerBadge> lockCustomers(SortedSet<CustomerBadge> customers) {
        if (customers.isEmpty()) {
            return Set.of();
        }
        try {
            return LimitLocks.lockCustomers(connection(), customers);
        } catch (SQLException e) {
            throw LimitLocks.failure("cannot lock the customers' earns", e);
        }
    }

    @Override
    public Map<CustomerBadge, List<EarnDates>> activeEarnDates(Collection<CustomerBadge> customers) {
        try {
            return LimitLocks.activeEarnDates(connection(), customers);
        } catch (SQLException e) {
            throw new PersistenceException("cannot read the customers' earns", e);
        }
    }

    @Override
    public long countActiveEarns(String badgeId, CountWindow window) {
        // over the badge's whole life the counters answer (read in this transaction, its own changes included): a
        // count of its earns read every one of them under the badge's lock, so each earn of a badge with a lifetime
        // limit took longer the more it had been earned
        if (window.basis() == CountWindow.Basis.ALL) {
            return counters.of(List.of(badgeId)).getOrDefault(badgeId, BadgeCounters.Counts.ZERO).earned();
        }
        try {
            return LimitLocks.countActiveEarns(connection(), badgeId, window);
        } catch (SQLException e) {
            throw new PersistenceException("cannot count earns", e);
        }
    }

    @Override
    public long viewedWindowCount(String badgeId, CountWindow window) {
        // a past cycle has nothing kept to read: counted, as every earn list counts it
        if (window.basis() == CountWindow.Basis.ALL || !window.inProgress(System.currentTimeMillis())) {
            return countActiveEarns(badgeId, window);
        }
        try {
            return WindowCounts.read(connection(), badgeId, window).earns();
        } catch (SQLException e) {
            throw new PersistenceException("cannot count earns", e);
        }
    }

    @Override
    public WindowCount lockedWindowCount(String badgeId, CountWindow window) {
        try {
            return WindowCounts.read(connection(), badgeId, window);
        } catch (SQLException e) {
            throw new PersistenceException("cannot count earns", e);
        }
    }

    @Override
    public void keepWindowCounts(Collection<WindowCount> read, List<Earn> inserted) {
        writeWindowCounts(read, inserted.stream().map(WindowCounts.EarnChange::made).toList());
    }

    private void writeWindowCounts(Collection<WindowCount> read, List<WindowCounts.EarnChange> changes) {
        if (read.isEmpty() && changes.isEmpty()) {
            return;
        }
        try {
            WindowCounts.keep(connection(), read, changes, System.currentTimeMillis());
        } catch (SQLException e) {
            throw LimitLocks.failure("cannot keep the counts of the badges' windows", e);
        }
    }

    @Override
    public long readAhead(long orgId, List<EarnCommand> commands) {
        try {
            return EarnPages.read(connection(), orgId, commands);
        } catch (SQLException e) {
            throw new PersistenceException("cannot read ahead " + commands.size() + " earns", e);
        }
    }

    /** New earns as one statement; the unique requestId constraint still decides races. */
    @Override
    public void insert(List<Earn> earns) {
        if (earns.isEmpty()) {
            return;
        }
        Connection c = connection();
        try {
            EarnRows.insert(c, earns);
        } catch (SQLException e) {
            // a new earn waits only on another transaction's uncommitted row with the same requestId (its id is new):
            // waiting past H2's LOCK_TIMEOUT is that race still undecided, run again like a lost one
            if (Persistence.isUniqueViolation(e) || Persistence.isLockTimeout(e)) {
                throw new RequestIdConflict(e);
            }
            throw new PersistenceException("cannot write " + earns.size() + " earns", e);
        }
        try {
            Standings.add(c, earns);
        } catch (SQLException e) {
            throw LimitLocks.failure("cannot update the customers' standing", e);
        }
        // counters after the standings: a revocation takes the standing row, then the stripe, in the same order
        counters.add(earns.stream().map(e -> new BadgeCounters.Change(e.badgeId(), 1, 0)).toList());
        long nowMs = System.currentTimeMillis();
        SortedSet<EarnDayTally.OrgDay> past = new TreeSet<>();
        for (Earn e : earns) {
            if (EarnDayTally.changesKept(e.earnedOnMs(), nowMs)) {
                past.add(new EarnDayTally.OrgDay(e.orgId(), EarnDayTally.dayOf(e.earnedOnMs())));
            }
        }
        changedDays(past);
    }

    /** Back-dated earns and revocations of earns older than a few minutes: their days' kept counts may be stale. */
    private void changedDays(SortedSet<EarnDayTally.OrgDay> days) {
        try {
            EarnDayTally.changed(connection(), days);
        } catch (SQLException e) {
            throw LimitLocks.failure("cannot mark the changed days of the earns per day", e);
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
        try {
            Standings.recompute(connection(), new CustomerBadge(badgeId, customerId));
        } catch (SQLException e) {
            throw LimitLocks.failure("cannot update the customer's standing", e);
        }
        counters.add(List.of(new BadgeCounters.Change(badgeId, -1, 0)));
        Earn earn = em.find(Earn.class, earnId);
        em.refresh(earn);
        if (EarnDayTally.changesKept(earn.earnedOnMs(), nowMs)) {
            changedDays(new TreeSet<>(Set.of(new EarnDayTally.OrgDay(orgId, EarnDayTally.dayOf(earn.earnedOnMs())))));
        }
        // last, as an earn list writes them: kept rows after the counter stripes and the days
        writeWindowCounts(List.of(), List.of(WindowCounts.EarnChange.revoked(earn)));
        return earn;
    }

    /** One batch of conditional UPDATEs in plain JDBC (no entity is flushed or refreshed), then the standings. */
    @Override
    public List<Earn> move(List<Move> moves) {
        if (moves.isEmpty()) {
            return List.of();
        }
        Connection c = connection();
        List<Earn> moved = new ArrayList<>(moves.size());
        try {
            int[] counts = EarnRows.move(c, moves);
            SortedSet<CustomerBadge> pairs = new TreeSet<>();
            for (int i = 0; i < moves.size(); i++) {
                if (counts[i] > 0 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                    Move m = moves.get(i);
                    moved.add(m.earn().movedTo(m.toEventMs(), m.fingerprint()));
                    pairs.add(new CustomerBadge(m.earn().badgeId(), m.earn().customerId()));
                }
            }
            Standings.moved(c, pairs);
        } catch (SQLException e) {
            throw LimitLocks.failure("cannot move " + moves.size() + " earns", e);
        }
        // a move changes no count, but it may take an earn out of one window and into another; its badge's kept
        // counts are not written here: the earns made after it in this transaction take customers' rows, which a
        // revocation holding them would wait on while waiting for a kept row: counted again instead (moves are rare)
        counters.add(moved.stream().map(e -> BadgeCounters.Change.moved(e.badgeId())).toList());
        return moved;
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

    @Override
    public int purgeRequestLog(String operation, long beforeMs, int limit) {
        // by key, a batch at a time: each batch is its own short transaction, so earns never wait long behind it
        String sql = "DELETE FROM request_log WHERE (org_id, operation, request_id) IN (SELECT org_id, operation,"
                + " request_id FROM request_log WHERE operation = ? AND created_on_ms < ? FETCH FIRST " + limit + " ROWS ONLY)";
        try (PreparedStatement s = Persistence.connection(em).prepareStatement(sql)) {
            s.setString(1, operation);
            s.setLong(2, beforeMs);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("cannot delete old request logs", e);
        }
    }

    /**
     * An org's days come from their kept counts (earn_day_tally) and the earns processed since the moment each is
     * kept up to (today: an hour ago, or more if no view kept it since); days without a valid count are counted from
     * the earns. What is counted up to an hour ago is kept for the next view. One badge's days are always counted:
     * its earns of a span are one range of one index.
     */
    @Override
    public List<DayCount> earnsPerDay(long orgId, String badgeId, long fromMs, long toMs) {
        if (badgeId != null) {
            return countPerDay(orgId, badgeId, fromMs, toMs);
        }
        Connection c = connection();
        long fromDay = EarnDayTally.dayOf(fromMs);
        long toDay = EarnDayTally.dayOf(toMs);
        try {
            EarnDayTally.Plan plan = EarnDayTally.plan(EarnDayTally.rows(c, orgId, fromDay, toDay), fromDay, toDay,
                    EarnDayTally.settledUntil(System.currentTimeMillis()));
            Map<Long, DayCount> settled = new HashMap<>(plan.kept()); // each day up to its settled moment
            Map<Long, DayCount> days = new HashMap<>(plan.kept());
            for (EarnDayTally.Run run : plan.runs()) {
                for (DayCount d : countPerDay(orgId, null, run.fromMs(), run.toMs())) {
                    if (run.settled()) {
                        settled.merge(d.epochDay(), d, DayCount::plus);
                    }
                    days.merge(d.epochDay(), d, DayCount::plus);
                }
            }
            EarnDayTally.keep(c, orgId, plan.keep(), settled);
            return days.values().stream().sorted(Comparator.comparingLong(DayCount::epochDay)).toList();
        } catch (SQLException e) {
            throw new PersistenceException("cannot read the kept earns per day", e);
        }
    }

    private List<DayCount> countPerDay(long orgId, String badgeId, long fromMs, long toMs) {
        return counting.read(new Span(orgId, badgeId, fromMs, toMs), () -> count(orgId, badgeId, fromMs, toMs));
    }

    private List<DayCount> count(long orgId, String badgeId, long fromMs, long toMs) {
        // badge by badge over (badge_id, earned_on_ms): an org's earns of a month are read from the index's ranges
        String badges = badgeId == null ? "SELECT b.id FROM badge_meta b WHERE b.org_id = ?" : "?";
        String sql = "SELECT e.earned_on_ms / " + EarnDayTally.DAY_MS + " AS epoch_day, COUNT(*),"
                + " COUNT(e.revoked_on_ms) FROM badge_earn e WHERE e.badge_id IN (" + badges + ") AND e.org_id = ?"
                + " AND e.earned_on_ms >= ? AND e.earned_on_ms < ? GROUP BY e.earned_on_ms / " + EarnDayTally.DAY_MS
                + " ORDER BY 1";
        try (PreparedStatement s = connection().prepareStatement(sql)) {
            if (badgeId == null) {
                s.setLong(1, orgId);
            } else {
                s.setString(1, badgeId);
            }
            s.setLong(2, orgId);
            s.setLong(3, fromMs);
            s.setLong(4, toMs);
            List<DayCount> days = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    days.add(new DayCount(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
                }
            }
            return days;
        } catch (SQLException e) {
            throw new PersistenceException("cannot count earns per day", e);
        }
    }

    /**
     * The transaction's own JDBC connection, the one the entity manager uses: locks taken and rows written here are
     * the transaction's, and no second pooled connection is needed while a lock is held (a transaction waiting for
     * the pool while holding a lock others wait for would stall the pool).
     */
    private Connection connection() {
        return Persistence.connection(em);
    }
}
