package dev.badgeworks.platform;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A schema migration written in Java, numbered among the SQL ones ({@code db/migration}) and run in Flyway's
 * transaction like them. Its checksum is its version: the code is the record of what it did, and a database that
 * ran it must keep validating after the class is edited for anything but the schema. Version and description are
 * stored in Flyway's history: never change them.
 */
abstract class NumberedJavaMigration implements JavaMigration {

    private final int version;
    private final String description;

    NumberedJavaMigration(int version, String description) {
        this.version = version;
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(Integer.toString(version));
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return version;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
