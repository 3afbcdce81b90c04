import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The database's ceiling for imports: plain JDBC batch inserts of N rows, committed every BATCH rows like the
 * import's chunks, into a table of the same shape as badge_earn (same columns, keys, indexes and foreign keys).
 * Usage: java -cp DRIVER.jar BatchInsert.java JDBC_URL USER PASSWORD ROWS BATCH ORG_ID BADGE_ID
 */
public class BatchInsert {
    public static void main(String[] args) throws Exception {
        String url = args[0], user = args[1], password = args[2];
        long rows = Long.parseLong(args[3]);
        int batch = Integer.parseInt(args[4]);
        long org = Long.parseLong(args[5]);
        String badge = args[6];
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_batch_earn");
                s.execute("CREATE TABLE bench_batch_earn (id VARCHAR(24) NOT NULL PRIMARY KEY,"
                        + " org_id BIGINT NOT NULL REFERENCES org (id), badge_id VARCHAR(24) NOT NULL REFERENCES badge_meta (id),"
                        + " customer_id VARCHAR(100) NOT NULL, enrolment_id VARCHAR(24), request_id VARCHAR(200) NOT NULL,"
                        + " fingerprint VARCHAR(64) NOT NULL, earn_event_ms BIGINT NOT NULL, earned_on_ms BIGINT NOT NULL,"
                        + " expires_on_ms BIGINT NOT NULL, owner_type VARCHAR(40) NOT NULL,"
                        + " owner_reference_id VARCHAR(255) NOT NULL, revoked_on_ms BIGINT,"
                        + " CONSTRAINT uq_bench_batch_request UNIQUE (request_id, org_id))");
                s.execute("CREATE INDEX ix_bench_batch_badge_customer ON bench_batch_earn (badge_id, customer_id)");
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_batch_earn (id, org_id, badge_id,"
                    + " customer_id, enrolment_id, request_id, fingerprint, earn_event_ms, earned_on_ms, expires_on_ms,"
                    + " owner_type, owner_reference_id, revoked_on_ms) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, 'Loyalty', 'bench', NULL)")) {
                long now = System.currentTimeMillis();
                for (long i = 1; i <= rows; i++) {
                    insert.setString(1, String.format("%08x%016x", now / 1000, i * 0x9E3779B97F4A7C15L));
                    insert.setLong(2, org);
                    insert.setString(3, badge);
                    insert.setString(4, Long.toString(i % 1_000_000));
                    insert.setString(5, "g-" + i);
                    insert.setString(6, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
                    insert.setLong(7, now - i);
                    insert.setLong(8, now);
                    insert.setLong(9, now + 30L * 86_400_000);
                    insert.addBatch();
                    if (i % batch == 0 || i == rows) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("CEILING rows=%d seconds=%.1f rows_per_s=%.0f%n", rows, seconds, rows / seconds);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_batch_earn");
            }
        }
    }
}
