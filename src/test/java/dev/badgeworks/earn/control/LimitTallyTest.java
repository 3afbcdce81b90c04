package dev.badgeworks.earn.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.CountWindow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A list's limits: which stored counts it reads, and how its own earns count toward them. */
class LimitTallyTest {

    private static final long NOW = BadgeFixture.NOW.toEpochMilli();
    private static final long HOUR = 3_600_000L;

    private final BadgeMeta badge = BadgeFixture.liveEarn().limited(null,
            "[{'constraintType':'BADGE_ROLLING_WINDOW','rollType':'DAYS','rollValue':1,'maxEarnLimit':10}]").stored();
    private final List<CountWindow> read = new ArrayList<>();

    private LimitTally tally(long stored) {
        return new LimitTally(new LimitTally.StoredCounts() {
            @Override
            public long ofBadge(String badgeId, CountWindow window) {
                read.add(window);
                return stored;
            }

            @Override
            public long ofCustomer(String badgeId, String customerId, CountWindow window) {
                throw new AssertionError("no customer limit");
            }
        }, NOW);
    }

    @Test
    void migratedEarnsReadNoCount() {
        LimitTally tally = tally(400_000);
        for (int i = 0; i < 1_000; i++) {
            assertNull(tally.admit(badge, "c-" + i, EarnMode.MIGRATION, NOW - HOUR, NOW - HOUR));
        }
        assertEquals(List.of(), read, "a migrated list is not checked: it needs no count of the window");
    }

    @Test
    void aLimitMetHalfwayRefusesTheEarnsPastItWithOneCount() {
        LimitTally tally = tally(8);
        assertNull(tally.admit(badge, "c-1", EarnMode.LIVE, NOW, NOW));
        assertNull(tally.admit(badge, "c-2", EarnMode.LIVE, NOW, NOW));
        ApiError refused = tally.admit(badge, "c-3", EarnMode.LIVE, NOW, NOW);
        assertEquals(1141, refused.code());
        assertEquals(1, read.size(), "the window counted once for the list");
    }

    @Test
    void migratedEarnsEarlierInTheListCountTowardALaterCheckedEarn() {
        LimitTally tally = tally(8);
        assertNull(tally.admit(badge, "c-1", EarnMode.MIGRATION, NOW - HOUR, NOW - HOUR));
        assertNull(tally.admit(badge, "c-2", EarnMode.MIGRATION, NOW - 2 * 24 * HOUR, NOW - 2 * 24 * HOUR));
        assertNull(tally.admit(badge, "c-3", EarnMode.MIGRATION, NOW - HOUR, NOW - HOUR));
        assertEquals(List.of(), read);
        assertEquals(1141, tally.admit(badge, "c-4", EarnMode.LIVE, NOW, NOW).code(),
                "8 stored and the 2 migrated into the last day: 10, the limit");
        assertEquals(1, read.size());
    }
}
