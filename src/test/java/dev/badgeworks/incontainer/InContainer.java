package dev.badgeworks.incontainer;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment of the in-container tests: the product WAR exactly as built ({@code target/badgeworks.war}),
 * plus the test classes and their fixtures. Arquillian starts a Payara Micro for it with the datasource and boot
 * commands bin/run uses (the failsafe configuration in pom.xml), on H2 or, with {@code -Ppostgres}, on a PostgreSQL
 * database made fresh once per test run.
 */
public final class InContainer {

    private static boolean databaseReady;

    private InContainer() {
    }

    /** Runs on the client, before Arquillian starts the server: called from each test class's {@code @Deployment}. */
    public static WebArchive war(Class<?>... testClasses) {
        prepareDatabase();
        File built = new File(System.getProperty("it.projectDir", "."), "target/badgeworks.war");
        if (!built.isFile()) {
            throw new IllegalStateException(built + " is missing: the package phase builds it before the tests");
        }
        return ShrinkWrap.create(ZipImporter.class, "badgeworks.war").importFrom(built).as(WebArchive.class)
                .addClasses(InContainer.class, TestData.class, Racing.class)
                .addClasses(testClasses);
    }

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("it.db"));
    }

    /** On the server: whether its database is PostgreSQL (the boot command file sets badgeworks.db.name). */
    public static boolean onPostgresHere() {
        return System.getProperty("badgeworks.db.name") != null;
    }

    /** The PostgreSQL database the pom names (badgeworks_arquillian), dropped and created once per run. */
    private static synchronized void prepareDatabase() {
        if (!onPostgres() || databaseReady) {
            return;
        }
        String admin = System.getProperty("it.pg.url").replaceAll("/[^/?]+(\\?.*)?$", "/postgres");
        try (Connection c = DriverManager.getConnection(admin, System.getProperty("it.pg.user"),
                System.getProperty("it.pg.password", ""));
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS badgeworks_arquillian WITH (FORCE)");
            s.execute("CREATE DATABASE badgeworks_arquillian");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the in-container tests' database on " + admin
                    + " (is PostgreSQL running? .ci/run starts it)", e);
        }
        databaseReady = true;
    }
}
