package dev.badgeworks.customer.store;

import dev.badgeworks.api.QueryParams;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.BadgeStatus;
import dev.badgeworks.customer.control.CustomerBadgeQuery;
import dev.badgeworks.customer.entity.CustomerStanding;
import dev.badgeworks.earn.entity.Earn;
import dev.badgeworks.earn.entity.Enrolment;
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
 * The customer views' data access. A page of a customer's badges is one SQL query: the org's badges, each joined
 * to the customer's standing row (customer_badge, kept by every earn) and to their enrolments summed per badge,
 * filtered, sorted, cut to the page and counted in the same pass. The customer's rows are reached through the
 * (customer_id, badge_id) keys, so the cost follows the customer's badges, not the org's earns.
 */
@ApplicationScoped
@Transactional
public class CustomerBadgeStore {

    public record Row(String badgeId, CustomerStanding standing) {
    }

    public record Page(List<Row> rows, long total) {
    }

    /**
     * One customer's active earns and enrolments, summed per badge. The enrolments are found by customer only (the
     * join to the org's badges keeps other orgs out): with an org condition H2 chose the org's index and read every
     * enrolment of the org.
     */
    private static final String STANDINGS = " FROM badge_meta b"
            + " %s JOIN customer_badge cb ON cb.badge_id = b.id AND cb.customer_id = ?"
            + " LEFT JOIN (SELECT badge_id, COUNT(*) AS issued, MAX(issued_on_ms) AS last_issued_on_ms,"
            + " MAX(expires_on_ms) AS enrolled_until_ms FROM badge_enrolment"
            + " WHERE customer_id = ? AND revoked_on_ms IS NULL GROUP BY badge_id) n ON n.badge_id = b.id"
            + " WHERE b.org_id = ?";

    /** The org's active groups in the RANK order's sequence: by rank, of equal ranks the older first. */
    private static final String ACTIVE_GROUPS = "SELECT id FROM badge_group WHERE org_id = ? AND active = TRUE"
            + " ORDER BY group_rank, created_on_ms, id";

    @PersistenceContext
    EntityManager em;

