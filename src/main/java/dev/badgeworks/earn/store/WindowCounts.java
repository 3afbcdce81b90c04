package dev.badgeworks.earn.store;

import dev.badgeworks.badge.entity.CountWindow;
import dev.badgeworks.earn.entity.Earn;
import dev.badgeworks.earn.store.EarnStore.WindowCount;
import dev.badgeworks.platform.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A badge-wide window's active earns, kept (badge_window_count) instead of counted for every earn under the badge's
 * lock. Only an earn holding that lock reads a kept count to decide, or counts and stores one, so they follow each
 * other; changes made without the lock (revocations, migrations) add to the kept counts of their badge. A
 * kept count is trusted while the badge's changes — raised in the same transaction by every earn, revocation and move
 * of the badge, locked or not ({@code BadgeCounters}) — are those it was kept with; else it is counted again.
 *
 * <p>A fixed window's cycle is kept as it is. A rolling window ("processed since now minus N days") moves on every
 * millisecond, so what is kept is the earns processed since the start of the minute its start lies in: the window's
 * count is that less the earns of the minute before its start, and when the window has moved into a later minute the
 * kept count is carried there less the earns processed between the two — each a count of at most a minute's earns.
 */
final class WindowCounts {

    private static final long MINUTE_MS = 60_000L;

    private WindowCounts() {
    }

