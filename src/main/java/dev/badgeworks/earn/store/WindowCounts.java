package dev.badgeworks.earn.store;

import dev.badgeworks.badge.entity.CountWindow;
import dev.badgeworks.earn.entity.Earn;
import dev.badgeworks.earn.store.EarnStore.WindowCount;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * A badge-wide window's active earns, kept (badge_window_count) instead of counted for every earn under the badge's
 * lock. Only an earn holding that lock reads or writes a kept count, so they follow each other. A kept count is
 * trusted while the badge's changes — raised in the same transaction by every earn, revocation and move of the badge,
 * locked or not ({@code BadgeCounters}) — are still the ones it was kept with; else it is counted again.
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
     * Keeps the counts read in this transaction with its new earns added, after they are written: each badge's
     * changes have grown by its new earns (in any window), its kept window's count by those in it. A rolling
     * window's row of an earlier minute, read and carried on, is dropped (not all earlier rows: another rolling limit
     * of the same badge keeps its own).
     */
    static void keep(Connection c, Collection<WindowCount> read, List<Earn> inserted) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE badge_window_count SET earns = ?, changes_seen = ?"
                + " WHERE badge_id = ? AND basis = ? AND from_ms = ? AND to_ms = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO badge_window_count"
                     + " (badge_id, basis, from_ms, to_ms, earns, changes_seen) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement dropEarlier = c.prepareStatement("DELETE FROM badge_window_count"
                     + " WHERE badge_id = ? AND basis = ? AND from_ms = ? AND to_ms = ?")) {
            for (WindowCount w : read) {
                CountWindow kept = w.keptWindow();
                long touched = 0;
                long inWindow = 0;
                for (Earn e : inserted) {
                    if (e.badgeId().equals(w.badgeId())) {
                        touched++;
                        if (kept.contains(e.earnEventMs(), e.earnedOnMs())) {
                            inWindow++;
                        }
                    }
                }
                if (w.current() && touched == 0) {
                    continue;
                }
                String basis = kept.basis().name();
                update.setLong(1, w.keptEarns() + inWindow);
                update.setLong(2, w.changes() + touched);
                update.setString(3, w.badgeId());
                update.setString(4, basis);
                update.setLong(5, kept.fromMs());
                update.setLong(6, kept.toMs());
                // the badge's lock is held: nobody else writes its rows between this update and the insert
                if (update.executeUpdate() == 0) {
                    insert.setString(1, w.badgeId());
                    insert.setString(2, basis);
                    insert.setLong(3, kept.fromMs());
                    insert.setLong(4, kept.toMs());
                    insert.setLong(5, w.keptEarns() + inWindow);
                    insert.setLong(6, w.changes() + touched);
                    insert.executeUpdate();
                }
                if (w.replacedFromMs() != null) {
                    dropEarlier.setString(1, w.badgeId());
                    dropEarlier.setString(2, basis);
                    dropEarlier.setLong(3, w.replacedFromMs());
                    dropEarlier.setLong(4, kept.toMs());
                    dropEarlier.executeUpdate();
                }
            }
        }
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
