package dev.badgeworks.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import java.net.ConnectException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    /** As Payara's pool and EclipseLink hand on a refused connection (the shape seen in a server's log). */
    private static RuntimeException wrapped(SQLException driver) {
        SQLException pool = new SQLException("Error in allocating a connection.", null, 0,
                new IllegalStateException("Connection could not be allocated", driver));
        return new PersistenceException("Exception [EclipseLink-4002]", new RuntimeException("DatabaseException", pool));
    }

    @Test
    void aRefusedConnectionUnderThePoolsWrappersIsAnOutage() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:6102 refused.", "08001", 0,
                new ConnectException("Connection refused"));
        assertTrue(DatabaseOutage.causedBy(wrapped(refused)));
    }

    @Test
    void aBrokenConnectionAShutdownAndAReadOnlyPrimaryAreOutages() {
        assertTrue(DatabaseOutage.causedBy(wrapped(new SQLException("An I/O error occurred", "08006"))));
        assertTrue(DatabaseOutage.causedBy(wrapped(new SQLException("terminating connection", "57P01"))));
        assertTrue(DatabaseOutage.causedBy(wrapped(new SQLException("the database system is starting up", "57P03"))));
        assertTrue(DatabaseOutage.causedBy(wrapped(new SQLException("cannot execute INSERT in a read-only transaction",
                "25006"))));
    }

    /** The shape of a commit on a connection whose server died (seen in FailoverIT): only the message is left. */
    @Test
    void aTransactionThatCouldNotBeginOrEndOnItsConnectionIsAnOutage() {
        XAException xa = new XAException("LocalTransactionException: FATAL: terminating connection due to unexpected"
                + " postmaster exit");
        assertTrue(DatabaseOutage.causedBy(new RuntimeException(new SystemException("commit"))));
        assertTrue(DatabaseOutage.causedBy(new PersistenceException(new IllegalStateException(xa))));
        assertTrue(DatabaseOutage.causedBy(wrapped(new SQLException("Error in allocating a connection", null, 0,
                new ResourceException("This Managed Connection is not valid")))));
    }

    @Test
    void aRollbackAloneIsNotAnOutage() {
        assertFalse(DatabaseOutage.causedBy(new RuntimeException(new RollbackException("marked for rollback"))));
    }

    @Test
    void theOutageMayBeALaterExceptionOfABatch() {
        SQLException batch = new SQLException("Batch entry 0 was aborted", "2F000");
        batch.setNextException(new SQLException("An I/O error occurred", "08006"));
        assertTrue(DatabaseOutage.causedBy(wrapped(batch)));
    }

    @Test
    void constraintsLockTimeoutsAndBugsAreNotOutages() {
        assertFalse(DatabaseOutage.causedBy(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseOutage.causedBy(wrapped(new SQLException("lock timeout", "55P03"))));
        assertFalse(DatabaseOutage.causedBy(wrapped(new SQLException("no state"))));
        assertFalse(DatabaseOutage.causedBy(new IllegalStateException("a bug")));
        assertFalse(DatabaseOutage.causedBy(null));
    }

    @Test
    void aCauseChainWithACycleEnds() {
        SQLException a = new SQLException("a", "42000");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(DatabaseOutage.causedBy(b));
    }
}
