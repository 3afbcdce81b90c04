package dev.badgeworks.earn.store;

import dev.badgeworks.earn.store.EarnStore.DayCount;
import dev.badgeworks.platform.Jdbc;
import dev.badgeworks.platform.Persistence;
import dev.badgeworks.platform.SavepointRetry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * An org's earns per UTC day for days that are over, kept (earn_day_tally) so that the console's chart reads a row a
 * day instead of every earn of its span again on each view. A kept count is valid while nothing has changed its day
 * since: every change to a past day's earns (a back-dated earn, a revocation) raises the day's generation in the
 * changing transaction, and a count is kept only for the generation read before it was taken — conditionally, so a
 * change committed meanwhile (or still holding the row) wins and the day is counted again on the next view.
 */
final class EarnDayTally {

    static final long DAY_MS = 86_400_000L;
    /**
     * A day is kept only once it has been over for an hour: an earn that found its day to be today just before
     * midnight (and so raised no generation) has long committed by then.
     */
    static final long SETTLED_AFTER_MS = 3_600_000L;

    /** A day of an org's earns; ordered by org then day, the order their rows are locked in. */
    record OrgDay(long orgId, long epochDay) implements Comparable<OrgDay> {

        @Override
        public int compareTo(OrgDay o) {
            int byOrg = Long.compare(orgId, o.orgId);
            return byOrg != 0 ? byOrg : Long.compare(epochDay, o.epochDay);
        }
    }

    /** A day's kept row: its generation, the one its counts were taken at (-1: never counted), the counts. */
    record Kept(long generation, long countedGeneration, long earned, long revoked) {

        boolean current() {
            return countedGeneration == generation;
        }
    }

    /** Days [from, to) to count from the earns, as one range. */
    record Run(long fromDay, long toDay) {
    }

    /** What the kept rows say for a span, and what must be counted from the earns. */
    record Plan(Map<Long, DayCount> kept, Map<Long, Long> recount, List<Run> runs) {
    }

    private static final String RAISE = "INSERT INTO earn_day_tally (org_id, epoch_day, generation) VALUES (?, ?, 1)"
            + " ON CONFLICT (org_id, epoch_day) DO UPDATE SET generation = earn_day_tally.generation + 1";
    private static final String RAISE_H2 = "MERGE INTO earn_day_tally t USING (VALUES (?, ?)) AS s (org_id, epoch_day)"
            + " ON t.org_id = s.org_id AND t.epoch_day = s.epoch_day"
            + " WHEN MATCHED THEN UPDATE SET generation = t.generation + 1"
            + " WHEN NOT MATCHED THEN INSERT (org_id, epoch_day, generation) VALUES (s.org_id, s.epoch_day, 1)";
    private static final String KEEP = "INSERT INTO earn_day_tally (org_id, epoch_day, generation, counted_generation,"
            + " earned, revoked) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (org_id, epoch_day) DO UPDATE SET"
            + " counted_generation = EXCLUDED.counted_generation, earned = EXCLUDED.earned, revoked = EXCLUDED.revoked"
            + " WHERE earn_day_tally.generation = EXCLUDED.generation";
    private static final String KEEP_H2 = "MERGE INTO earn_day_tally t USING (VALUES (?, ?, ?, ?, ?, ?))"
            + " AS s (org_id, epoch_day, generation, counted_generation, earned, revoked)"
            + " ON t.org_id = s.org_id AND t.epoch_day = s.epoch_day"
            + " WHEN MATCHED AND t.generation = s.generation THEN UPDATE SET counted_generation = s.counted_generation,"
            + " earned = s.earned, revoked = s.revoked"
            + " WHEN NOT MATCHED THEN INSERT (org_id, epoch_day, generation, counted_generation, earned, revoked)"
            + " VALUES (s.org_id, s.epoch_day, s.generation, s.counted_generation, s.earned, s.revoked)";

    private EarnDayTally() {
    }

    static long dayOf(long ms) {
        return Math.floorDiv(ms, DAY_MS);
    }

    /** The first day not kept yet at {@code nowMs}: every day before it has been over for an hour. */
    static long firstUnsettledDay(long nowMs) {
        return dayOf(nowMs - SETTLED_AFTER_MS);
    }

    /** Whether a change to an earn processed at {@code earnedOnMs} changes a day that may be kept. */
    static boolean past(long earnedOnMs, long nowMs) {
        return dayOf(earnedOnMs) < dayOf(nowMs);
    }

