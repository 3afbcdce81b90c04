package dev.badgeworks.imports.boundary;

import dev.badgeworks.api.LogSafe;
import dev.badgeworks.imports.entity.ImportJob;
import dev.badgeworks.imports.store.ImportLedger;
import dev.badgeworks.platform.Metrics;
import dev.badgeworks.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every instance, every quarter of a lease: renews the leases of the imports it is running, and takes over any
 * import whose owner's lease ran out (its instance died or froze), resuming it from its committed checkpoint.
 * The lease (BADGEWORKS_IMPORT_LEASE_SECONDS, default 60) is how long a dead instance's import waits; so does one
 * whose execution ended because the database became unreachable (a failover): it is resumed once the database is
 * back, by whichever instance looks first.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "SharedInbox"})
public class ImportLeases {

    private static final Logger LOG = Logger.getLogger(ImportLeases.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ImportLedger ledger;

    @Inject
    ImportService imports;

    @Inject
    SharedInbox inbox;

    @Inject
    Metrics metrics;

    @Inject
    RunningImports running;

    public static Duration lease() {
        return Duration.ofSeconds(Math.max(2, Long.parseLong(Settings.get("badgeworks.import.lease.seconds", "60"))));
    }

    @PostConstruct
    void schedule() {
        long every = Math.max(500, lease().toMillis() / 4);
        timers.createIntervalTimer(every, every, new TimerConfig("import-leases", false));
        metrics.gauge("badgeworks.imports.running", "Import executions running on this instance",
                () -> running.executions().size());
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        try {
            ledger.renewLeases(running.executions(), lease());
            if (!inbox.shared()) {
                return; // it would not find their files
            }
            for (ImportJob abandoned : ledger.abandoned()) {
                imports.takeOver(abandoned);
            }
        } catch (RuntimeException e) {
            // the database may be briefly unreachable: the next tick tries again
            LOG.log(Level.WARNING, "Import leases not renewed or checked this time", LogSafe.failure(e));
        }
    }
}
