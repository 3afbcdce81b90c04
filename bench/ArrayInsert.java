import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * PostgreSQL's ceiling for what an import must write (issue 12): the good, distinct rows of the generated CSV as
 * earns AND their customers' standing rows, a transaction per CHUNK rows, each as one statement over column arrays
 * (unnest) — the fastest of batch inserts, COPY and arrays measured here — into copies of badge_earn and
 * customer_badge (same columns, keys and indexes; like them, no foreign keys since migration 23). No reading beyond
 * a split, no rules, no server.
 * Usage: java -cp postgresql.jar ArrayInsert.java JDBC_URL USER PASSWORD CSV_FILE CHUNK ORG_ID
 */
public class ArrayInsert {
    record Row(String requestId, String badge, String customer, long event, String reference, long line) {}

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[3]);
        int chunk = Integer.parseInt(args[4]);
        long org = Long.parseLong(args[5]);
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_array_earn");
                s.execute("DROP TABLE IF EXISTS bench_array_standing");
                s.execute("CREATE TABLE bench_array_earn (LIKE badge_earn INCLUDING ALL)");
                s.execute("CREATE TABLE bench_array_standing (LIKE customer_badge INCLUDING ALL)");
            }
            c.setAutoCommit(false);
            Random random = new Random(7);
            Set<String> seen = new HashSet<>();
            List<Row> rows = new ArrayList<>(chunk);
            long written = 0;
            long now = System.currentTimeMillis();
            long start = System.nanoTime();
            try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                 PreparedStatement earns = c.prepareStatement("INSERT INTO bench_array_earn (id, org_id, badge_id,"
                    + " customer_id, request_id, fingerprint, earn_event_ms, earned_on_ms, expires_on_ms, owner_type,"
                    + " owner_reference_id, import_id, import_line) SELECT i, ?, b, cu, rq,"
                    + " '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', ev, ?, ?, 'LOYALTY', rf,"
                    + " 'bench0000000000000000000', ln FROM unnest(?::varchar[], ?::varchar[], ?::varchar[],"
                    + " ?::varchar[], ?::bigint[], ?::varchar[], ?::bigint[]) AS u (i, b, cu, rq, ev, rf, ln)");
                 PreparedStatement standing = c.prepareStatement("INSERT INTO bench_array_standing (customer_id,"
                    + " badge_id, earned, last_earned_on_ms, last_event_ms, last_expires_on_ms) SELECT * FROM"
                    + " unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])"
                    + " ON CONFLICT (customer_id, badge_id) DO UPDATE SET"
                    + " earned = bench_array_standing.earned + EXCLUDED.earned,"
                    + " last_event_ms = GREATEST(bench_array_standing.last_event_ms, EXCLUDED.last_event_ms)")) {
                in.readLine();
                String line;
                long number = 1;
                while ((line = in.readLine()) != null) {
                    number++;
                    String[] f = line.split(",", -1);
                    if (f.length != 6 || f[2].isEmpty() || !f[4].equals("Loyalty") || !f[3].matches("\\d+")
                            || !seen.add(f[0])) {
                        continue;
                    }
                    rows.add(new Row(f[0], f[1], f[2], Long.parseLong(f[3]), f[5], number));
                    if (rows.size() == chunk) {
                        written += write(c, earns, standing, rows, org, now, random);
                    }
                }
                written += write(c, earns, standing, rows, org, now, random);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("DB_CEILING rows=%d seconds=%.1f rows_per_s=%.0f%n", written, seconds, written / seconds);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_array_earn");
                s.execute("DROP TABLE bench_array_standing");
            }
            c.commit();
        }
    }

    private static int write(Connection c, PreparedStatement earns, PreparedStatement standing, List<Row> rows,
                             long org, long now, Random random) throws Exception {
        int n = rows.size();
        if (n == 0) {
            return 0;
        }
        // typed arrays, which the driver sends in binary form, as the service binds its column arrays
        String[] id = new String[n], badge = new String[n], customer = new String[n], request = new String[n],
                reference = new String[n];
        Long[] event = new Long[n], line = new Long[n];
        Map<String, long[]> perCustomer = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            id[i] = String.format("%08x%016x", now / 1000, random.nextLong());
            badge[i] = r.badge();
            customer[i] = r.customer();
            request[i] = r.requestId();
            event[i] = r.event();
            reference[i] = r.reference();
            line[i] = r.line();
            long[] s = perCustomer.computeIfAbsent(r.customer() + '\t' + r.badge(), k -> new long[] {0, 0});
            s[0]++;
            s[1] = Math.max(s[1], r.event());
        }
        earns.setLong(1, org);
        earns.setLong(2, now);
        earns.setLong(3, now + 365L * 86_400_000);
        Object[] columns = {id, badge, customer, request, event, reference, line};
        for (int k = 0; k < columns.length; k++) {
            earns.setObject(4 + k, columns[k]);
        }
        earns.executeUpdate();
        int m = perCustomer.size(), i = 0;
        String[] sc = new String[m], sb = new String[m];
        Long[] count = new Long[m], last = new Long[m], ev = new Long[m], expires = new Long[m];
        for (Map.Entry<String, long[]> e : perCustomer.entrySet()) {
            String[] key = e.getKey().split("\t");
            sc[i] = key[0];
            sb[i] = key[1];
            count[i] = e.getValue()[0];
            last[i] = now;
            ev[i] = e.getValue()[1];
            expires[i++] = now + 365L * 86_400_000;
        }
        Object[] standingColumns = {sc, sb, count, last, ev, expires};
        for (int k = 0; k < standingColumns.length; k++) {
            standing.setObject(1 + k, standingColumns[k]);
        }
        standing.executeUpdate();
        c.commit();
        rows.clear();
        return n;
    }
}
