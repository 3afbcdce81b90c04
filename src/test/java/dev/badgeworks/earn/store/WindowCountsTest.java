package dev.badgeworks.earn.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.badgeworks.badge.entity.CountWindow;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.earn.entity.Earn;
import dev.badgeworks.earn.store.EarnStore.WindowCount;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kept counts of badge-wide windows against a count of the earns, on the columns they read (H2 in memory): as
 * windows move on, locked earns add to them and changes made without the badge's lock (migrated earns, revocations,
 * moves) come between.
 */
class WindowCountsTest {

    private static final String BADGE = "b1";
    private static final long DAY = 86_400_000L;
    private static final long HOUR = 3_600_000L;
    private static final long START = 1_796_000_000_000L;

    private Connection db;
    private int ids;

    @BeforeEach
    void schema() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:windows-" + UUID.randomUUID());
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE badge_counter (badge_id VARCHAR(24) NOT NULL, stripe INTEGER NOT NULL,"
                    + " earned BIGINT NOT NULL, issued BIGINT NOT NULL, changes BIGINT DEFAULT 0 NOT NULL,"
                    + " PRIMARY KEY (badge_id, stripe))");
            s.execute("INSERT INTO badge_counter (badge_id, stripe, earned, issued) VALUES ('b1', 0, 0, 0),"
                    + " ('b1', 1, 0, 0)");
            s.execute("CREATE TABLE badge_window_count (badge_id VARCHAR(24) NOT NULL, basis VARCHAR(9) NOT NULL,"
                    + " from_ms BIGINT NOT NULL, to_ms BIGINT NOT NULL, earns BIGINT NOT NULL,"
                    + " changes_seen BIGINT NOT NULL, PRIMARY KEY (badge_id, basis, from_ms, to_ms))");
            s.execute("CREATE TABLE badge_earn (id VARCHAR(24) PRIMARY KEY, badge_id VARCHAR(24) NOT NULL,"
                    + " earn_event_ms BIGINT NOT NULL, earned_on_ms BIGINT NOT NULL, revoked_on_ms BIGINT)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    /** Two rolling limits and a fixed window on one badge, every read exact over thousands of random steps. */
    @Test
    void everyCountIsTheEarnsCountWhateverHappensBetweenTheLockedEarns() throws SQLException {
        Random random = new Random(31);
        long now = START;
        int tooManyRows = 0;
        for (int step = 0; step < 3_000; step++) {
            now += random.nextInt(5) == 0 ? random.nextInt(3 * 60_000) : random.nextInt(2_000);
            if (random.nextInt(10) == 0) {
                unlockedChange(random, now);
                continue;
            }
            List<CountWindow> windows = List.of(rolling(now, DAY), rolling(now, HOUR), cycleOf(now));
            List<WindowCount> read = new ArrayList<>();
            for (CountWindow w : windows) {
                WindowCount count = WindowCounts.read(db, BADGE, w);
                assertEquals(counted(w), count.earns(), "step " + step + ", " + w);
                read.add(count);
            }
            List<Earn> made = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                made.add(insert(now, now));
            }
            addChanges(made.size());
            WindowCounts.keep(db, read, made);
            tooManyRows += rollingRows() > 2 ? 1 : 0;
        }
        assertEquals(0, tooManyRows, "each rolling limit keeps one row");
    }

    /** A kept count is used while nothing changed: an earn written behind the store's back is not seen. */
    @Test
    void aKeptCountIsReadNotCountedAgainAndCarriedIntoTheNextMinute() throws SQLException {
        long now = START;
        CountWindow day = rolling(now, DAY);
        WindowCount first = WindowCounts.read(db, BADGE, day);
        Earn made = insert(now, now);
        addChanges(1);
        WindowCounts.keep(db, List.of(first), List.of(made));
        insert(now - 10_000, now - 10_000); // without the changes an earn through the service adds
        assertEquals(1, WindowCounts.read(db, BADGE, rolling(now + 1_000, DAY)).earns(), "the kept count");
        assertEquals(1, WindowCounts.read(db, BADGE, rolling(now + 5 * 60_000, DAY)).earns(),
                "carried five minutes on, less the earns between: still the kept count");
        addChanges(1);
        assertEquals(2, WindowCounts.read(db, BADGE, rolling(now + 5 * 60_000, DAY)).earns(),
                "a change elsewhere: counted again");
    }

    @Test
    void earnsLeaveARollingWindowAsItMovesPastThem() throws SQLException {
        long now = START;
        List<WindowCount> read = List.of(WindowCounts.read(db, BADGE, rolling(now, HOUR)));
        List<Earn> made = List.of(insert(now, now), insert(now, now));
        addChanges(2);
        WindowCounts.keep(db, read, made);
        WindowCount later = WindowCounts.read(db, BADGE, rolling(now + 30 * 60_000, HOUR));
        assertEquals(2, later.earns());
        WindowCounts.keep(db, List.of(later), List.of(insert(now + 30 * 60_000, now + 30 * 60_000)));
        addChanges(1);
        assertEquals(1, WindowCounts.read(db, BADGE, rolling(now + HOUR + 1, HOUR)).earns(), "the first two left");
        assertEquals(1, rollingRows(), "one row for the one rolling limit");
    }

    private void unlockedChange(Random random, long now) throws SQLException {
        switch (random.nextInt(3)) {
            case 0 -> { // a migrated earn: processed when it happened
                long at = now - random.nextLong(2 * DAY);
                insert(at, at);
            }
            case 1 -> { // a revocation
                try (Statement s = db.createStatement()) {
                    s.executeUpdate("UPDATE badge_earn SET revoked_on_ms = " + now + " WHERE id = (SELECT MIN(id)"
                            + " FROM badge_earn WHERE revoked_on_ms IS NULL)");
                }
            }
            default -> { // a move to another event date
                try (Statement s = db.createStatement()) {
                    s.executeUpdate("UPDATE badge_earn SET earn_event_ms = earn_event_ms - " + DAY + " WHERE id ="
                            + " (SELECT MAX(id) FROM badge_earn)");
                }
            }
        }
        addChanges(1);
    }

    private static CountWindow rolling(long now, long length) {
        return new CountWindow(CountWindow.Basis.EARNED_ON, now - length + 1, Long.MAX_VALUE);
    }

    private static CountWindow cycleOf(long now) {
        long start = Math.floorDiv(now, DAY) * DAY;
        return new CountWindow(CountWindow.Basis.EVENT, start, start + DAY - 1);
    }

    private Earn insert(long eventMs, long earnedOnMs) throws SQLException {
        String id = String.format("e%09d", ids++);
        try (PreparedStatement s = db.prepareStatement(
                "INSERT INTO badge_earn (id, badge_id, earn_event_ms, earned_on_ms) VALUES (?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, BADGE);
            s.setLong(3, eventMs);
            s.setLong(4, earnedOnMs);
            s.executeUpdate();
        }
        return new Earn(id, 1, BADGE, "c", null, id, "f", eventMs, earnedOnMs, eventMs + DAY, OwnerType.Loyalty, "r");
    }

    private void addChanges(int n) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeUpdate("UPDATE badge_counter SET changes = changes + " + n + " WHERE stripe = " + (ids % 2));
        }
    }

    private long counted(CountWindow w) throws SQLException {
        return LimitLocks.countActiveEarns(db, BADGE, w);
    }

    private long rollingRows() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM badge_window_count"
                + " WHERE basis = 'EARNED_ON'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
