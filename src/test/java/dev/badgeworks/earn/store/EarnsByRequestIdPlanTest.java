package dev.badgeworks.earn.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The requestId look-up of every earn list on H2, the default database, on the key migration V4 gives
 * {@code badge_earn} (the unique {@code (request_id, org_id)}; V23 dropped the org foreign key, which H2 indexed): it
 * must read the rows it asks for, not every earn of the table.
 */
class EarnsByRequestIdPlanTest {

    @Test
    void h2LooksEachRequestIdUpInsteadOfReadingEveryEarn() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:requests-" + UUID.randomUUID())) {
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE badge_earn (id VARCHAR(24) PRIMARY KEY, org_id BIGINT NOT NULL,"
                        + " request_id VARCHAR(64) NOT NULL,"
                        + " CONSTRAINT uq_earn_request UNIQUE (request_id, org_id))");
                s.execute("INSERT INTO badge_earn SELECT 'e' || x, 1 + MOD(x, 2), 'r' || x FROM SYSTEM_RANGE(1, 20000)");
            }
            String[] asked = new String[100];
            for (int i = 0; i < asked.length; i++) {
                asked[i] = "r" + (i * 7 + 1); // odd numbers: org 2's, even ones org 1's
            }
            try (PreparedStatement p = db.prepareStatement(JpaEarnStore.EARNS_BY_REQUEST_ID)) {
                p.setArray(1, db.createArrayOf("VARCHAR", asked));
                p.setLong(2, 1);
                int found = 0;
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        assertEquals(1, rs.getLong("org_id"));
                        found++;
                    }
                }
                assertEquals(50, found, "org 1's earns of the requestIds asked for");
            }
            try (PreparedStatement p = db.prepareStatement("EXPLAIN ANALYZE " + JpaEarnStore.EARNS_BY_REQUEST_ID)) {
                p.setArray(1, db.createArrayOf("VARCHAR", asked));
                p.setLong(2, 1);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    String plan = rs.getString(1);
                    Matcher scans = Pattern.compile("scanCount: (\\d+)").matcher(plan);
                    while (scans.find()) {
                        assertTrue(Long.parseLong(scans.group(1)) <= 2L * asked.length, plan);
                    }
                }
            }
        }
    }
}
