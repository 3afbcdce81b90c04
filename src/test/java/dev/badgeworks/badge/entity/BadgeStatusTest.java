package dev.badgeworks.badge.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadgeStatusTest {

    private static final long START = 1_000_000;
    private static final long END = 2_000_000;

    @ParameterizedTest
    @CsvSource({
            "0,       UPCOMING",
            "999999,  UPCOMING",
            "1000000, LIVE",
            "1500000, LIVE",
            "2000000, LIVE",
            "2000001, EXPIRED"})
    void bothWindowEndsAreInclusive(long now, BadgeStatus expected) {
        assertEquals(expected, BadgeStatus.at(START, END, now));
    }

    /** The status rule in a query says what {@link BadgeStatus#at} says, at both ends of the window and between. */
    @Test
    void theQueryConditionAgreesWithTheRuleForEverySetOfStatuses() throws Exception {
        long start = 1_000;
        long expires = 2_000;
        List<Long> moments = List.of(0L, 999L, 1_000L, 1_500L, 2_000L, 2_001L, 9_999L);
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:status")) {
            for (Set<BadgeStatus> statuses : List.of(EnumSet.of(BadgeStatus.UPCOMING), EnumSet.of(BadgeStatus.LIVE),
                    EnumSet.of(BadgeStatus.EXPIRED), EnumSet.of(BadgeStatus.UPCOMING, BadgeStatus.EXPIRED),
                    EnumSet.of(BadgeStatus.LIVE, BadgeStatus.EXPIRED))) {
                BadgeStatus.Condition condition = BadgeStatus.anyOf(statuses, "s", "e", "?");
                try (PreparedStatement query = db.prepareStatement("SELECT CASE WHEN " + condition.text()
                        + " THEN TRUE ELSE FALSE END FROM (SELECT CAST(? AS BIGINT) s, CAST(? AS BIGINT) e) w")) {
                    for (long now : moments) {
                        for (int i = 1; i <= condition.nowParameters(); i++) {
                            query.setLong(i, now);
                        }
                        query.setLong(condition.nowParameters() + 1, start);
                        query.setLong(condition.nowParameters() + 2, expires);
                        try (ResultSet rs = query.executeQuery()) {
                            rs.next();
                            assertEquals(statuses.contains(BadgeStatus.at(start, expires, now)), rs.getBoolean(1),
                                    statuses + " at " + now + ": " + condition.text());
                        }
                    }
                }
            }
        }
    }
}
