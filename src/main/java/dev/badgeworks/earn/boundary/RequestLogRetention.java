package dev.badgeworks.earn.boundary;

import dev.badgeworks.api.LogSafe;
import dev.badgeworks.earn.control.BulkEarn;
import dev.badgeworks.earn.store.EarnStore;
import dev.badgeworks.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Deletes old request logs, daily at 03:45 server time. A bulk earn's log (up to a kilobyte per customer) is kept
 * {@code badgeworks.request.log.keep.ms} (BADGEWORKS_REQUEST_LOG_KEEP_MS, 30 days): each earn of a bulk is stored under
 * its own requestId, so a bulk repeated after its log is gone still earns nothing twice. An enrolment's log is its
 * only idempotency, so it is kept for ever unless {@code badgeworks.enrolment.log.keep.ms} says otherwise. Every
 * instance runs it: deleting what another instance deleted deletes nothing. Batches of {@value #BATCH}, each its
 * own transaction.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class RequestLogRetention {

    private static final Logger LOG = Logger.getLogger(RequestLogRetention.class.getName());
    static final int BATCH = 1_000;
    private static final long DAY_MS = 86_400_000L;

    /** How long each kind of log is kept (0: for ever) and how many logs a run deleted. */
    public record Purged(long bulkEarnKeepMs, long enrolmentKeepMs, long deleted) {
    }

    @Resource
    TimerService timers;

    @Inject
    EarnStore store;

    @PostConstruct
    void schedule() {
        timers.createCalendarTimer(new ScheduleExpression().second("0").minute("45").hour("3"),
                new TimerConfig("request-log-retention", false));
    }

    static long bulkEarnKeepMs() {
        return keepMs("badgeworks.request.log.keep.ms", 30 * DAY_MS);
    }

    static long enrolmentKeepMs() {
        return keepMs("badgeworks.enrolment.log.keep.ms", 0);
    }

    /** Unset or unreadable is the default; 0 or less keeps for ever. */
    private static long keepMs(String key, long fallback) {
        try {
            return Math.max(0, Settings.get(key).map(Long::parseLong).orElse(fallback));
        } catch (NumberFormatException e) {
            LOG.warning(() -> Settings.envName(key) + " is not a number of milliseconds: kept " + fallback + " ms");
            return fallback;
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fire() {
        try {
            purgeNow();
        } catch (RuntimeException e) {
            // thrown on, it would make the container drop the timer after one more try: no purge ever again
            LOG.warning(() -> "Request log retention did not run (" + LogSafe.rootCause(e)
                    + "); the next day's run tries again");
        }
    }

    /** Runs the purge now; answers the settings it used and how many logs it deleted. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Purged purgeNow() {
        long bulkMs = bulkEarnKeepMs();
        long enrolmentMs = enrolmentKeepMs();
        long now = System.currentTimeMillis();
        long deleted = purge(BulkEarn.OPERATION, bulkMs, now) + purge(EnrolmentService.OPERATION, enrolmentMs, now);
        LOG.info(() -> "Request log retention: " + deleted + " logs deleted (bulk earns kept " + bulkMs
                + " ms, enrolments " + (enrolmentMs == 0 ? "for ever" : enrolmentMs + " ms") + ")");
        return new Purged(bulkMs, enrolmentMs, deleted);
    }

    private long purge(String operation, long keepMs, long now) {
        if (keepMs <= 0) {
            return 0;
        }
        long deleted = 0;
        int n;
        do {
            n = store.purgeRequestLog(operation, now - keepMs, BATCH);
            deleted += n;
        } while (n == BATCH);
        return deleted;
    }
}