    /** The page of the org's badges that the query selects for this customer, and how many it selects in all. */
    public Page page(long orgId, String customerId, CustomerBadgeQuery q, long nowMs) {
        List<Object> params = new ArrayList<>(List.of(customerId, customerId, orgId));
        StringBuilder where = new StringBuilder();
        boolean earnedOnly = switch (q.type()) {
            case EARNED -> {
                where.append(q.includeExpired() ? " AND cb.earned > 0" : " AND cb.earned > 0 AND cb.last_expires_on_ms >= ?");
                if (!q.includeExpired()) {
                    params.add(nowMs);
                }
                yield true;
            }
            case EXPIRED -> {
                where.append(" AND cb.earned > 0 AND cb.last_expires_on_ms < ?");
                params.add(nowMs);
                yield true;
            }
            case AVAILABLE -> {
                where.append(" AND b.active = TRUE AND b.start_on_ms <= ? AND b.expires_on_ms >= ?"
                        + " AND (b.earn_type = 'EARN' OR n.enrolled_until_ms >= ?)");
                params.addAll(List.of(nowMs, nowMs, nowMs));
                yield false;
            }
            case AVAILABLE_TO_ISSUE -> {
                where.append(" AND b.active = TRUE AND b.earn_type = 'ISSUE_EARN' AND b.start_on_ms <= ?"
                        + " AND b.expires_on_ms >= ? AND (n.enrolled_until_ms IS NULL OR n.enrolled_until_ms < ?)");
                params.addAll(List.of(nowMs, nowMs, nowMs));
                yield false;
            }
        };
        filters(q, nowMs, where, params);
        String from = STANDINGS.formatted(earnedOnly ? "" : "LEFT") + where;
        try {
            List<Row> rows = new ArrayList<>();
            long total = 0;
            List<Object> pageParams = new ArrayList<>(params);
            String select = "SELECT b.id, cb.earned, cb.last_earned_on_ms, cb.last_event_ms, cb.last_expires_on_ms,"
                    + " n.issued, n.last_issued_on_ms, n.enrolled_until_ms, COUNT(*) OVER () AS total" + from
                    + " ORDER BY " + order(q, orgId, pageParams) + " LIMIT ? OFFSET ?";
            pageParams.add(q.size());
            pageParams.add(q.offset());
            try (PreparedStatement s = prepare(select, pageParams); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), new CustomerStanding(rs.getLong(2), longOrNull(rs, 3),
                            longOrNull(rs, 4), longOrNull(rs, 5), rs.getLong(6), longOrNull(rs, 7), longOrNull(rs, 8))));
                    total = rs.getLong(9);
                }
            }
            if (rows.isEmpty() && q.page() > 0) {
                // past the last page: the window count came with no row
                try (PreparedStatement s = prepare("SELECT COUNT(*)" + from, params); ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            return new Page(rows, total);
        } catch (SQLException e) {
            throw new PersistenceException("cannot read the customer's badges", e);
        }
    }

    /** The customer's standing with one badge (none when they never earned or enrolled). */
    public CustomerStanding standing(long orgId, String customerId, String badgeId) {
        String sql = "SELECT cb.earned, cb.last_earned_on_ms, cb.last_event_ms, cb.last_expires_on_ms, n.issued,"
                + " n.last_issued_on_ms, n.enrolled_until_ms" + STANDINGS.formatted("LEFT") + " AND b.id = ?";
        try (PreparedStatement s = prepare(sql, List.of(customerId, customerId, orgId, badgeId));
             ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return CustomerStanding.NONE;
            }
            return new CustomerStanding(rs.getLong(1), longOrNull(rs, 2), longOrNull(rs, 3), longOrNull(rs, 4),
                    rs.getLong(5), longOrNull(rs, 6), longOrNull(rs, 7));
        } catch (SQLException e) {
            throw new PersistenceException("cannot read the customer's standing", e);
        }
    }

    /** A page of the customer's earns of the badge (revoked and expired ones too), newest first by {@code byEvent}. */
    public List<Earn> earns(long orgId, String customerId, String badgeId, boolean byEvent, int page, int size) {
        String order = byEvent ? "e.earnEventMs DESC, e.id" : "e.earnedOnMs DESC, e.id";
        return em.createQuery("SELECT e FROM Earn e WHERE e.customerId = :customer AND e.badgeId = :badge"
                        + " AND e.orgId = :org ORDER BY " + order, Earn.class)
                .setParameter("customer", customerId).setParameter("badge", badgeId).setParameter("org", orgId)
                .setFirstResult((int) Math.min((long) page * size, Integer.MAX_VALUE)).setMaxResults(size)
                .getResultList();
    }

    /** How many earns a customer has of a badge: all of them, and those neither revoked nor expired. */
    public record EarnCounts(long all, long active) {
    }

    /** The customer's earn counts of the badge, as of {@code nowMs}. */
    public EarnCounts earnCounts(long orgId, String customerId, String badgeId, long nowMs) {
        String sql = "SELECT COUNT(*), COALESCE(SUM(CASE WHEN revoked_on_ms IS NULL AND expires_on_ms >= ?"
                + " THEN 1 ELSE 0 END), 0) FROM badge_earn WHERE customer_id = ? AND badge_id = ? AND org_id = ?";
        try (PreparedStatement s = prepare(sql, List.of(nowMs, customerId, badgeId, orgId));
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return new EarnCounts(rs.getLong(1), rs.getLong(2));
        } catch (SQLException e) {
            throw new PersistenceException("cannot count the customer's earns", e);
        }
    }

    /** The customer's enrolments in the badge, latest first. */
    public List<Enrolment> enrolments(long orgId, String customerId, String badgeId) {
        return em.createQuery("SELECT n FROM Enrolment n WHERE n.customerId = :customer AND n.badgeId = :badge"
                        + " AND n.orgId = :org ORDER BY n.issueEventMs DESC, n.id", Enrolment.class)
                .setParameter("customer", customerId).setParameter("badge", badgeId).setParameter("org", orgId)
                .getResultList();
    }

    private static void filters(CustomerBadgeQuery q, long nowMs, StringBuilder where, List<Object> params) {
        if (q.name() != null) {
            where.append(" AND LOWER(b.name) LIKE ? ESCAPE '\\'");
            params.add(QueryParams.containsPattern(q.name()));
        }
        if (q.active() != null) {
            where.append(q.active() ? " AND b.active = TRUE" : " AND b.active = FALSE");
        }
        if (!q.statuses().isEmpty() && q.statuses().size() < BadgeStatus.values().length) {
            BadgeStatus.Condition status = BadgeStatus.anyOf(q.statuses(), "b.start_on_ms", "b.expires_on_ms", "?");
            where.append(" AND ").append(status.text());
            for (int i = 0; i < status.nowParameters(); i++) {
                params.add(nowMs);
            }
        }
        if (q.owner() != null) {
            where.append(" AND b.owners LIKE ?");
            params.add(BadgeMeta.ownerPattern(q.owner()));
        }
        if (q.claimedBy() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM badge_claim c WHERE c.badge_id = b.id AND c.active = TRUE"
                    + " AND c.owner_type = ?)");
            params.add(q.claimedBy().name());
        }
        if (q.startOn() != null) {
            where.append(q.startOnOperator() == CustomerBadgeQuery.Operator.LESS_THAN
                    ? " AND b.start_on_ms < ?" : " AND b.start_on_ms > ?");
            params.add(q.startOn().toEpochMilli());
        }
        if (q.expiresOn() != null) {
            where.append(q.expiresOnOperator() == CustomerBadgeQuery.Operator.LESS_THAN
                    ? " AND b.expires_on_ms < ?" : " AND b.expires_on_ms > ?");
            params.add(q.expiresOn().toEpochMilli());
        }
        if (q.groupId() != null) {
            where.append(" AND b.badge_group_id = ?");
            params.add(q.groupId());
        }
    }

    /**
     * ORDER BY of the query's sort (its parameters added to {@code params}): undated rows last, the badge id breaking
     * ties so pages never overlap. RANK (§2.8): active groups by group rank (1 first; of equal ranks the older group
     * first), each with its ranked badges by rank and then its unranked ones; ungrouped badges after, ranked then
     * unranked; badges of equal rank (or none) latest expiry first. A badge's place among the groups is a CASE over
     * the org's active groups, read first: a join to badge_group cost H2 a look-up per badge (bench/customer-bench);
     * a badge in a disabled group falls to the ELSE, with the ungrouped.
     */
    private String order(CustomerBadgeQuery q, long orgId, List<Object> params) throws SQLException {
        String dir = q.descending() ? " DESC" : " ASC";
        String column = switch (q.sort()) {
            case RANK -> null;
            case LAST_EARNED_ON_DATE -> "cb.last_earned_on_ms";
            case LAST_EARNED_EVENT_DATE -> "cb.last_event_ms";
            case EXPIRES_ON -> "b.expires_on_ms";
            case LAST_MODIFIED_DATE -> "b.last_updated_on_ms";
            case LAST_ISSUED_DATE -> "n.last_issued_on_ms";
            case LAST_EXPIRED_BADGE -> "cb.last_expires_on_ms";
        };
        if (column != null) {
            return "CASE WHEN " + column + " IS NULL THEN 1 ELSE 0 END, " + column + dir + ", b.id" + dir;
        }
        StringBuilder groupPlace = new StringBuilder();
        try (PreparedStatement s = prepare(ACTIVE_GROUPS, List.of(orgId)); ResultSet rs = s.executeQuery()) {
            for (int place = 0; rs.next(); place++) {
                groupPlace.append(" WHEN ? THEN ").append(place);
                params.add(rs.getString(1));
            }
        }
        String byGroup = groupPlace.isEmpty() ? "" : "CASE b.badge_group_id" + groupPlace + " ELSE 2147483647 END, ";
        return byGroup + "CASE WHEN b.badge_rank IS NULL THEN 1 ELSE 0 END, b.badge_rank, b.expires_on_ms DESC, b.id";
    }

    private PreparedStatement prepare(String sql, List<Object> params) throws SQLException {
        PreparedStatement s = connection().prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String text) {
                s.setString(i + 1, text);
            } else {
                s.setLong(i + 1, ((Number) p).longValue());
            }
        }
        return s;
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** The transaction's own connection (as the earn store uses it). */
    private Connection connection() {
        return Persistence.connection(em);
    }
}
