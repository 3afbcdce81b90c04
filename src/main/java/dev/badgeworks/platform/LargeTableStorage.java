package dev.badgeworks.platform;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 19, PostgreSQL only (H2 has no such settings; there it does nothing): how the tables that grow with
 * every earn are stored and vacuumed, so that a database of a hundred million earns needs no manual tuning.
 * <ul>
 * <li>{@code customer_badge} keeps 10 % of each page free: an earn's update of a standing changes no indexed column,
 * and with room on its page it is a HOT update that writes no index entry; on full pages every update moved the row
 * and added an entry to the primary key at a random place (measured: 32 % of an import's standing updates were HOT
 * at 10M earns).</li>
 * <li>{@code badge_earn} is insert-mostly: vacuumed (visibility map, for index-only counts) after 2 % new rows instead
 * of 20 %, which at 100M rows would wait for 20M new earns; it is analysed at the default 10 %: its plans go by its
 * keys, and each analysis reads 30,000 random pages (seconds of a core at 10M earns).</li>
 * <li>{@code badge_counter}: a few thousand rows updated by every earn: vacuumed after every 1,000 dead rows.</li>
 * </ul>
 * Only table settings: catalog changes under a lock that earns do not wait for (SHARE UPDATE EXCLUSIVE), instant at
 * any size; pages already full get room as vacuum frees them.
 */
public class LargeTableStorage extends NumberedJavaMigration {

    public LargeTableStorage() {
        super(19, "storage of large tables");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (!Jdbc.isPostgres(c)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE customer_badge SET (fillfactor = 90)");
            s.execute("ALTER TABLE badge_earn SET (autovacuum_vacuum_insert_scale_factor = 0.02)");
            s.execute("ALTER TABLE badge_counter SET (autovacuum_vacuum_scale_factor = 0,"
                    + " autovacuum_vacuum_threshold = 1000)");
        }
    }
}
