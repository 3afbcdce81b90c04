package dev.badgeworks.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Plain JDBC reads that need no transaction of their own: inside a transaction they run on its connection (and see
 * its writes); outside one, on a pooled connection in autocommit — a badge read then starts no JTA transaction,
 * which cost as much as the read itself.
 */
@ApplicationScoped
public class Reads {

    /** A read on a connection it must not close. */
    @FunctionalInterface
    public interface Query<T> {
        T on(Connection connection) throws SQLException;
    }

    /** By the web.xml reference's full name: WildFly gave a CDI bean's own {@code name} its default (H2) datasource. */
    @Resource(lookup = "java:comp/env/jdbc/badgeworks")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public boolean inTransaction() {
        return transactions.getTransactionKey() != null;
    }

    public <T> T read(EntityManager em, Query<T> query) {
        try {
            if (inTransaction()) {
                return query.on(Persistence.connection(em));
            }
            try (Connection connection = dataSource.getConnection()) {
                return query.on(connection);
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot read", e);
        }
    }
}
