package dev.badgeworks.imports.batch;

import dev.badgeworks.activity.boundary.ActivityService;
import dev.badgeworks.earn.control.RequestIdConflict;
import dev.badgeworks.imports.store.ImportLedger;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * After an activity file has been read: has the activity service settle the rules of every customer the file's
 * chunks left waiting, a page of customers per transaction, until none waits. It keeps no checkpoint: the waiting
 * marks are the state, so a restarted or taken-over import settles what is left, and a page settled twice (by a
 * zombie execution, or a second file of the org) makes no earn twice.
 */
@Named("settleImportedActivities")
@Dependent
public class SettleActivities extends AbstractBatchlet {

    /** Customers per transaction: a few thousand activities read and earns settled at a time. */
    static final int PAGE = 500;

    @Inject
    ImportRun run;

    @Inject
    ImportLedger ledger;

    @Inject
    ActivityService activities;

    private volatile boolean stopping;

    @Override
    public String process() {
        long orgId = ledger.get(run.importId()).orgId();
        while (!stopping) {
            // stopped: what is left waits for the restart (or any later file of the org)
            if (!run.mayGoOn()) {
                return "STOPPED";
            }
            // a page that lost a race (a customer's lock waited too long on H2, an earn's requestId taken meanwhile)
            // is run again, as a chunk is
            if (RequestIdConflict.retrying(() -> activities.settleWaiting(orgId, PAGE)) == 0) {
                return "SETTLED";
            }
        }
        return "STOPPED";
    }

    @Override
    public void stop() {
        stopping = true;
    }
}
