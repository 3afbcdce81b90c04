package dev.badgeworks.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Turns a unique-constraint violation into the API error it means (the constraint, not a pre-check, decides)
 * and a lost optimistic-lock race into a retryable 409.
 */
public final class Persistence {

    private static final String UNIQUE_VIOLATION = "23505";
    /** H2's "concurrent update": another transaction changed or inserted the same row first. */
    private static final int H2_CONCURRENT_UPDATE = 90131;

    private Persistence() {
    }

    /**
     * The JDBC connection the persistence context works on in this transaction, for the set-based statements
     * JPA cannot express (batch upserts, counter stripes). EclipseLink (Payara, GlassFish, Open Liberty) hands it
     * out through {@code unwrap}; Hibernate (WildFly) does not, and is asked through its SPI by reflection so the
     * WAR needs no Hibernate classes. Either way it is the connection of the current transaction: it sees what
     * the context flushed, and the caller must not close it.
     */
    public static Connection connection(EntityManager em) {
        try {
            return em.unwrap(Connection.class);
        } catch (PersistenceException | IllegalArgumentException notEclipseLink) {
            return hibernateConnection(em, notEclipseLink);
        }
    }

    private static Connection hibernateConnection(EntityManager em, RuntimeException whyNot) {
        try {
            ClassLoader loader = em.getDelegate().getClass().getClassLoader();
            Class<?> session = Class.forName("org.hibernate.engine.spi.SharedSessionContractImplementor", false, loader);
            Class<?> coordinator = Class.forName("org.hibernate.engine.jdbc.spi.JdbcCoordinator", false, loader);
            Class<?> logical = Class.forName("org.hibernate.resource.jdbc.spi.LogicalConnectionImplementor", false,
                    loader);
            Object jdbc = session.getMethod("getJdbcCoordinator").invoke(em.unwrap(session));
            Object connection = coordinator.getMethod("getLogicalConnection").invoke(jdbc);
            return (Connection) logical.getMethod("getPhysicalConnection").invoke(connection);
        } catch (ReflectiveOperationException | RuntimeException e) {
            IllegalStateException failure = new IllegalStateException(
                    "This JPA provider hands out no JDBC connection (EclipseLink and Hibernate do)", whyNot);
            failure.addSuppressed(e);
            throw failure;
        }
    }

    /**
     * Flushes; a unique-constraint violation throws {@code onDuplicate} (an ApiException, or RequestIdConflict). A
     * lost optimistic lock goes on as it is: the API answers it 409 1125 wherever it surfaces (at a flush or at a
     * commit), see {@code UnexpectedExceptionMapper}.
     */
    public static void flushOrFail(EntityManager em, RuntimeException onDuplicate) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw onDuplicate;
            }
            throw e;
        }
    }

    /** A write that lost to a concurrent transaction's write of the same row (H2 reports this for inserts too). */
    public static boolean isConcurrentUpdate(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (s.getErrorCode() == H2_CONCURRENT_UPDATE || "40001".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Waited longer for a row lock than the database allows (H2 LOCK_TIMEOUT, PostgreSQL lock_timeout). */
    public static boolean isLockTimeout(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("HYT00".equals(s.getSQLState()) || "55P03".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
