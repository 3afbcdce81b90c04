package dev.badgeworks.earn.store;

import dev.badgeworks.earn.entity.Earn;
import dev.badgeworks.platform.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * New earn rows written in one statement on the transaction's connection, in each database's fastest form: a
 * chunk of an import writes a thousand rows without a thousand managed entities.
 */
final class EarnRows {

    private static final String INSERT = "INSERT INTO badge_earn (id, org_id, badge_id, customer_id, enrolment_id,"
            + " request_id, fingerprint, earn_event_ms, earned_on_ms, expires_on_ms, owner_type, owner_reference_id,"
            + " import_id, import_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /**
     * PostgreSQL: a chunk's earns as one statement over column arrays. The server parses and plans it once instead of
     * a multi-row VALUES of 14 parameters a row, which made the insert most of an import chunk's database time.
     */
    private static final String INSERT_ARRAYS = "INSERT INTO badge_earn (id, org_id, badge_id, customer_id,"
            + " enrolment_id, request_id, fingerprint, earn_event_ms, earned_on_ms, expires_on_ms, owner_type,"
            + " owner_reference_id, import_id, import_line) SELECT * FROM unnest(?::varchar[], ?::bigint[],"
            + " ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[],"
            + " ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[])";

    private EarnRows() {
    }

    static void insert(Connection c, List<Earn> earns) throws SQLException {
        if (Jdbc.isPostgres(c)) {
            insertArrays(c, earns);
        } else {
            insertBatch(c, earns);
        }
    }

    private static void insertBatch(Connection c, List<Earn> earns) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (Earn e : earns) {
                insert.setString(1, e.id());
                insert.setLong(2, e.orgId());
                insert.setString(3, e.badgeId());
                insert.setString(4, e.customerId());
                insert.setString(5, e.enrolmentId());
                insert.setString(6, e.requestId());
                insert.setString(7, e.fingerprint());
                insert.setLong(8, e.earnEventMs());
                insert.setLong(9, e.earnedOnMs());
                insert.setLong(10, e.expiresOnMs());
                insert.setString(11, e.ownerType().name());
                insert.setString(12, e.ownerReferenceId());
                insert.setString(13, e.importId());
                insert.setObject(14, e.importLine(), Types.BIGINT);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertArrays(Connection c, List<Earn> earns) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT_ARRAYS)) {
            int i = 1;
            i = Jdbc.bindColumn(insert, i, "varchar", earns, Earn::id);
            i = Jdbc.bindColumn(insert, i, "bigint", earns, Earn::orgId);
            i = Jdbc.bindColumn(insert, i, "varchar", earns, Earn::badgeId);
            i = Jdbc.bindColumn(insert, i, "varchar", earns, Earn::customerId);
            i = Jdbc.bindColumn(insert, i, "varchar", earns, Earn::enrolmentId);
            i = Jdbc.bindColumn(insert, i, "varchar", earns, Earn::requestId);
            i = Jdbc.bindColumn(insert, i, "varchar", earns, Earn::fingerprint);
            i = Jdbc.bindColumn(insert, i, "bigint", earns, Earn::earnEventMs);
            i = Jdbc.bindColumn(insert, i, "bigint", earns, Earn::earnedOnMs);
            i = Jdbc.bindColumn(insert, i, "bigint", earns, Earn::expiresOnMs);
            i = Jdbc.bindColumn(insert, i, "varchar", earns, e -> e.ownerType().name());
            i = Jdbc.bindColumn(insert, i, "varchar", earns, Earn::ownerReferenceId);
            i = Jdbc.bindColumn(insert, i, "varchar", earns, Earn::importId);
            Jdbc.bindColumn(insert, i, "bigint", earns, Earn::importLine);
            insert.executeUpdate();
        }
    }

    /** The moves as one batch of conditional UPDATEs: each answers 1 when its earn was still active at its date. */
    static int[] move(Connection c, List<EarnStore.Move> moves) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE badge_earn SET earn_event_ms = ?, fingerprint = ?"
                + " WHERE id = ? AND earn_event_ms = ? AND revoked_on_ms IS NULL")) {
            for (EarnStore.Move m : moves) {
                s.setLong(1, m.toEventMs());
                s.setString(2, m.fingerprint());
                s.setString(3, m.earn().id());
                s.setLong(4, m.earn().earnEventMs());
                s.addBatch();
            }
            return s.executeBatch();
        }
    }
}
