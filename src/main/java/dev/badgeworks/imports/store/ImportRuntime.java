package dev.badgeworks.imports.store;

import dev.badgeworks.platform.Jdbc;
import dev.badgeworks.platform.Persistence;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The shared records imports rely on when several instances run them: the chunk sessions a takeover may end, the
 * batch runtime's executions, facts the first instance records for all, and the scheduler's slots.
 */
@Stateless
public class ImportRuntime {

    private static final String SLOT_OWNER = "SELECT instance FROM scheduler_run WHERE name = ? AND slot = ?";
    private static final String CLAIM_SLOT = "INSERT INTO scheduler_run (name, slot, instance, created_on_ms)"
            + " VALUES (?, ?, ?, ?)";

    @PersistenceContext
    EntityManager em;

    /**
     * Names the chunk transaction's PostgreSQL session after the import and this execution's token (its
     * {@code application_name}, for this transaction only), so that a takeover can find and end it should this
     * instance freeze inside it. Nothing to do on H2, which one instance owns.
     */
    public void nameChunkSession(String id, long fence) {
        Connection c = Persistence.connection(em);
        try {
            if (Jdbc.isPostgres(c)) {
                try (PreparedStatement name = c.prepareStatement("SELECT set_config('application_name', ?, true)")) {
                    name.setString(1, chunkSession(id, fence));
                    name.executeQuery().close();
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot name the chunk session of import " + id, e);
        }
    }

    private static String chunkSession(String id, long fence) {
        return "badgeworks import " + id + " #" + fence;
    }

    /**
     * Ends the database sessions of an abandoned import's chunk that are still open: an owner frozen in the middle of
     * a statement (sending a batch, say) is not idle in its transaction, so PostgreSQL's idle timeout never ends it,
     * and its row locks would block whoever takes the import over for as long as it stays frozen. Only while that
     * token's lease is over, decided in the same statement. Its own transaction: ending sessions may be refused
     * (another database role), which must not spoil the takeover. The number of sessions ended.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int endFrozenChunks(String id, long fence) {
        Connection c = Persistence.connection(em);
        try {
            if (!Jdbc.isPostgres(c)) {
                return 0;
            }
            try (PreparedStatement end = c.prepareStatement("SELECT pg_terminate_backend(a.pid)"
                    + " FROM pg_stat_activity a JOIN import_job j ON j.id = ? AND j.fence = ?"
                    + " AND j.status IN ('RUNNING', 'STOPPING') AND j.lease_until_ms < ?"
                    + " WHERE a.datname = current_database() AND a.application_name = ? AND a.pid <> pg_backend_pid()")) {
                end.setString(1, id);
                end.setLong(2, fence);
                end.setLong(3, System.currentTimeMillis());
                end.setString(4, chunkSession(id, fence));
                int ended = 0;
                try (var rows = end.executeQuery()) {
                    while (rows.next()) {
                        ended += rows.getBoolean(1) ? 1 : 0;
                    }
                }
                return ended;
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot end the frozen sessions of import " + id, e);
        }
    }

    /**
     * Marks a dead instance's batch execution ABANDONED in Payara's job repository (which shares this database),
     * where the runtime itself refuses to. Its own transaction: on another server the table may not exist.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markExecutionAbandoned(long executionId) {
        em.createNativeQuery("UPDATE jbatchexecutioninstancedata SET batchstatus = 'ABANDONED', exitstatus ="
                        + " 'TAKEN_OVER', endtime = CURRENT_TIMESTAMP WHERE jobexecid = ?"
                        + " AND batchstatus IN ('STARTING', 'STARTED', 'STOPPING')")
                .setParameter(1, executionId).executeUpdate();
    }

    /**
     * Records this fact unless it is recorded already (the first instance's value stays), in a transaction of its
     * own: of two instances starting at once, one insert fails on the primary key, and that is all it does.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFactOnce(String fact, String value) {
        em.createNativeQuery("INSERT INTO platform_fact (fact_name, fact_value) SELECT ?, ? WHERE NOT EXISTS"
                        + " (SELECT 1 FROM platform_fact WHERE fact_name = ?)")
                .setParameter(1, fact).setParameter(2, value).setParameter(3, fact).executeUpdate();
    }

    public Optional<String> fact(String fact) {
        return em.createNativeQuery("SELECT fact_value FROM platform_fact WHERE fact_name = ?").setParameter(1, fact)
                .getResultList().stream().findFirst().map(Object::toString);
    }

    /**
     * Claims one scheduled slot for this instance; false when another instance claimed it first. Losing is routine
     * (every instance's timer tries every slot), so it is decided without an error: PostgreSQL skips the taken key,
     * H2's refusal is caught on plain JDBC, where the JPA provider would log it as a warning with a stack trace.
     * A slot this instance claimed already is its own again: the retry of a scan the database interrupted.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claimSlot(String name, String slot, String instance) {
        Connection c = Persistence.connection(em);
        try {
            boolean postgres = Jdbc.isPostgres(c);
            try (PreparedStatement insert = c.prepareStatement(postgres ? CLAIM_SLOT + " ON CONFLICT DO NOTHING"
                    : CLAIM_SLOT)) {
                insert.setString(1, name);
                insert.setString(2, slot);
                insert.setString(3, instance);
                insert.setLong(4, System.currentTimeMillis());
                return insert.executeUpdate() == 1 || claimedBy(c, name, slot, instance);
            }
        } catch (SQLException e) {
            if (Persistence.isUniqueViolation(e)) {
                return claimedBy(Persistence.connection(em), name, slot, instance);
            }
            throw new PersistenceException("cannot claim slot " + slot + " of " + name, e);
        }
    }

    private static boolean claimedBy(Connection c, String name, String slot, String instance) {
        try (PreparedStatement owner = c.prepareStatement(SLOT_OWNER)) {
            owner.setString(1, name);
            owner.setString(2, slot);
            try (ResultSet rs = owner.executeQuery()) {
                return rs.next() && instance.equals(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot read the claim of slot " + slot + " of " + name, e);
        }
    }
}
