package dev.badgeworks.earn.store;

import dev.badgeworks.earn.control.EarnCommand;
import dev.badgeworks.platform.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads the pages a list of earns is about to write, so that its transaction finds them in the database's memory.
 * With a hundred million earns the structures an earn writes at a place its customer or its event date decides (the
 * standing row and its key, the earns' (customer, badge) and (badge, event date) indexes) no longer fit in memory, and
 * a chunk of back-dated earns spent most of its time reading their pages one at a time. Read here, ahead of the chunk
 * and on other connections, several are read at once and while the previous chunk writes. Changes nothing; on H2 (the
 * database is in the server's memory) it reads nothing.
 */
final class EarnPages {

    /**
     * One row per earn: its standing (the row itself, not only its key), the place in the (customer, badge) index a
     * new earn goes to (an empty range just after the pair's entries: no earn row is read), the place in the (badge,
     * event date) index, and the requestId's entry. Each scalar subquery runs for every row (a sum, not an OR).
     */
    private static final String READ = "SELECT COALESCE(SUM("
            + "(SELECT COUNT(s.earned) FROM customer_badge s WHERE s.customer_id = k.customer_id"
            + " AND s.badge_id = k.badge_id)"
            + " + (SELECT COUNT(*) FROM badge_earn e WHERE e.customer_id = k.customer_id"
            + " AND e.badge_id > k.badge_id AND e.badge_id < k.badge_id || '0')"
            + " + (SELECT COUNT(*) FROM badge_earn e WHERE e.badge_id = k.badge_id AND e.earn_event_ms = k.event_ms)"
            + " + (SELECT COUNT(*) FROM badge_earn e WHERE e.request_id = k.request_id AND e.org_id = ?)), 0)"
            + " FROM unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[])"
            + " AS k(badge_id, customer_id, event_ms, request_id)";

    private EarnPages() {
    }

    /** Answers how many stored rows the reads found (standings, earns at the same event date, requestIds). */
    static long read(Connection c, long orgId, List<EarnCommand> commands) throws SQLException {
        if (commands.isEmpty() || !Jdbc.isPostgres(c)) {
            return 0;
        }
        try (PreparedStatement s = c.prepareStatement(READ)) {
            s.setLong(1, orgId);
            int i = 2;
            i = Jdbc.bindColumn(s, i, "varchar", commands, EarnCommand::badgeMetaId);
            i = Jdbc.bindColumn(s, i, "varchar", commands, EarnCommand::customerId);
            i = Jdbc.bindColumn(s, i, "bigint", commands,
                    command -> command.eventDate() == null ? null : command.eventDate().toEpochMilli());
            Jdbc.bindColumn(s, i, "varchar", commands, EarnCommand::requestId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
