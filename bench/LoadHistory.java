import dev.badgeworks.activity.control.Activity;
import dev.badgeworks.activity.control.ActivityCommand;
import dev.badgeworks.activity.control.ActivityReader;
import dev.badgeworks.activity.control.RuleJson;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.earn.control.EarnCommand;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills a Badgeworks database with years of history, fast and without the API (issue 31): earns rows {@code from}
 * to {@code to} of one deterministic sequence, so a database grows stage by stage (0 → 10M → 100M) and every stage
 * holds exactly the rows a single load of its size would. Row g is decided by g and the seed alone.
 *
 * <p>What the service would have written: each earn is a live earn processed when it happened (its fingerprint is
 * the service's own, {@link EarnCommand#fingerprint()} on the product's classes, so a client repeating a stored
 * requestId is answered as a repeat), expiring 365 days after (the badges' earnedBadgeExpiry); 1 % revoked a day
 * later; each customer's standing row (customer_badge) and each badge's counters recomputed from the earns; the
 * enrolments of ISSUE_EARN badges; delivered events and bulk request logs for the last 7 days (what a 7-day
 * retention keeps). Orgs, badges, claims and webhooks come from the API before the load (the {@code badges} file).
 * Activities ({@code --activities}): purchases of the heavy org's customers, stored as a nightly file stores them
 * (no rule read them then; rules made later replay them), with the customers' activity rows recounted from them.
 *
 * <p>PostgreSQL: the rows go in with COPY while badge_earn's keys and indexes are dropped, then rebuilt exactly as
 * the migrations defined them (read back from the catalogue first). H2: JDBC batches into the indexed tables (tests
 * and small loads). Nothing else may write meanwhile.
 *
 * <p>Usage: java -cp target/classes:target/runtime/*.jar (drivers, jakarta.json-api, parsson) bench/LoadHistory.java
 * JDBC_URL USER PASSWORD BADGES_FILE CUSTOMERS FROM TO NOW_MS [SEED]. BADGES_FILE: lines "orgId badgeId EARN|ISSUE
 * webhookId|-", the heavy org's first (60 % of the rows and of the customers). Activities: the same arguments after
 * {@code --activities}, FROM and TO counting activities, then [ACTIVITY_CUSTOMERS] (the heavy org's first so many buy).
 */
public class LoadHistory {

    static final long DAY = Duration.ofDays(1).toMillis();
    static final long HISTORY = 3 * 365 * DAY;
    static final long RETENTION = 7 * DAY;
    static final String OWNER = "Loyalty";
    static final String REFERENCE = "history";

    record Org(long id, List<String> earnBadges, List<String> issueBadges, String webhook, long firstCustomer,
               long customers) {
    }

    record Row(long g, Org org, String id, String badge, String customer, String requestId, String fingerprint,
               long eventMs, long earnedOnMs, long expiresOnMs, Long revokedOnMs) {
    }

    /** A purchase of the heavy org's customer, as the night's file that brought it stored it (no answer). */
    record ActivityRow(long a, String customer, Activity activity, String fingerprint, long receivedMs) {
    }

    static final String ACTIVITY = "TransactionAdd";
    static final String ACTIVITY_IMPORT = "history";

    final List<Org> orgs = new ArrayList<>();
    /** The bulk request being gathered: the recent earns of the current 1,000 rows. */
    private final StringBuilder bulk = new StringBuilder();
    private long bulkOrg;
    private long bulkMs;
    final long nowMs;
    final long seed;
    /** The heavy org's customers with purchases: its first so many (all, unless told). */
    long activityCustomers;

    LoadHistory(Path badgesFile, long customers, long nowMs, long seed) throws IOException {
        this.nowMs = nowMs;
        this.seed = seed;
        Map<Long, List<String[]>> byOrg = new LinkedHashMap<>();
        for (String line : Files.readAllLines(badgesFile)) {
            if (!line.isBlank()) {
                String[] f = line.trim().split("\\s+");
                byOrg.computeIfAbsent(Long.parseLong(f[0]), k -> new ArrayList<>()).add(f);
            }
        }
        long heavy = customers * 6 / 10;
        activityCustomers = heavy;
        long each = (customers - heavy) / Math.max(1, byOrg.size() - 1);
        long first = 0;
        for (var e : byOrg.entrySet()) {
            List<String> earn = new ArrayList<>();
            List<String> issue = new ArrayList<>();
            String webhook = null;
            for (String[] f : e.getValue()) {
                (f[2].equals("ISSUE") ? issue : earn).add(f[1]);
                webhook = f.length > 3 && !f[3].equals("-") ? f[3] : webhook;
            }
            long n = orgs.isEmpty() ? heavy : each;
            orgs.add(new Org(e.getKey(), earn, issue, webhook, first, n));
            first += n;
        }
    }

    /** Row g: 60 % in the heavy org; 2 % on the org's 100 heaviest customers; popular badges earned more. */
    Row row(long g) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + g);
        Org org = r.nextDouble() < 0.6 || orgs.size() == 1 ? orgs.get(0) : orgs.get(1 + r.nextInt(orgs.size() - 1));
        long index = r.nextDouble() < 0.02 ? r.nextLong(Math.min(100, org.customers()))
                : r.nextLong(org.customers());
        String customer = "m" + (org.firstCustomer() + index);
        double u = r.nextDouble();
        String badge = org.earnBadges().get((int) (org.earnBadges().size() * u * u));
        long eventMs = nowMs - 60_000 - r.nextLong(HISTORY);
        long earnedOnMs = eventMs + r.nextLong(5_000);
        long expiresOnMs = earnedOnMs + 365 * DAY;
        Long revokedOnMs = r.nextInt(100) == 0 && earnedOnMs + DAY < nowMs ? earnedOnMs + DAY : null;
        String requestId = "h" + g;
        String fingerprint = EarnCommand.live(badge, customer, requestId, Instant.ofEpochMilli(eventMs),
                OwnerType.Loyalty, REFERENCE).fingerprint();
        return new Row(g, org, id(earnedOnMs, r), badge, customer, requestId, fingerprint, eventMs, earnedOnMs,
                expiresOnMs, revokedOnMs);
    }

    /**
     * Activity a: a purchase by one of the heavy org's first {@code activityCustomers} (2 % by its 100 heaviest) at a
     * random time of the history, its attributes text as a file's columns are; fingerprinted by the service's code.
     */
    ActivityRow activity(long a) {
        SplittableRandom r = new SplittableRandom(seed * 0xBF58476D1CE4E5B9L + a);
        Org org = orgs.get(0);
        long index = r.nextDouble() < 0.02 ? r.nextLong(Math.min(100, activityCustomers))
                : r.nextLong(activityCustomers);
        String customer = "m" + (org.firstCustomer() + index);
        long eventMs = nowMs - 60_000 - r.nextLong(HISTORY);
        Activity activity = new Activity("a" + a, customer, ACTIVITY, Instant.ofEpochMilli(eventMs),
                Map.of("amount", r.nextInt(150) + "." + r.nextInt(10), "storeId", "S" + r.nextInt(40)));
        String fingerprint = new ActivityCommand(activity, true, false,
                new ActivityCommand.Origin(ACTIVITY_IMPORT, a + 2)).fingerprint();
        return new ActivityRow(a, customer, activity, fingerprint, eventMs + r.nextLong(60_000));
    }

    /** As the service's ids: 4 bytes of seconds (here the earn's processing time), then 8 random bytes. */
    static String id(long ms, SplittableRandom r) {
        long seconds = ms / 1000;
        return hex(seconds & 0xFFFFFFFFL, 8) + hex(r.nextLong(), 16);
    }

    static String hex(long value, int digits) {
        String text = Long.toHexString(value);
        return text.length() >= digits ? text.substring(text.length() - digits) : "0".repeat(digits - text.length()) + text;
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--activities")) {
            activities(args);
            return;
        }
        if (args[0].equals("--file")) {
            new LoadHistory(Path.of(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3]), 42)
                    .importFile(Path.of(args[4]), Long.parseLong(args[5]), Long.parseLong(args[6]),
                            Long.parseLong(args[7]));
            return;
        }
        String url = args[0];
        LoadHistory load = new LoadHistory(Path.of(args[3]), Long.parseLong(args[4]), Long.parseLong(args[7]),
                args.length > 8 ? Long.parseLong(args[8]) : 42);
        long from = Long.parseLong(args[5]);
        long to = Long.parseLong(args[6]);
        try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
            boolean postgres = url.startsWith("jdbc:postgresql:");
            long started = System.nanoTime();
            // FROM = TO adds no earn: the standings and counters are recomputed only (a stage cut short after them)
            if (to > from && postgres) {
                load.copyPostgres(c, from, to);
            } else if (to > from) {
                load.batchH2(c, from, to);
            }
            long earnsDone = System.nanoTime();
            // once per database, whichever stage comes first (a stage run again after a failure finds them made)
            if (count(c, "SELECT COUNT(*) FROM badge_earn WHERE customer_id = 'ref-heavy'") == 0) {
                load.referenceCustomers(c);
            }
            if (to > 0 && count(c, "SELECT COUNT(*) FROM badge_enrolment") == 0) {
                load.enrolments(c);
            }
            load.standingsAndCounters(c, postgres);
            if (postgres) {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE");
                }
            }
            System.out.printf("LOADED earns %d..%d: %.0f s for the earns (%.0f rows/s), %.0f s in all%n", from, to,
                    (earnsDone - started) / 1e9, (to - from) / ((earnsDone - started) / 1e9),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** Activities FROM..TO (after --activities, the arguments of an earn stage), then the customers' rows. */
    static void activities(String[] args) throws Exception {
        String url = args[1];
        LoadHistory load = new LoadHistory(Path.of(args[4]), Long.parseLong(args[5]), Long.parseLong(args[8]), 42);
        long from = Long.parseLong(args[6]);
        long to = Long.parseLong(args[7]);
        if (args.length > 9) {
            load.activityCustomers = Math.min(load.activityCustomers, Long.parseLong(args[9]));
        }
        try (Connection c = DriverManager.getConnection(url, args[2], args[3])) {
            long started = System.nanoTime();
            boolean postgres = url.startsWith("jdbc:postgresql:");
            if (postgres) {
                load.copyActivities(c, from, to);
            } else {
                load.batchActivities(c, from, to);
            }
            long done = System.nanoTime();
            activityCustomers(c, postgres);
            if (postgres) {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE activity");
                    s.execute("ANALYZE activity_customer");
                }
            }
            System.out.printf("LOADED activities %d..%d: %.0f s for the activities (%.0f rows/s), %.0f s in all%n",
                    from, to, (done - started) / 1e9, (to - from) / ((done - started) / 1e9),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * A nightly file of the heavy org (usage: --file BADGES_FILE CUSTOMERS NOW_MS OUT ROWS LOADED FRESH): back-dated
     * earns of its customers with new requestIds (rows FRESH, FRESH + 1 … of the sequence: each run its own), and 2 %
     * copies of earns already stored (rows below LOADED, sent again as they were: the import counts them as
     * duplicates).
     */
    void importFile(Path out, long rows, long loaded, long freshFrom) throws IOException {
        Org heavy = orgs.get(0);
        SplittableRandom pick = new SplittableRandom(seed + loaded);
        try (var w = Files.newBufferedWriter(out)) {
            w.write("requestId,badgeMetaId,customerId,earnEventDate,ownerType,referenceId\n");
            long fresh = freshFrom;
            for (long written = 0; written < rows; ) {
                boolean duplicate = loaded > 0 && pick.nextInt(50) == 0;
                Row row = duplicate ? row(pick.nextLong(loaded)) : row(fresh++);
                if (row.org() != heavy) {
                    continue;
                }
                w.write((duplicate ? row.requestId() : "i" + row.g()) + "," + row.badge() + "," + row.customer() + ","
                        + Instant.ofEpochMilli(row.eventMs()) + "," + OWNER + "," + REFERENCE + "\n");
                written++;
            }
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // --- PostgreSQL: COPY with badge_earn's keys and indexes dropped, then rebuilt as the migrations had them

    void copyPostgres(Connection c, long from, long to) throws SQLException, IOException {
        CopyManager copy = bulkSession(c);
        List<String> keys = dropKeys(c, "badge_earn");
        StringBuilder earns = new StringBuilder();
        StringBuilder events = new StringBuilder();
        StringBuilder logs = new StringBuilder();
        for (long g = from; g < to; g++) {
            Row row = row(g);
            earns.append(row.id()).append(',').append(row.org().id()).append(',').append(row.badge()).append(',')
                    .append(row.customer()).append(",,").append(row.requestId()).append(',').append(row.fingerprint())
                    .append(',').append(row.eventMs()).append(',').append(row.earnedOnMs()).append(',')
                    .append(row.expiresOnMs()).append(',').append(OWNER).append(',').append(REFERENCE).append(',')
                    .append(row.revokedOnMs() == null ? "" : row.revokedOnMs()).append('\n');
            if (row.earnedOnMs() > nowMs - RETENTION) {
                recent(row, events);
            }
            if (g % 1000 == 999 || g == to - 1) {
                closeBulk(g, logs);
            }
            boolean last = g == to - 1;
            flush(copy, "COPY badge_earn (id, org_id, badge_id, customer_id, enrolment_id, request_id, fingerprint,"
                    + " earn_event_ms, earned_on_ms, expires_on_ms, owner_type, owner_reference_id, revoked_on_ms)",
                    earns, last);
            flush(copy, "COPY event_delivery (webhook_id, event_id, event_type, event_count, payload, created_ms,"
                    + " status, attempts, next_attempt_ms, retry_from_ms, claim, claimed_until_ms, last_error,"
                    + " delivered_ms)", events, last);
            flush(copy, "COPY request_log (org_id, operation, request_id, fingerprint, response, created_on_ms)",
                    logs, last);
        }
        rebuild(c, keys);
    }

    /** The session of a bulk load: each COPY its own transaction, not waiting for the disk, room to rebuild indexes. */
    static CopyManager bulkSession(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            s.execute("SET maintenance_work_mem = '1GB'");
        }
        return c.unwrap(PGConnection.class).getCopyAPI();
    }

    /**
     * Drops a table's keys, foreign keys and indexes for a COPY; answers the statements that rebuild them exactly as
     * the migrations made them (read back from the catalogue), keys before foreign keys.
     */
    static List<String> dropKeys(Connection c, String table) throws SQLException {
        Map<String, String> constraints = new LinkedHashMap<>();
        List<String> rebuild = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                    + " WHERE conrelid = '" + table + "'::regclass ORDER BY contype = 'f', conname")) {
                while (rs.next()) {
                    constraints.put(rs.getString(1), rs.getString(2));
                    rebuild.add("ALTER TABLE " + table + " ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(2));
                }
            }
            List<String> indexes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename = '" + table + "'"
                    + " AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = '" + table
                    + "'::regclass)")) {
                while (rs.next()) {
                    indexes.add(rs.getString(1));
                }
            }
            for (String name : constraints.keySet().stream().sorted((a, b) -> Boolean.compare(
                    !constraints.get(a).startsWith("FOREIGN"), !constraints.get(b).startsWith("FOREIGN"))).toList()) {
                s.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
            }
            for (String index : indexes) {
                s.execute("DROP INDEX " + index.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) ON .*$", "$2"));
            }
            rebuild.addAll(indexes);
        }
        return rebuild;
    }

    static void rebuild(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** PostgreSQL: the activities with COPY, the table's key and index dropped meanwhile. */
    void copyActivities(Connection c, long from, long to) throws SQLException, IOException {
        CopyManager copy = bulkSession(c);
        List<String> keys = dropKeys(c, "activity");
        StringBuilder rows = new StringBuilder();
        long heavy = orgs.get(0).id();
        String name = RuleJson.spelling(ACTIVITY);
        for (long a = from; a < to; a++) {
            ActivityRow row = activity(a);
            Activity act = row.activity();
            rows.append(heavy).append(',').append(act.requestId()).append(',').append(act.customerId()).append(',')
                    .append(name).append(',').append(act.eventDate().toEpochMilli()).append(',')
                    .append(csv(ActivityReader.attributesJson(act.attributes()))).append(',')
                    .append(row.fingerprint()).append(',').append(row.receivedMs()).append(',')
                    .append(ACTIVITY_IMPORT).append(',').append(a + 2).append(",\n");
            flush(copy, "COPY activity (org_id, request_id, customer_id, activity, event_ms, attributes, fingerprint,"
                    + " received_ms, import_id, import_line, answer)", rows, a == to - 1);
        }
        rebuild(c, keys);
    }

    /** H2: the activities in JDBC batches. */
    void batchActivities(Connection c, long from, long to) throws SQLException {
        c.setAutoCommit(false);
        long heavy = orgs.get(0).id();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO activity (org_id, request_id, customer_id,"
                + " activity, event_ms, attributes, fingerprint, received_ms, import_id, import_line)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (long a = from; a < to; a++) {
                ActivityRow row = activity(a);
                Activity act = row.activity();
                insert.setLong(1, heavy);
                insert.setString(2, act.requestId());
                insert.setString(3, act.customerId());
                insert.setString(4, RuleJson.spelling(ACTIVITY));
                insert.setLong(5, act.eventDate().toEpochMilli());
                insert.setString(6, ActivityReader.attributesJson(act.attributes()));
                insert.setString(7, row.fingerprint());
                insert.setLong(8, row.receivedMs());
                insert.setString(9, ACTIVITY_IMPORT);
                insert.setLong(10, a + 2);
                insert.addBatch();
                if ((a - from) % 5000 == 4999 || a == to - 1) {
                    insert.executeBatch();
                    c.commit();
                }
            }
        }
        c.setAutoCommit(true);
    }

    /**
     * Each customer's activity row recounted from their activities, as the service keeps it (settled: none waits for
     * the settling pass).
     */
    static void activityCustomers(Connection c, boolean postgres) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            if (postgres) {
                s.execute("SET LOCAL work_mem = '1GB'");
                s.execute("TRUNCATE activity_customer");
            } else {
                s.execute("DELETE FROM activity_customer");
            }
            s.execute("INSERT INTO activity_customer (org_id, customer_id, activities, last_event_ms, updated_ms)"
                    + " SELECT org_id, customer_id, COUNT(*), MAX(event_ms), MAX(received_ms) FROM activity"
                    + " GROUP BY org_id, customer_id");
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /** Sends the CSV rows gathered for a table once there are some megabytes of them (or the stage ends). */
    static void flush(CopyManager copy, String copyInto, StringBuilder rows, boolean last)
            throws SQLException, IOException {
        if (rows.length() > 8_000_000 || (last && rows.length() > 0)) {
            copy.copyIn(copyInto + " FROM STDIN (FORMAT csv)", new StringReader(rows.toString()));
            rows.setLength(0);
        }
    }

    /** A delivered badgeEarned event per recent earn (orgs with a webhook), and a bulk request log per 1,000. */
    void recent(Row row, StringBuilder events) {
        if (row.org().webhook() != null) {
            String eventId = row.id() + "-e";
            String payload = "{\"eventId\":\"" + eventId + "\",\"eventType\":\"badgeEarned\",\"orgId\":"
                    + row.org().id() + ",\"createdOn\":" + row.earnedOnMs() + ",\"data\":{\"earnedBadgeId\":\""
                    + row.id() + "\",\"badgeMetaId\":\"" + row.badge() + "\",\"customerId\":\"" + row.customer()
                    + "\",\"requestId\":\"" + row.requestId() + "\",\"earnEventDate\":" + row.eventMs()
                    + ",\"expiresOn\":" + row.expiresOnMs() + "}}";
            events.append(row.org().webhook()).append(',').append(eventId).append(",badgeEarned,1,")
                    .append(csv(payload)).append(',').append(row.earnedOnMs()).append(",DELIVERED,1,")
                    .append(row.earnedOnMs()).append(',').append(row.earnedOnMs()).append(",,,,")
                    .append(row.earnedOnMs() + 200).append('\n');
        }
        bulk.append(bulk.length() == 0 ? "" : ",").append("{\"customerId\":\"").append(row.customer())
                .append("\",\"earnedBadgeId\":\"").append(row.id()).append("\",\"badgeMetaId\":\"")
                .append(row.badge()).append("\"}");
        bulkOrg = row.org().id();
        bulkMs = Math.max(bulkMs, row.earnedOnMs());
    }

    /** The recent earns of rows g-999..g as one logged bulk request (its answer's size is what matters here). */
    void closeBulk(long g, StringBuilder logs) {
        if (bulk.length() > 0) {
            logs.append(bulkOrg).append(",EARN_BULK,bulk-").append(g / 1000).append(',')
                    .append(EarnCommand.live("bulk", "bulk", "bulk-" + g / 1000, Instant.ofEpochMilli(bulkMs),
                            OwnerType.Loyalty, REFERENCE).fingerprint()).append(',')
                    .append(csv("{\"data\":{\"earns\":[" + bulk + "]}}")).append(',').append(bulkMs).append('\n');
        }
        bulk.setLength(0);
        bulkMs = 0;
    }

    static String csv(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** One earn row through JDBC (H2's load and the reference customers on both databases). */
    static final String INSERT_EARN = "INSERT INTO badge_earn (id, org_id, badge_id, customer_id, request_id,"
            + " fingerprint, earn_event_ms, earned_on_ms, expires_on_ms, owner_type, owner_reference_id, revoked_on_ms)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static void bind(PreparedStatement insert, Row row) throws SQLException {
        insert.setString(1, row.id());
        insert.setLong(2, row.org().id());
        insert.setString(3, row.badge());
        insert.setString(4, row.customer());
        insert.setString(5, row.requestId());
        insert.setString(6, row.fingerprint());
        insert.setLong(7, row.eventMs());
        insert.setLong(8, row.earnedOnMs());
        insert.setLong(9, row.expiresOnMs());
        insert.setString(10, OWNER);
        insert.setString(11, REFERENCE);
        insert.setObject(12, row.revokedOnMs(), java.sql.Types.BIGINT);
    }

    // --- H2: JDBC batches, badge_earn's plain indexes dropped meanwhile (its keys kept), then rebuilt

    void batchH2(Connection c, long from, long to) throws SQLException {
        long started = System.nanoTime();
        List<String> indexes = dropIndexesH2(c, "BADGE_EARN");
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement(INSERT_EARN)) {
            for (long g = from; g < to; g++) {
                bind(insert, row(g));
                insert.addBatch();
                if ((g - from) % 5000 == 4999 || g == to - 1) {
                    insert.executeBatch();
                }
                // H2 writes a new version of every page a commit changed: few, large commits keep the file small
                if ((g - from) % 200_000 == 199_999 || g == to - 1) {
                    c.commit();
                }
                if ((g - from) % 1_000_000 == 999_999) {
                    System.out.printf("... %d earns, %.0f s%n", g + 1, (System.nanoTime() - started) / 1e9);
                }
            }
        }
        c.setAutoCommit(true);
        rebuild(c, indexes);
    }

    /** Drops the table's indexes that back no constraint; answers the statements that make them again. */
    static List<String> dropIndexesH2(Connection c, String table) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT i.INDEX_NAME, k.COLUMN_NAME"
                + " FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS k"
                + " ON k.INDEX_SCHEMA = i.INDEX_SCHEMA AND k.INDEX_NAME = i.INDEX_NAME"
                + " WHERE i.TABLE_NAME = '" + table + "' AND i.INDEX_TYPE_NAME = 'INDEX'"
                + " ORDER BY i.INDEX_NAME, k.ORDINAL_POSITION")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        List<String> rebuild = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (var index : columns.entrySet()) {
                s.execute("DROP INDEX " + index.getKey());
                rebuild.add("CREATE INDEX " + index.getKey() + " ON " + table + " (" + String.join(", ",
                        index.getValue()) + ")");
            }
        }
        return rebuild;
    }

    // --- both

    /**
     * The customers every point of the curves measures, the same at every size: in the heavy org, "ref-heavy" with
     * 1,000 earns spread over its badges and "ref-ordinary" with 5 — loaded with the first stage, empty or not, so
     * their views answer the same rows whatever else the database holds.
     */
    void referenceCustomers(Connection c) throws SQLException {
        Org heavy = orgs.get(0);
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement(INSERT_EARN)) {
            for (String[] who : new String[][] {{"ref-heavy", "1000"}, {"ref-ordinary", "5"}}) {
                int n = Integer.parseInt(who[1]);
                for (int i = 0; i < n; i++) {
                    SplittableRandom r = new SplittableRandom(seed * 7 + who[0].hashCode() * 1_000L + i);
                    String badge = heavy.earnBadges().get(i % heavy.earnBadges().size());
                    String requestId = who[0] + "-" + i;
                    long eventMs = nowMs - 60_000 - r.nextLong(HISTORY);
                    bind(insert, new Row(-1, heavy, id(eventMs, r), badge, who[0], requestId,
                            EarnCommand.live(badge, who[0], requestId, Instant.ofEpochMilli(eventMs), OwnerType.Loyalty,
                                    REFERENCE).fingerprint(), eventMs, eventMs, eventMs + 365 * DAY, null));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /** One enrolment in an ISSUE_EARN badge of the org for every 20th customer, at a random time, expired or not. */
    void enrolments(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO badge_enrolment (id, org_id, badge_id,"
                + " customer_id, issue_event_ms, issued_on_ms, expires_on_ms, owner_type, owner_reference_id, request_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Org org : orgs) {
                if (org.issueBadges().isEmpty()) {
                    continue;
                }
                for (long i = 0; i < org.customers(); i += 20) {
                    long customer = org.firstCustomer() + i;
                    SplittableRandom r = new SplittableRandom(seed * 31 + customer);
                    long issuedMs = nowMs - 60_000 - r.nextLong(HISTORY);
                    insert.setString(1, id(issuedMs, r));
                    insert.setLong(2, org.id());
                    insert.setString(3, org.issueBadges().get(r.nextInt(org.issueBadges().size())));
                    insert.setString(4, "m" + customer);
                    insert.setLong(5, issuedMs);
                    insert.setLong(6, issuedMs);
                    insert.setLong(7, issuedMs + 10 * DAY);
                    insert.setString(8, OWNER);
                    insert.setString(9, REFERENCE);
                    insert.setString(10, "enrol-" + customer);
                    insert.addBatch();
                    if (++pending == 5000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            insert.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /**
     * The customers' standing rows and the badges' counters, recomputed from the earns and enrolments as the service
     * keeps them: a row per customer and badge with any earn (count and latest dates of the active ones), the
     * counters' totals on stripe 0 (a read sums the stripes); no kept earns per day (counted again when viewed).
     */
    void standingsAndCounters(Connection c, boolean postgres) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            String key = null;
            if (postgres) {
                // a hash aggregate in memory, and the key built once over the sorted rows, not row by row
                s.execute("SET LOCAL work_mem = '1GB'");
                s.execute("TRUNCATE customer_badge");
                try (ResultSet rs = s.executeQuery("SELECT conname FROM pg_constraint"
                        + " WHERE conrelid = 'customer_badge'::regclass AND contype = 'p'")) {
                    key = rs.next() ? rs.getString(1) : null;
                }
                if (key != null) {
                    s.execute("ALTER TABLE customer_badge DROP CONSTRAINT " + key);
                }
            } else {
                s.execute("DELETE FROM customer_badge");
            }
            s.execute("INSERT INTO customer_badge (customer_id, badge_id, earned, last_earned_on_ms, last_event_ms,"
                    + " last_expires_on_ms) SELECT customer_id, badge_id,"
                    + " SUM(CASE WHEN revoked_on_ms IS NULL THEN 1 ELSE 0 END),"
                    + " MAX(CASE WHEN revoked_on_ms IS NULL THEN earned_on_ms END),"
                    + " MAX(CASE WHEN revoked_on_ms IS NULL THEN earn_event_ms END),"
                    + " MAX(CASE WHEN revoked_on_ms IS NULL THEN expires_on_ms END)"
                    + " FROM badge_earn GROUP BY customer_id, badge_id");
            if (key != null) {
                s.execute("ALTER TABLE customer_badge ADD CONSTRAINT " + key + " PRIMARY KEY (customer_id, badge_id)");
            }
            s.execute("UPDATE badge_counter SET earned = 0, issued = 0");
            // the stage wrote earns into days the kept earns per day may hold: none kept is always consistent
            s.execute("DELETE FROM earn_day_tally");
            // and into the windows of badge-wide limits, written around the earn service: none kept is consistent too
            s.execute("DELETE FROM badge_window_count");
            if (postgres) {
                // one pass over the earns: a count per badge through its index reads the table's pages once per
                // badge, hours once the table outgrows the RAM (100M earns)
                s.execute("UPDATE badge_counter c SET earned = t.n FROM (SELECT badge_id, COUNT(*) AS n FROM badge_earn"
                        + " WHERE revoked_on_ms IS NULL GROUP BY badge_id) t"
                        + " WHERE c.badge_id = t.badge_id AND c.stripe = 0");
                s.execute("UPDATE badge_counter c SET issued = t.n FROM (SELECT badge_id, COUNT(*) AS n FROM"
                        + " badge_enrolment WHERE revoked_on_ms IS NULL GROUP BY badge_id) t"
                        + " WHERE c.badge_id = t.badge_id AND c.stripe = 0");
            } else {
                s.execute("UPDATE badge_counter SET"
                        + " earned = (SELECT COUNT(*) FROM badge_earn e WHERE e.badge_id = badge_counter.badge_id"
                        + " AND e.revoked_on_ms IS NULL),"
                        + " issued = (SELECT COUNT(*) FROM badge_enrolment n WHERE n.badge_id = badge_counter.badge_id"
                        + " AND n.revoked_on_ms IS NULL) WHERE stripe = 0");
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }
}
