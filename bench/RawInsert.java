import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's ceiling for single earns: N threads, each committing one single-row INSERT per transaction
 * into badge_earn itself (the migrations' keys and indexes) under an org of its own, for a fixed
 * time. Prints one RESULT line.
 * Usage: java -cp postgresql.jar RawInsert.java JDBC_URL USER PASSWORD THREADS SECONDS BADGE_ID
 */
public class RawInsert {
    public static void main(String[] args) throws Exception {
        String url = args[0], user = args[1], password = args[2];
        int threads = Integer.parseInt(args[3]);
        long seconds = Long.parseLong(args[4]);
        String badge = args[5];
        long ceilingOrg;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            // the product's own table (its migrations' keys and indexes), under an org of its own
            ceilingOrg = ceilingOrg(c);
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
                     PreparedStatement insert = c.prepareStatement("INSERT INTO badge_earn (id, org_id,"
                             + " badge_id, customer_id, request_id, fingerprint, earn_event_ms, earned_on_ms, expires_on_ms,"
                             + " owner_type, owner_reference_id) VALUES (?, ?, ?, ?, ?, 'fingerprint', ?, ?, ?, 'Loyalty', 'bench')")) {
                    c.setAutoCommit(true);
                    while (!stop.get()) {
                        long i = sequence.incrementAndGet();
                        long start = System.nanoTime();
                        insert.setString(1, String.format("%024x", i));
                        insert.setLong(2, ceilingOrg);
                        insert.setString(3, badge);
                        insert.setString(4, Long.toString(i % 100_000));
                        insert.setString(5, "raw-" + i);
                        long now = System.currentTimeMillis();
                        insert.setLong(6, now);
                        insert.setLong(7, now);
                        insert.setLong(8, now + 30L * 86_400_000);
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

    /**
     * An org of the ceiling's own (its rows meet no requestId of the benchmark's orgs); ids far above the sequence's.
     * Repeated in each ceiling program: each runs as one source file (java File.java), which cannot share a class.
     */
    static long ceilingOrg(Connection c) throws java.sql.SQLException {
        long id = System.currentTimeMillis();
        try (java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO org (id, name, created_on_ms) VALUES (" + id + ", 'bench ceiling " + id + "', "
                    + id + ")");
        }
        return id;
    }
}
