package dev.badgeworks.platform;

import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Writes that a concurrent transaction can refuse by inserting the same row first (H2's MERGE, a first insert of a
 * lock row): the work is undone to a savepoint and run again, by when the other row is committed or is waited for
 * once more. The transaction itself lives on, with everything it wrote before.
 */
public final class SavepointRetry {

    private static final int ATTEMPTS = 50;

    /** Work on the transaction's connection. */
    public interface Work<T> {
        T run() throws SQLException;
    }

    private SavepointRetry() {
    }

    /** Runs {@code work}, again after a unique or concurrent-update refusal, at most 50 times. */
    public static <T> T run(Connection c, Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            Savepoint savepoint = c.setSavepoint();
            try {
                return work.run();
            } catch (SQLException e) {
                if (!Persistence.isUniqueViolation(e) && !Persistence.isConcurrentUpdate(e) || attempt == ATTEMPTS) {
                    throw e;
                }
                c.rollback(savepoint);
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(5L * attempt, 100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistenceException("interrupted while waiting for a lock", e);
        }
    }
}
