package dev.badgeworks.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * What a load balancer asks before sending requests here (MicroProfile Health's {@code /health/ready}, where the
 * server supports it): the database answers, the schema is the one this version migrated to, and the inbox can be
 * written. Any of them down takes the instance out of rotation instead of letting it answer 500s.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Resource(name = "jdbc/badgeworks")
    DataSource dataSource;

    @Inject
    SchemaMigration schema;

    @Override
    public HealthCheckResponse call() {
        boolean database = databaseAnswers();
        Path inbox = Settings.inboxDir();
        boolean inboxWritable = Files.isDirectory(inbox) && Files.isWritable(inbox);
        return HealthCheckResponse.named("badgeworks")
                .status(database && schema.migrated() && inboxWritable)
                .withData("database", database ? "UP" : "DOWN")
                .withData("schema", schema.migrated() ? schema.version() : "NOT MIGRATED")
                .withData("inbox", inboxWritable ? "UP" : "DOWN")
                .build();
    }

    private boolean databaseAnswers() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }
}
