package dev.badgeworks.badge.store;

import dev.badgeworks.platform.Jdbc;
import dev.badgeworks.platform.Persistence;
import dev.badgeworks.platform.Reads;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The earned and issued counts of badges, kept as striped counter rows (migration V7) updated in the transaction of
 * each earn, enrolment and revocation: exact, and cheap to read for a page of badges.
 */
@ApplicationScoped
@Transactional
public class BadgeCounters {

    public static final int STRIPES = 16;

    public record Counts(long earned, long issued) {
        public static final Counts ZERO = new Counts(0, 0);
    }

    /**
     * One change: {@code earned} and {@code issued} added to {@code badgeId}'s counts; {@code touched}, the badge's
     * earns written (made, revoked or moved), added to its changes, which tell a kept count of the badge's earns in a
     * window whether any earn changed since it was taken.
     */
    public record Change(String badgeId, long earned, long issued, long touched) {

        /** Earns made (positive) or revoked (negative) and enrolments issued or revoked. */
        public Change(String badgeId, long earned, long issued) {
            this(badgeId, earned, issued, Math.abs(earned));
        }

        /** An earn moved to another event date: no count changes, but the earns of a window may. */
        public static Change moved(String badgeId) {
            return new Change(badgeId, 0, 0, 1);
        }

        Change plus(Change other) {
            return new Change(badgeId, earned + other.earned, issued + other.issued, touched + other.touched);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Reads reads;

    /** The counter rows of a new badge, in its create transaction. */
    public void create(String badgeId) {
        try (PreparedStatement s = connection().prepareStatement(
                "INSERT INTO badge_counter (badge_id, stripe, earned, issued) VALUES (?, ?, 0, 0)")) {
            for (int stripe = 0; stripe < STRIPES; stripe++) {
                s.setString(1, badgeId);
                s.setInt(2, stripe);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("cannot create the counters of badge " + badgeId, e);
        }
    }

    /**
     * Applies the changes: each badge's sum to one stripe, drawn at random per call, badges in id order (so
     * concurrent writers never wait in a circle). A stripe per call, not per customer: a grouped earn or an import
     * chunk holds many customers, and stripes by customer made it take every stripe of its badge, so two concurrent
     * groups of one badge queued on each other's counter rows until the first committed. Drawn at random, two
     * writers of a badge meet on a row once in {@value #STRIPES}.
     */
    public void add(Collection<Change> changes) {
        Map<String, Change> byBadge = new TreeMap<>();
        for (Change c : changes) {
            byBadge.merge(c.badgeId(), c, Change::plus);
        }
        if (byBadge.isEmpty()) {
            return;
        }
        int stripe = ThreadLocalRandom.current().nextInt(STRIPES);
        try (PreparedStatement s = connection().prepareStatement("UPDATE badge_counter SET earned = earned + ?,"
                + " issued = issued + ?, changes = changes + ? WHERE badge_id = ? AND stripe = ?")) {
            for (Map.Entry<String, Change> e : byBadge.entrySet()) {
                s.setLong(1, e.getValue().earned());
                s.setLong(2, e.getValue().issued());
                s.setLong(3, e.getValue().touched());
                s.setString(4, e.getKey());
                s.setInt(5, stripe);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("cannot count " + changes.size() + " changes", e);
        }
    }

    /**
     * One badge's counts as a row ({@code earned}, {@code issued}; zeros without counters), its id the one
     * parameter: for a read that wants them in the same statement as something else.
     */
    static final String COUNTS_OF_ONE_BADGE = "SELECT COALESCE(SUM(earned), 0) AS earned,"
            + " COALESCE(SUM(issued), 0) AS issued FROM badge_counter WHERE badge_id = ?";

    /** Counts by badge ({@code badge_id, earned, issued}) of {@code badges} badges bound as parameters. */
    static String countsOf(int badges) {
        return "SELECT badge_id, SUM(earned) AS earned, SUM(issued) AS issued FROM badge_counter WHERE badge_id IN ("
                + Jdbc.marks(badges) + ") GROUP BY badge_id";
    }

    /** The counts of these badges (zero for a badge without counters), in one query; starts no transaction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Counts> of(Collection<String> badgeIds) {
        Map<String, Counts> counts = new HashMap<>();
        if (badgeIds.isEmpty()) {
            return counts;
        }
        String sql = countsOf(badgeIds.size());
        return reads.read(em, connection -> {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                Jdbc.bind(s, 1, badgeIds);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3)));
                    }
                }
            }
            return counts;
        });
    }

    /** The entity manager's own connection: counters change in the transaction of what they count. */
    private Connection connection() {
        return Persistence.connection(em);
    }
}
