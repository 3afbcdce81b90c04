package dev.badgeworks.platform;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * This running instance's name among the instances sharing a database: the JVM's pid@host plus a random part,
 * so a restarted instance (same host, perhaps the same pid in a container) is never mistaken for its predecessor.
 */
public final class Instance {

    public static final String ID = ManagementFactory.getRuntimeMXBean().getName() + "#"
            + UUID.randomUUID().toString().substring(0, 8);

    private Instance() {
    }
}
