import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * The database's ceiling for an import: the very rows the import earns (the good, distinct rows of the same
 * generated CSV), written with plain JDBC batch inserts committed every BATCH rows like the import's chunks, into
 * badge_earn itself (the migrations' columns, keys and indexes) under an org of its own. No rules, no
 * parsing beyond a split, no application server: what the database alone can take.
 * Usage: java -cp DRIVER.jar BatchInsert.java JDBC_URL USER PASSWORD CSV_FILE BATCH
 */
public class BatchInsert {
    public static void main(String[] args) throws Exception {
        String url = args[0], user = args[1], password = args[2];
        Path csv = Path.of(args[3]);
        int batch = Integer.parseInt(args[4]);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            // the product's own table (its migrations' keys and indexes), under an org of its own
            long ceilingOrg = ceilingOrg(c);
            c.setAutoCommit(false);
            Random random = new Random(7);
            Set<String> seen = new HashSet<>();
            long rows = 0;
            long start = System.nanoTime();
            try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                 PreparedStatement insert = c.prepareStatement("INSERT INTO badge_earn (id, org_id, badge_id,"
                    + " customer_id, enrolment_id, request_id, fingerprint, earn_event_ms, earned_on_ms, expires_on_ms,"
                    + " owner_type, owner_reference_id, revoked_on_ms, import_id, import_line)"
                    + " VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, NULL, 'bench0000000000000000000', ?)")) {
                in.readLine();
                long now = System.currentTimeMillis();
                String line;
                while ((line = in.readLine()) != null) {
                    String[] f = line.split(",", -1);
                    if (f.length != 6 || f[2].isEmpty() || !f[4].equals("Loyalty") || !f[3].matches("\\d+")
                            || !seen.add(f[0])) {
                        continue;
                    }
                    insert.setString(1, String.format("%08x%016x", now / 1000, random.nextLong()));
                    insert.setLong(2, ceilingOrg);
                    insert.setString(3, f[1]);
                    insert.setString(4, f[2]);
                    insert.setString(5, f[0]);
                    insert.setString(6, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
                    insert.setLong(7, Long.parseLong(f[3]));
                    insert.setLong(8, now);
                    insert.setLong(9, now + 365L * 86_400_000);
                    insert.setString(10, f[4]);
                    insert.setString(11, f[5]);
                    insert.setLong(12, rows + 2);
                    insert.addBatch();
                    if (++rows % batch == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("CEILING rows=%d seconds=%.1f rows_per_s=%.0f%n", rows, seconds, rows / seconds);
        }
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
