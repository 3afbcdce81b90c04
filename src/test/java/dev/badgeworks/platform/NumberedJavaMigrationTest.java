package dev.badgeworks.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;

/**
 * What Flyway recorded in every database that ran the Java migrations: version, description and checksum must stay
 * exactly these, or such a database no longer validates at start-up ("migration checksum mismatch").
 */
class NumberedJavaMigrationTest {

    private static String recorded(JavaMigration m) {
        return m.getVersion() + " | " + m.getDescription() + " | " + m.getChecksum();
    }

    @Test
    void theJavaMigrationsKeepWhatDatabasesRecorded() {
        List<JavaMigration> migrations = List.of(new LargeTableStorage(), new EarnWritesWithoutForeignKeys());
        assertEquals(List.of("19 | storage of large tables | 19",
                        "23 | earn and activity tables without foreign keys | 23"),
                migrations.stream().map(NumberedJavaMigrationTest::recorded).toList());
        migrations.forEach(m -> assertTrue(m.canExecuteInTransaction(), m.getDescription()));
    }
}