    /**
     * Raises the generation of each day given, in order (the lock order, so that two changing transactions never
     * wait for each other's days crosswise). Called last in a change's transaction, after the standing rows and
     * the badge counters: its lock is then held only for the commit.
     */
    static void changed(Connection c, SortedSet<OrgDay> days) throws SQLException {
        if (days.isEmpty()) {
            return;
        }
        if (Jdbc.isPostgres(c)) {
            try (PreparedStatement raise = c.prepareStatement(RAISE)) {
                for (OrgDay day : days) {
                    raise.setLong(1, day.orgId());
                    raise.setLong(2, day.epochDay());
                    raise.addBatch();
                }
                raise.executeBatch();
            }
            return;
        }
        for (OrgDay day : days) {
            SavepointRetry.run(c, () -> {
                try (PreparedStatement raise = c.prepareStatement(RAISE_H2)) {
                    raise.setLong(1, day.orgId());
                    raise.setLong(2, day.epochDay());
                    return raise.executeUpdate();
                }
            });
        }
    }

    /**
     * Which days of [fromDay, toDay) the kept rows answer, and which must be counted: the kept days whose count is
     * missing or older than their last change (with the generation read now, which a new count may be kept for),
     * and the days not over long enough to be kept, as few ranges as the days allow.
     */
    static Plan plan(Map<Long, Kept> rows, long fromDay, long toDay, long firstUnsettledDay) {
        Map<Long, DayCount> kept = new HashMap<>();
        Map<Long, Long> recount = new HashMap<>();
        List<Run> runs = new ArrayList<>();
        long runFrom = -1;
        for (long day = fromDay; day < toDay; day++) {
            Kept row = rows.get(day);
            boolean valid = day < firstUnsettledDay && row != null && row.current();
            if (valid) {
                kept.put(day, new DayCount(day, row.earned(), row.revoked()));
            } else if (day < firstUnsettledDay) {
                recount.put(day, row == null ? 0 : row.generation());
            }
            if (!valid && runFrom < 0) {
                runFrom = day;
            } else if (valid && runFrom >= 0) {
                runs.add(new Run(runFrom, day));
                runFrom = -1;
            }
        }
        if (runFrom >= 0) {
            runs.add(new Run(runFrom, toDay));
        }
        return new Plan(kept, recount, runs);
    }

    /** The kept rows of an org's days [fromDay, toDay), by day. */
    static Map<Long, Kept> rows(Connection c, long orgId, long fromDay, long toDay) throws SQLException {
        Map<Long, Kept> rows = new HashMap<>();
        if (fromDay >= toDay) {
            return rows;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT epoch_day, generation, counted_generation, earned,"
                + " revoked FROM earn_day_tally WHERE org_id = ? AND epoch_day >= ? AND epoch_day < ?")) {
            s.setLong(1, orgId);
            s.setLong(2, fromDay);
            s.setLong(3, toDay);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long counted = rs.getLong(3);
                    rows.put(rs.getLong(1), new Kept(rs.getLong(2), rs.wasNull() ? -1 : counted, rs.getLong(4),
                            rs.getLong(5)));
                }
            }
        }
        return rows;
    }

    /**
     * Keeps the counts of these days, each for the generation read before it was counted and only while that is
     * still the day's generation. A keeper that loses a race to another keeper (H2 refuses a concurrent first row
     * instead of waiting) keeps nothing: the day is counted again next time.
     */
    static void keep(Connection c, long orgId, Map<Long, Long> generations, Map<Long, DayCount> counted)
            throws SQLException {
        if (generations.isEmpty()) {
            return;
        }
        boolean postgres = Jdbc.isPostgres(c);
        List<Long> days = generations.keySet().stream().sorted().toList();
        Savepoint before = postgres ? null : c.setSavepoint();
        try (PreparedStatement keep = c.prepareStatement(postgres ? KEEP : KEEP_H2)) {
            for (long day : days) {
                DayCount count = counted.getOrDefault(day, new DayCount(day, 0, 0));
                long generation = generations.get(day);
                keep.setLong(1, orgId);
                keep.setLong(2, day);
                keep.setLong(3, generation);
                keep.setLong(4, generation);
                keep.setLong(5, count.earned());
                keep.setLong(6, count.revoked());
                keep.addBatch();
            }
            keep.executeBatch();
        } catch (SQLException e) {
            if (postgres || !Persistence.isUniqueViolation(e) && !Persistence.isConcurrentUpdate(e)) {
                throw e;
            }
            c.rollback(before);
        }
    }
}
