package dev.badgeworks.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date before anything else touches the database. The same migrations run on H2
 * and PostgreSQL; the JPA provider never generates DDL.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    /** The component name of web.xml's resource-ref: each server binds it to its own datasource. */
    @Resource(name = "jdbc/badgeworks")
    DataSource dataSource;

    private volatile String version;

    /** Whether the schema was brought up to date at start-up (the readiness check asks). */
    public boolean migrated() {
        return version != null;
    }

    public String version() {
        return version;
    }

    @PostConstruct
    void migrate() {
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // settings SQL cannot give on both databases, as Java: named here, no class path scan needed
                .javaMigrations(new LargeTableStorage(), new EarnWritesWithoutForeignKeys())
                .load();
        // a server whose class loader cannot list the WAR's folders (Open Liberty without the flyway.location
        // marker) shows Flyway no migrations at all: "0 applied" would start on an empty or stale schema
        int known = flyway.info().all().length;
        if (known == 0) {
            throw new IllegalStateException("No schema migrations found at classpath:db/migration: this server"
                    + " cannot list the application's resources; Badgeworks does not start on an unknown schema");
        }
        var result = flyway.migrate();
        version = String.valueOf(flyway.info().current() == null ? result.targetSchemaVersion
                : flyway.info().current().getVersion());
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }
}
