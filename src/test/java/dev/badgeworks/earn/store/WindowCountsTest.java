package dev.badgeworks.earn.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        int cycleCounted = 0;
        int cycleLeftBehind = 1; // the first read
        for (int step = 0; step < 3_000; step++) {
            long before = now;
            now += random.nextInt(5) == 0 ? random.nextInt(3 * 60_000) : random.nextInt(2_000);
            cycleLeftBehind += cycleOf(before).equals(cycleOf(now)) ? 0 : 1;
            if (random.nextInt(10) == 0) {
                cycleLeftBehind += unlockedChange(random, now) ? 0 : 1;
                continue;
            }
            List<CountWindow> windows = List.of(rolling(now, DAY), rolling(now, HOUR), cycleOf(now));
            List<WindowCount> read = new ArrayList<>();
            for (CountWindow w : windows) {
                WindowCount count = WindowCounts.read(db, BADGE, w);
                assertEquals(counted(w), count.earns(), "step " + step + ", " + w);
                read.add(count);
                cycleCounted += w.basis() == CountWindow.Basis.EVENT && !count.current() ? 1 : 0;
            }
            List<Earn> made = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                made.add(insert(now, now));
            }
            addChanges(made.size());
            WindowCounts.keep(db, read, made(made), now);
            tooManyRows += rollingRows() > 2 ? 1 : 0;
        }
        assertEquals(0, tooManyRows, "each rolling limit keeps one row");
        assertTrue(cycleCounted <= cycleLeftBehind, "the cycle was counted " + cycleCounted + " times; only "
                + cycleLeftBehind + " changes or new cycles left its kept count behind");
    }

    /**
     * A revocation and migrated earns, in and out of the windows, add to the kept counts, which stay in use: an earn
     * written behind the store's back afterwards is not seen, so nothing was counted again.
     */
    @Test
    void revocationsAndMigrationsWithoutTheLockKeepTheKeptCountsInUse() throws SQLException {
        long now = START + 12 * HOUR;
        CountWindow cycle = cycleOf(now);
        CountWindow day = rolling(now, DAY);
        List<WindowCount> read = List.of(WindowCounts.read(db, BADGE, cycle), WindowCounts.read(db, BADGE, day));
        List<Earn> made = List.of(insert(now, now), insert(now, now), insert(now, now));
        addChanges(3);
        WindowCounts.keep(db, read, made(made), now);

        try (Statement s = db.createStatement()) {
            s.executeUpdate("UPDATE badge_earn SET revoked_on_ms = " + now + " WHERE id = '" + made.get(0).id() + "'");
        }
        addChanges(1);
        WindowCounts.keep(db, List.of(), List.of(WindowCounts.EarnChange.revoked(made.get(0))), now);
        List<WindowCounts.EarnChange> migrated = made(List.of(insert(now - HOUR, now - HOUR),
                insert(now - 2 * DAY, now - 2 * DAY), insert(now - 13 * HOUR, now - 13 * HOUR)));
        addChanges(3);
        WindowCounts.keep(db, List.of(), migrated, now);
        insert(now, now); // without the changes an earn through the service adds

        WindowCount cycleNow = WindowCounts.read(db, BADGE, cycle);
        assertEquals(3, cycleNow.earns(), "two of the three made, one migrated into the day's cycle");
        assertTrue(cycleNow.current(), "the kept count, not counted again");
        WindowCount dayNow = WindowCounts.read(db, BADGE, rolling(now + 1, DAY));
        assertEquals(4, dayNow.earns(), "and the one of 13 hours ago in the last 24 hours");
        assertTrue(dayNow.current());
    }

    /** A revocation committed after a locked earn read the kept count, before it wrote it: counted in both. */
    @Test
    void aRevocationBetweenALockedReadAndItsWriteStaysCounted() throws SQLException {
        long now = START + 12 * HOUR;
        CountWindow cycle = cycleOf(now);
        WindowCount first = WindowCounts.read(db, BADGE, cycle);
        List<Earn> made = List.of(insert(now, now), insert(now, now));
        addChanges(2);
        WindowCounts.keep(db, List.of(first), made(made), now);

        WindowCount locked = WindowCounts.read(db, BADGE, cycle);
        try (Statement s = db.createStatement()) {
            s.executeUpdate("UPDATE badge_earn SET revoked_on_ms = " + now + " WHERE id = '" + made.get(0).id() + "'");
        }
        addChanges(1);
        WindowCounts.keep(db, List.of(), List.of(WindowCounts.EarnChange.revoked(made.get(0))), now);
        Earn third = insert(now, now);
        addChanges(1);
        WindowCounts.keep(db, List.of(locked), made(List.of(third)), now);

        WindowCount after = WindowCounts.read(db, BADGE, cycle);
        assertEquals(2, after.earns());
        assertTrue(after.current(), "still the kept count");
    }

    /** A kept count is used while nothing changed: an earn written behind the store's back is not seen. */
    @Test
    void aKeptCountIsReadNotCountedAgainAndCarriedIntoTheNextMinute() throws SQLException {
        long now = START;
        CountWindow day = rolling(now, DAY);
        WindowCount first = WindowCounts.read(db, BADGE, day);
        Earn made = insert(now, now);
        addChanges(1);
        WindowCounts.keep(db, List.of(first), made(List.of(made)), now);
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
        WindowCounts.keep(db, read, made(made), now);
        WindowCount later = WindowCounts.read(db, BADGE, rolling(now + 30 * 60_000, HOUR));
        assertEquals(2, later.earns());
        WindowCounts.keep(db, List.of(later), made(List.of(insert(now + 30 * 60_000, now + 30 * 60_000))),
                now + 30 * 60_000);
        addChanges(1);
        assertEquals(1, WindowCounts.read(db, BADGE, rolling(now + HOUR + 1, HOUR)).earns(), "the first two left");
        assertEquals(1, rollingRows(), "one row for the one rolling limit");
    }

    /**
     * A change made without the badge's lock: a migrated earn, a revocation or a move. Migrations and revocations add
     * to the kept counts, except one in four, as a change committed while a locked earn was between its read and its
     * write would; a move does not. Answers whether the change was added to the kept counts.
     */
    private boolean unlockedChange(Random random, long now) throws SQLException {
        List<WindowCounts.EarnChange> written = new ArrayList<>();
        switch (random.nextInt(3)) {
            case 0 -> { // a migrated earn: processed when it happened
                long at = now - random.nextLong(2 * DAY);
                written.add(WindowCounts.EarnChange.made(insert(at, at)));
            }
            case 1 -> { // a revocation
                Earn earn = firstActive();
                if (earn != null) {
                    try (Statement s = db.createStatement()) {
                        s.executeUpdate("UPDATE badge_earn SET revoked_on_ms = " + now + " WHERE id = '" + earn.id()
                                + "'");
                    }
                    written.add(WindowCounts.EarnChange.revoked(earn));
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
        boolean added = !written.isEmpty() && random.nextInt(4) > 0;
        if (added) {
            WindowCounts.keep(db, List.of(), written, now);
        }
        return added;
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

    private Earn firstActive() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT id, earn_event_ms, earned_on_ms"
                + " FROM badge_earn WHERE revoked_on_ms IS NULL ORDER BY id FETCH FIRST 1 ROW ONLY")) {
            return rs.next() ? new Earn(rs.getString(1), 1, BADGE, "c", null, rs.getString(1), "f", rs.getLong(2),
                    rs.getLong(3), rs.getLong(2) + DAY, OwnerType.Loyalty, "r") : null;
        }
    }

    private static List<WindowCounts.EarnChange> made(List<Earn> earns) {
        return earns.stream().map(WindowCounts.EarnChange::made).toList();
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
