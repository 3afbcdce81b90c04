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
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * An org's earns per UTC day, kept (earn_day_tally) so that the console's chart reads a row a day instead of every
 * earn of its span again on each view. A kept count covers its day up to {@code counted_until_ms} (NULL: the whole
 * day): up to a settled moment an hour or more ago, so today is kept too and a view counts only its last hour or so.
 * A kept count is valid while nothing has changed its part of the day since: every change to an earn processed more
 * than a few minutes before it (a back-dated earn, a revocation) raises its day's generation in the changing
 * transaction, and a count is kept only for the generation read before it was taken — conditionally, so a change
 * committed meanwhile (or still holding the row) wins and the day is counted again on the next view. A change to an
 * earn processed in the last few minutes raises nothing (live earns never do): no kept count covers that time until
 * the change has long committed.
 */
final class EarnDayTally {

    static final long DAY_MS = 86_400_000L;
    /**
     * Changes to earns processed this recently raise no generation: none is kept before an hour has passed (below),
     * and the change's transaction has long committed by then.
     */
    static final long RECENT_MS = 600_000L;
    /**
     * A moment is kept only once it is an hour past, rounded down to {@link #STEP_MS}: the most recent change that
     * raised nothing was made at most {@link #RECENT_MS} after it, and committed within the 50 minutes left.
     */
    static final long SETTLED_AFTER_MS = 3_600_000L;
    /** How far a kept count moves on at a time: a day's row is written at most once a step, its views share counts. */
    static final long STEP_MS = 600_000L;

    /** A day of an org's earns; ordered by org then day, the order their rows are locked in. */
    record OrgDay(long orgId, long epochDay) implements Comparable<OrgDay> {

        @Override
        public int compareTo(OrgDay o) {
            int byOrg = Long.compare(orgId, o.orgId);
            return byOrg != 0 ? byOrg : Long.compare(epochDay, o.epochDay);
        }
    }

    /**
     * A day's kept row: its generation, the one its counts were taken at (-1: never counted), the counts, and the
     * moment they reach (the day's end for a whole day).
     */
    record Kept(long generation, long countedGeneration, long earned, long revoked, long untilMs) {

        boolean current() {
            return countedGeneration == generation;
        }
    }

    /** Earns processed in [fromMs, toMs) to count, as one range; {@code settled}: its counts may be kept. */
    record Run(long fromMs, long toMs, boolean settled) {
    }

    /** What a day's new count is kept for: the generation read before counting, and the moment it reaches. */
    record Keep(long generation, long untilMs) {
    }

    /** What the kept rows say for a span, what must be counted from the earns, and what may be kept after. */
    record Plan(Map<Long, DayCount> kept, List<Run> runs, Map<Long, Keep> keep) {
    }

    private static final String RAISE = "INSERT INTO earn_day_tally (org_id, epoch_day, generation) VALUES (?, ?, 1)"
            + " ON CONFLICT (org_id, epoch_day) DO UPDATE SET generation = earn_day_tally.generation + 1";
    private static final String RAISE_H2 = "MERGE INTO earn_day_tally t USING (VALUES (?, ?)) AS s (org_id, epoch_day)"
            + " ON t.org_id = s.org_id AND t.epoch_day = s.epoch_day"
            + " WHEN MATCHED THEN UPDATE SET generation = t.generation + 1"
            + " WHEN NOT MATCHED THEN INSERT (org_id, epoch_day, generation) VALUES (s.org_id, s.epoch_day, 1)";
    private static final String KEEP = "INSERT INTO earn_day_tally (org_id, epoch_day, generation, counted_generation,"
            + " earned, revoked, counted_until_ms) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (org_id, epoch_day) DO UPDATE"
            + " SET counted_generation = EXCLUDED.counted_generation, earned = EXCLUDED.earned,"
            + " revoked = EXCLUDED.revoked, counted_until_ms = EXCLUDED.counted_until_ms"
            + " WHERE earn_day_tally.generation = EXCLUDED.generation";
    private static final String KEEP_H2 = "MERGE INTO earn_day_tally t USING (VALUES (?, ?, ?, ?, ?, ?, ?))"
            + " AS s (org_id, epoch_day, generation, counted_generation, earned, revoked, counted_until_ms)"
            + " ON t.org_id = s.org_id AND t.epoch_day = s.epoch_day"
            + " WHEN MATCHED AND t.generation = s.generation THEN UPDATE SET counted_generation = s.counted_generation,"
            + " earned = s.earned, revoked = s.revoked, counted_until_ms = s.counted_until_ms"
            + " WHEN NOT MATCHED THEN INSERT (org_id, epoch_day, generation, counted_generation, earned, revoked,"
            + " counted_until_ms) VALUES (s.org_id, s.epoch_day, s.generation, s.counted_generation, s.earned,"
            + " s.revoked, s.counted_until_ms)";

    private EarnDayTally() {
    }

    static long dayOf(long ms) {
        return Math.floorDiv(ms, DAY_MS);
    }

    /** Up to when earns may be kept at {@code nowMs}: an hour ago, rounded down to a step. */
    static long settledUntil(long nowMs) {
        return Math.floorDiv(nowMs - SETTLED_AFTER_MS, STEP_MS) * STEP_MS;
    }

