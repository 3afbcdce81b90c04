package dev.badgeworks.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 23: the tables written once per earn or activity ({@code badge_earn}, {@code activity},
 * {@code activity_customer}) no longer declare foreign keys to {@code org} and {@code badge_meta}. Each such key made
 * every inserted row look its org and badge up and lock them (PostgreSQL's {@code FOR KEY SHARE}, one look-up per row
 * and key): measured on the rows of a 1M-row import, the database wrote them in 88–92 s with the two keys of
 * {@code badge_earn} and in 67–69 s without. Nothing they guarded can happen: orgs and badges are never deleted (no
 * API or statement deletes them), and the service writes an earn only for a badge it read in the caller's org in the
 * same transaction ({@code EarnService}); an activity only for the caller's org. {@code customer_badge} and
 * {@code event_delivery} were made without such keys for the same reason (V6, V13).
 *
 * <p>Java, because the keys were declared inline: PostgreSQL and H2 named them differently, so their names are read
 * from the database's metadata. A catalogue change: no rewrite, no scan, instant at any size.
 */
public class EarnWritesWithoutForeignKeys extends NumberedJavaMigration {

    private static final List<String> TABLES = List.of("badge_earn", "activity", "activity_customer");
    private static final Set<String> PARENTS = Set.of("org", "badge_meta");

    public EarnWritesWithoutForeignKeys() {
        super(23, "earn and activity tables without foreign keys");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        DatabaseMetaData meta = c.getMetaData();
        String quote = meta.getIdentifierQuoteString();
        try (Statement s = c.createStatement()) {
            for (String table : TABLES) {
                for (String key : foreignKeys(c, table)) {
                    s.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + quote + key + quote);
                }
            }
        }
    }

    /** The names of the foreign keys from {@code table} to {@code org} or {@code badge_meta}, as stored. */
    public static Set<String> foreignKeys(Connection c, String table) throws Exception {
        DatabaseMetaData meta = c.getMetaData();
        Set<String> keys = new TreeSet<>();
        try (ResultSet rs = meta.getImportedKeys(c.getCatalog(), c.getSchema(), stored(meta, table))) {
            while (rs.next()) {
                if (PARENTS.contains(rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT))) {
                    keys.add(rs.getString("FK_NAME"));
                }
            }
        }
        return keys;
    }

    private static String stored(DatabaseMetaData meta, String name) throws Exception {
        return meta.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
    }
}
