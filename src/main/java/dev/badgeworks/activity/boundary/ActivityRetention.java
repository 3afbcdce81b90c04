package dev.badgeworks.activity.boundary;

import dev.badgeworks.api.LogSafe;
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
 * Deletes activities older than they are needed, daily at 03:30 server time, when the operator set
 * {@code badgeworks.activities.keep.days} (BADGEWORKS_ACTIVITIES_KEEP_DAYS; unset or 0: kept for ever). What a rule
 * needs is always kept ({@code Retention}). Every instance runs it: deleting what another instance deleted deletes
 * nothing. Batches of {@value #BATCH}, each its own transaction, so earns never wait long behind it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class ActivityRetention {

    private static final Logger LOG = Logger.getLogger(ActivityRetention.class.getName());
    static final int BATCH = 10_000;

    @Resource
    TimerService timers;

    @Inject
    ActivityService activities;

    @PostConstruct
    void schedule() {
        if (keepDays() > 0) {
            timers.createCalendarTimer(new ScheduleExpression().second("0").minute("30").hour("3"),
                    new TimerConfig("activity-retention", false));
        }
    }

    static int keepDays() {
        return Settings.intBetween("badgeworks.activities.keep.days", 0, 36_500, 0);
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fire() {
        try {
            purgeNow();
        } catch (RuntimeException e) {
            // thrown on, it would make the container drop the timer after one more try: no purge ever again
            LOG.warning(() -> "Activity retention did not run (" + LogSafe.rootCause(e)
                    + "); the next day's run tries again");
        }
    }

    /** Runs the purge now over every org; answers how many activities it deleted. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long purgeNow() {
        int keepDays = keepDays();
        if (keepDays <= 0) {
            return 0;
        }
        long deleted = 0;
        for (long orgId : activities.orgsWithActivities()) {
            int n;
            do {
                n = activities.purge(orgId, keepDays, BATCH);
                deleted += n;
            } while (n > 0);
        }
        long total = deleted;
        LOG.info(() -> "Activity retention (" + keepDays + " days): " + total + " activities deleted");
        return total;
    }
}