    /**
     * The window's count under the badge's lock, where it is kept as read. The badge's changes are read in the same
     * statement as the kept row and before any count: a change committed after it then leaves the kept count behind
     * the changes, counted again next time, never trusted short. A view reads it without the lock (and writes
     * nothing): then it is the count as of its statements, like any count.
     */
    static WindowCount read(Connection c, String badgeId, CountWindow window) throws SQLException {
        CountWindow keptWindow = keptWindowOf(window);
        long changes;
        Long foundFromMs = null;
        Long keptFromMs = null;
        long keptEarns = 0;
        boolean current = false;
        // a rolling window's latest kept minute at or before its own; a cycle's own row
        try (PreparedStatement s = c.prepareStatement("SELECT t.changes, k.from_ms, k.earns, k.changes_seen FROM"
                + " (SELECT COALESCE(SUM(changes), 0) AS changes FROM badge_counter WHERE badge_id = ?) t"
                + " LEFT JOIN badge_window_count k ON k.badge_id = ? AND k.basis = ? AND k.to_ms = ? AND k.from_ms ="
                + " (SELECT MAX(from_ms) FROM badge_window_count WHERE badge_id = ? AND basis = ? AND to_ms = ?"
                + " AND from_ms <= ? AND from_ms >= ?)")) {
            s.setString(1, badgeId);
            s.setString(2, badgeId);
            s.setString(3, window.basis().name());
            s.setLong(4, keptWindow.toMs());
            s.setString(5, badgeId);
            s.setString(6, window.basis().name());
            s.setLong(7, keptWindow.toMs());
            s.setLong(8, keptWindow.fromMs());
            s.setLong(9, window.basis() == CountWindow.Basis.EARNED_ON ? Long.MIN_VALUE : keptWindow.fromMs());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                changes = rs.getLong(1);
                long from = rs.getLong(2);
                if (!rs.wasNull()) {
                    foundFromMs = from;
                    if (rs.getLong(4) == changes) {
                        keptFromMs = from;
                        keptEarns = rs.getLong(3);
                    }
                }
            }
        }
        if (keptFromMs == null) {
            keptEarns = LimitLocks.countActiveEarns(c, badgeId, keptWindow);
        } else if (keptFromMs < keptWindow.fromMs()) {
            keptEarns -= between(c, badgeId, window.basis(), keptFromMs, keptWindow.fromMs());
        } else {
            current = true;
        }
        long earns = keptEarns - between(c, badgeId, window.basis(), keptWindow.fromMs(), window.fromMs());
        Long replacedFromMs = foundFromMs != null && foundFromMs < keptWindow.fromMs() ? foundFromMs : null;
        return new WindowCount(badgeId, window, earns, keptWindow, keptEarns, replacedFromMs, changes, current);
    }

    /**
     * An earn made or revoked, as the kept counts of its badge's windows see it: one change of the badge (as
     * {@code BadgeCounters} counts it), and an active earn that enters or leaves windows.
     */
    record EarnChange(String badgeId, long earnedOnMs, Long eventBeforeMs, Long eventAfterMs) {

        static EarnChange made(Earn earn) {
            return new EarnChange(earn.badgeId(), earn.earnedOnMs(), null, earn.earnEventMs());
        }

        static EarnChange revoked(Earn earn) {
            return new EarnChange(earn.badgeId(), earn.earnedOnMs(), earn.earnEventMs(), null);
        }

        /** What the change adds to the window's active earns: 1, 0 or -1. */
        long in(CountWindow window) {
            return (eventAfterMs != null && window.contains(eventAfterMs, earnedOnMs) ? 1 : 0)
                    - (eventBeforeMs != null && window.contains(eventBeforeMs, earnedOnMs) ? 1 : 0);
        }
    }

    /** A kept row's key; rows are written in this order, so two transactions never wait for each other in a circle. */
    private record Row(String badgeId, String basis, long fromMs, long toMs) implements Comparable<Row> {

        private static final Comparator<Row> ORDER = Comparator.comparing(Row::badgeId).thenComparing(Row::basis)
                .thenComparingLong(Row::fromMs).thenComparingLong(Row::toMs);

        static Row of(String badgeId, CountWindow window) {
            return new Row(badgeId, window.basis().name(), window.fromMs(), window.toMs());
        }

        CountWindow window() {
            return new CountWindow(CountWindow.Basis.valueOf(basis), fromMs, toMs);
        }

        @Override
        public int compareTo(Row other) {
            return ORDER.compare(this, other);
        }
    }

    /** What is written to a kept row: the count and changes set, or added to what is there, or the row dropped. */
    private record Write(Kind kind, long earns, long changes) {

        enum Kind { SET, ADD, DROP }
    }

    /**
     * Writes this transaction's changes of earns into the kept counts, after its earns and counter stripes are
     * written. A count read under the badge's lock is kept with the changes of its badge added: added to the row
     * where it was read as kept (a change another transaction commits meanwhile adds to the row too, and both stay
     * counted), else set, with its changes as read plus this transaction's. Every other kept count of a window still
     * in progress of a changed badge — a revocation's and a migration's, which hold no badge lock, and a cycle a locked
     * list does not read — gets the changes' earns in its window and their number added, so it stays valid.
     * A change another transaction made without adding to a row still leaves the row behind the badge's changes:
     * counted again, never trusted short. A rolling window's row of an earlier minute, read and carried on, is
     * dropped (not all earlier rows: another rolling limit of the same badge keeps its own).
     */
    static void keep(Connection c, Collection<WindowCount> read, List<EarnChange> changes, long nowMs)
            throws SQLException {
        Map<String, List<EarnChange>> byBadge = new HashMap<>();
        changes.forEach(e -> byBadge.computeIfAbsent(e.badgeId(), b -> new ArrayList<>()).add(e));
        SortedMap<Row, Write> writes = new TreeMap<>();
        Set<Row> kept = new HashSet<>();
        for (WindowCount w : read) {
            List<EarnChange> own = byBadge.getOrDefault(w.badgeId(), List.of());
            Row row = Row.of(w.badgeId(), w.keptWindow());
            kept.add(row);
            if (w.replacedFromMs() != null) {
                Row replaced = new Row(w.badgeId(), row.basis(), w.replacedFromMs(), row.toMs());
                kept.add(replaced);
                writes.put(replaced, new Write(Write.Kind.DROP, 0, 0));
            }
            if (w.current() && own.isEmpty()) {
                continue;
            }
            long inWindow = own.stream().mapToLong(e -> e.in(w.keptWindow())).sum();
            writes.put(row, w.current() ? new Write(Write.Kind.ADD, inWindow, own.size())
                    : new Write(Write.Kind.SET, w.keptEarns() + inWindow, w.changes() + own.size()));
        }
        for (Row row : rowsInProgress(c, byBadge.keySet(), nowMs)) {
            if (!kept.contains(row)) {
                List<EarnChange> own = byBadge.get(row.badgeId());
                writes.put(row, new Write(Write.Kind.ADD, own.stream().mapToLong(e -> e.in(row.window())).sum(),
                        own.size()));
            }
        }
        write(c, writes);
    }

    /** The kept rows of these badges' windows that earns may still come into. */
    private static List<Row> rowsInProgress(Connection c, Set<String> badgeIds, long nowMs) throws SQLException {
        List<Row> rows = new ArrayList<>();
        if (badgeIds.isEmpty()) {
            return rows;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT badge_id, basis, from_ms, to_ms FROM badge_window_count"
                + " WHERE badge_id IN (" + Jdbc.marks(badgeIds.size()) + ") AND to_ms >= ?")) {
            int next = Jdbc.bind(s, 1, badgeIds);
            s.setLong(next, nowMs);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        return rows;
    }

    private static void write(Connection c, SortedMap<Row, Write> writes) throws SQLException {
        if (writes.isEmpty()) {
            return;
        }
        try (PreparedStatement set = c.prepareStatement("UPDATE badge_window_count SET earns = ?, changes_seen = ?"
                + " WHERE badge_id = ? AND basis = ? AND from_ms = ? AND to_ms = ?");
             PreparedStatement add = c.prepareStatement("UPDATE badge_window_count SET earns = earns + ?,"
                     + " changes_seen = changes_seen + ?"
                     + " WHERE badge_id = ? AND basis = ? AND from_ms = ? AND to_ms = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO badge_window_count"
                     + " (badge_id, basis, from_ms, to_ms, earns, changes_seen) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement drop = c.prepareStatement("DELETE FROM badge_window_count"
                     + " WHERE badge_id = ? AND basis = ? AND from_ms = ? AND to_ms = ?")) {
            for (Map.Entry<Row, Write> e : writes.entrySet()) {
                Row row = e.getKey();
                Write w = e.getValue();
                if (w.kind() == Write.Kind.DROP) {
                    bindRow(drop, 1, row);
                    drop.executeUpdate();
                    continue;
                }
                PreparedStatement update = w.kind() == Write.Kind.SET ? set : add;
                update.setLong(1, w.earns());
                update.setLong(2, w.changes());
                bindRow(update, 3, row);
                // a SET's row is written only under the badge's lock: nobody else inserts it between the two
                if (update.executeUpdate() == 0 && w.kind() == Write.Kind.SET) {
                    bindRow(insert, 1, row);
                    insert.setLong(5, w.earns());
                    insert.setLong(6, w.changes());
                    insert.executeUpdate();
                }
            }
        }
    }

    private static void bindRow(PreparedStatement s, int first, Row row) throws SQLException {
        s.setString(first, row.badgeId());
        s.setString(first + 1, row.basis());
        s.setLong(first + 2, row.fromMs());
        s.setLong(first + 3, row.toMs());
    }

    /** What is kept for a window: a cycle itself; a rolling window from the start of the minute it starts in. */
    static CountWindow keptWindowOf(CountWindow window) {
        return switch (window.basis()) {
            case EVENT -> window;
            case EARNED_ON -> new CountWindow(window.basis(), Math.floorDiv(window.fromMs(), MINUTE_MS) * MINUTE_MS,
                    window.toMs());
            case ALL -> throw new IllegalArgumentException("a lifetime count is read from the badge's counters");
        };
    }

    /** Active earns of the badge in [fromMs, toMs) on this basis. */
    private static long between(Connection c, String badgeId, CountWindow.Basis basis, long fromMs, long toMs)
            throws SQLException {
        return fromMs >= toMs ? 0 : LimitLocks.countActiveEarns(c, badgeId, new CountWindow(basis, fromMs, toMs - 1));
    }
}
