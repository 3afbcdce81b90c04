import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's ceiling for single earns: N threads, each committing one single-row INSERT per transaction
 * into a table shaped like badge_earn (same columns, same unique key), for a fixed time. Prints one RESULT line.
 * Usage: java -cp postgresql.jar RawInsert.java JDBC_URL USER PASSWORD THREADS SECONDS
 */
public class RawInsert {
    public static void main(String[] args) throws Exception {
        String url = args[0], user = args[1], password = args[2];
        int threads = Integer.parseInt(args[3]);
        long seconds = Long.parseLong(args[4]);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_raw_earn");
            s.execute("CREATE TABLE bench_raw_earn (id VARCHAR(24) PRIMARY KEY, org_id BIGINT NOT NULL,"
                    + " badge_id VARCHAR(24) NOT NULL, customer_id VARCHAR(100) NOT NULL, enrolment_id VARCHAR(24),"
                    + " request_id VARCHAR(200) NOT NULL, fingerprint VARCHAR(64) NOT NULL, earn_event_ms BIGINT NOT NULL,"
                    + " earned_on_ms BIGINT NOT NULL, expires_on_ms BIGINT NOT NULL, owner_type VARCHAR(40) NOT NULL,"
                    + " owner_reference_id VARCHAR(255) NOT NULL, revoked_on_ms BIGINT,"
                    + " CONSTRAINT uq_bench_raw_request UNIQUE (org_id, request_id))");
            s.execute("CREATE INDEX ix_bench_raw_customer_badge ON bench_raw_earn (customer_id, badge_id)");
            s.execute("CREATE INDEX ix_bench_raw_badge_event ON bench_raw_earn (badge_id, earn_event_ms)");
            s.execute("CREATE INDEX ix_bench_raw_badge_earned_on ON bench_raw_earn (badge_id, earned_on_ms)");
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong sequence = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[200_000];
            latencies.add(mine);
            Thread worker = new Thread(() -> {
                int n = 0;
                try (Connection c = DriverManager.getConnection(url, user, password);
                     PreparedStatement insert = c.prepareStatement("INSERT INTO bench_raw_earn VALUES"
                             + " (?, 1, 'badge0000000000000000000', ?, NULL, ?, 'fingerprint', ?, ?, ?, 'Loyalty', 'bench', NULL)")) {
                    c.setAutoCommit(true);
                    while (!stop.get()) {
                        long i = sequence.incrementAndGet();
                        long start = System.nanoTime();
                        insert.setString(1, String.format("%024x", i));
                        insert.setString(2, Long.toString(i % 100_000));
                        insert.setString(3, "raw-" + i);
                        long now = System.currentTimeMillis();
                        insert.setLong(4, now);
                        insert.setLong(5, now);
                        insert.setLong(6, now + 30L * 86_400_000);
                        insert.executeUpdate();
                        if (n < mine.length) {
                            mine[n++] = System.nanoTime() - start;
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                mine[mine.length - 1] = n;
            });
            workers.add(worker);
        }
        long begin = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(seconds * 1000);
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        long total = 0;
        List<Long> all = new ArrayList<>();
        for (long[] mine : latencies) {
            int n = (int) mine[mine.length - 1];
            total += n;
            for (int i = 0; i < n; i++) {
                all.add(mine[i]);
            }
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        System.out.printf("RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=0 non2xx=0%n", total, total / elapsed,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
    }
}
