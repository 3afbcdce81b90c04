package dev.badgeworks.platform;

import jakarta.resource.ResourceException;
import jakarta.transaction.SystemException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.transaction.xa.XAException;

/**
 * Tells a failure that means "the database cannot be reached or cannot take writes right now" — its server died or
 * restarts, a failover is under way, the primary found is still read-only — from a fault of the request or of
 * Badgeworks. Such a failure passes: the API answers it 503 with Retry-After, and background work tries again on
 * its next turn. Decided by the SQLState the JDBC driver put somewhere in the cause chain (the server's pool and
 * the JPA provider wrap it several times over) or, where the pool kept only the driver's message, by the layer that
 * failed: the transaction manager could not begin or end the transaction on its connection (SystemException, an
 * XAException) or the pool could not hand out or use one (ResourceException) — what a dead server causes, never a
 * request. A transaction merely rolled back is not among them: a constraint can do that.
 */
public final class DatabaseOutage {

    /**
     * Connection exceptions (class 08: refused, broken, no primary among the hosts), the server shutting down or
     * crashed (57P01, 57P02), not yet accepting connections (57P03), and a write refused by a read-only server
     * (25006: a primary not yet writable after a failover, or one being demoted).
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "25006");

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SystemException || t instanceof XAException || t instanceof ResourceException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null && (s == sql || seen.add(s)); s = s.getNextException()) {
                    if (isOutage(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean isOutage(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || STATES.contains(sqlState));
    }
}
