package dev.badgeworks.imports.boundary;

import dev.badgeworks.api.LogSafe;
import dev.badgeworks.imports.store.ImportRuntime;
import dev.badgeworks.platform.Instance;
import dev.badgeworks.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.Date;
import java.util.logging.Logger;

/**
 * The nightly inbox scan (default 02:00 server time; BADGEWORKS_IMPORT_SCHEDULE, e.g. "minute=30;hour=1").
 * Every instance has the timer; the first to claim the slot in the database runs it, so several instances
 * sharing one database scan once. The slot is named by the timer's next scheduled time, which every instance
 * computes alike however late its timer fires (the fire time, even rounded, differed when one was half a second
 * late, and the scan ran twice). A scan the database interrupted (a failover) is tried again every
 * {@value #RETRY_MS} ms until it runs, under the same slot: the night's files are not left for the next night.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class ImportScheduler {

    private static final Logger LOG = Logger.getLogger(ImportScheduler.class.getName());
    static final String NAME = "inbox-scan";
    static final long RETRY_MS = 15_000;

    /** The timer's info of a retry: the slot of the scan it runs again. */
    record Retry(String slot) implements Serializable {
    }

    @Resource
    TimerService timers;

    @Inject
    ImportRuntime runtime;

    @Inject
    InboxScan inbox;

    @PostConstruct
    void schedule() {
        String spec = Settings.get("badgeworks.import.schedule", "second=0;minute=0;hour=2");
        timers.createCalendarTimer(expression(spec), new TimerConfig(NAME, false));
        LOG.info(() -> "Inbox scan scheduled at " + spec + " over " + dev.badgeworks.imports.control.ImportFiles
                .fromSettings().inbox());
    }

    static ScheduleExpression expression(String spec) {
        ScheduleExpression e = new ScheduleExpression().second("0").minute("0").hour("2");
        for (String part : spec.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("schedule part '" + part + "' is not field=value");
            }
            String value = kv[1].trim();
            switch (kv[0].trim()) {
                case "second" -> e.second(value);
                case "minute" -> e.minute(value);
                case "hour" -> e.hour(value);
                case "dayOfMonth" -> e.dayOfMonth(value);
                case "month" -> e.month(value);
                case "dayOfWeek" -> e.dayOfWeek(value);
                case "timezone" -> e.timezone(value);
                default -> throw new IllegalArgumentException("unknown schedule field '" + kv[0] + "'");
            }
        }
        return e;
    }

    /** The slot a firing claims: the one before the given next scheduled time. */
    static String slotOf(Date nextTimeout) {
        return "before " + nextTimeout.toInstant();
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fire(Timer timer) {
        String slot = timer.getInfo() instanceof Retry retry ? retry.slot() : slotOf(timer.getNextTimeout());
        try {
            if (!runtime.claimSlot(NAME, slot, Instance.ID)) {
                LOG.fine(() -> "Inbox scan " + slot + " taken by another instance");
                return;
            }
            int started = inbox.scanInbox().size();
            LOG.info(() -> "Inbox scan " + slot + ": " + started + " file(s) imported");
        } catch (RuntimeException e) {
            // thrown on, it would make the container drop the timer after one more try: no scan ever again
            LOG.warning(() -> "Inbox scan " + slot + " could not run (" + LogSafe.rootCause(e) + "); trying again in "
                    + RETRY_MS + " ms");
            timers.createSingleActionTimer(RETRY_MS, new TimerConfig(new Retry(slot), false));
        }
    }
}