    /** Whether a change made at {@code nowMs} to an earn processed at {@code earnedOnMs} may change a kept count. */
    static boolean changesKept(long earnedOnMs, long nowMs) {
        return earnedOnMs < nowMs - RECENT_MS;
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
     * Which days of [fromDay, toDay) the kept rows answer, and which earns must be counted: a day without a valid
     * row from its start, a day kept up to a moment from that moment on (a row that claims more than is settled now
     * is not trusted). The ranges are as few as the days allow, split at {@code settledUntilMs}: what is counted
     * before it is kept (with the row's counts and generation), what is counted after is not.
     */
    static Plan plan(Map<Long, Kept> rows, long fromDay, long toDay, long settledUntilMs) {
        Map<Long, DayCount> kept = new HashMap<>();
        Map<Long, Keep> keep = new HashMap<>();
        List<Run> runs = new ArrayList<>();
        long runFrom = -1;
        long runTo = -1;
        for (long day = fromDay; day < toDay; day++) {
            long dayEnd = (day + 1) * DAY_MS;
            long settledEnd = Math.min(dayEnd, settledUntilMs);
            Kept row = rows.get(day);
            boolean valid = row != null && row.current() && row.untilMs() <= settledEnd;
            DayCount base = valid ? new DayCount(day, row.earned(), row.revoked()) : new DayCount(day, 0, 0);
            long countFrom = valid ? row.untilMs() : day * DAY_MS;
            kept.put(day, base);
            if (settledEnd > countFrom) {
                keep.put(day, new Keep(row == null ? 0 : row.generation(), settledEnd));
            }
            if (countFrom == dayEnd) {
                continue;
            }
            if (runTo == countFrom) {
                runTo = dayEnd;
                continue;
            }
            if (runFrom >= 0) {
                split(runs, runFrom, runTo, settledUntilMs);
            }
            runFrom = countFrom;
            runTo = dayEnd;
        }
        if (runFrom >= 0) {
            split(runs, runFrom, runTo, settledUntilMs);
        }
        return new Plan(kept, runs, keep);
    }

    private static void split(List<Run> runs, long fromMs, long toMs, long atMs) {
        if (atMs <= fromMs || atMs >= toMs) {
            runs.add(new Run(fromMs, toMs, toMs <= atMs));
            return;
        }
        runs.add(new Run(fromMs, atMs, true));
        runs.add(new Run(atMs, toMs, false));
    }

    /** The kept rows of an org's days [fromDay, toDay), by day. */
    static Map<Long, Kept> rows(Connection c, long orgId, long fromDay, long toDay) throws SQLException {
        Map<Long, Kept> rows = new HashMap<>();
        if (fromDay >= toDay) {
            return rows;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT epoch_day, generation, counted_generation, earned,"
                + " revoked, counted_until_ms FROM earn_day_tally"
                + " WHERE org_id = ? AND epoch_day >= ? AND epoch_day < ?")) {
            s.setLong(1, orgId);
            s.setLong(2, fromDay);
            s.setLong(3, toDay);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long day = rs.getLong(1);
                    long counted = rs.getLong(3);
                    boolean neverCounted = rs.wasNull();
                    long until = rs.getLong(6);
                    if (rs.wasNull()) {
                        until = (day + 1) * DAY_MS;
                    }
                    rows.put(day, new Kept(rs.getLong(2), neverCounted ? -1 : counted, rs.getLong(4), rs.getLong(5),
                            until));
                }
            }
        }
        return rows;
    }

    /**
     * Keeps the counts of these days ({@code counts}: each day's up to its {@link Keep#untilMs()}), for the generation
     * read before it was counted and only while that is still the day's generation. A keeper that loses a race to another
     * keeper (H2 refuses a concurrent first row instead of waiting) keeps nothing: the day is counted again next time.
     */
    static void keep(Connection c, long orgId, Map<Long, Keep> keep, Map<Long, DayCount> counts)
            throws SQLException {
        if (keep.isEmpty()) {
            return;
        }
        boolean postgres = Jdbc.isPostgres(c);
        List<Long> days = keep.keySet().stream().sorted().toList();
        Savepoint before = postgres ? null : c.setSavepoint();
        try (PreparedStatement s = c.prepareStatement(postgres ? KEEP : KEEP_H2)) {
            for (long day : days) {
                Keep k = keep.get(day);
                DayCount count = counts.getOrDefault(day, new DayCount(day, 0, 0));
                s.setLong(1, orgId);
                s.setLong(2, day);
                s.setLong(3, k.generation());
                s.setLong(4, k.generation());
                s.setLong(5, count.earned());
                s.setLong(6, count.revoked());
                if (k.untilMs() == (day + 1) * DAY_MS) {
                    s.setNull(7, Types.BIGINT);
                } else {
                    s.setLong(7, k.untilMs());
                }
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            if (postgres || !Persistence.isUniqueViolation(e) && !Persistence.isConcurrentUpdate(e)) {
                throw e;
            }
            c.rollback(before);
        }
    }
}
