package dev.badgeworks.activity.boundary;

import dev.badgeworks.activity.control.ActivityAttempt;
import dev.badgeworks.activity.control.ActivityCommand;
import dev.badgeworks.activity.control.ActivityOutcome;
import dev.badgeworks.earn.control.RequestIdConflict;
import dev.badgeworks.platform.GroupCommit;
import dev.badgeworks.platform.Metrics;
import dev.badgeworks.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Real-time activities on their way to the one {@link ActivityService}: concurrent single activities of an org share
 * a transaction (group commit, as single earns do: one commit for many callers instead of one each), and a list that
 * lost a requestId race runs again and answers as a repeat. A bulk request is one transaction of its own.
 */
@ApplicationScoped
public class LiveActivities {

    @Inject
    ActivityService activities;

    @Inject
    Metrics metrics;

    /** Tuned like the earns' group commit (operations.md): BADGEWORKS_ACTIVITY_GROUP_RUNNING and _SIZE. */
    private final GroupCommit<Long, ActivityCommand, ActivityOutcome> together = new GroupCommit<>(
            Settings.intBetween("badgeworks.activity.group.running", 1, 64, 2),
            Settings.intBetween("badgeworks.activity.group.size", 1, 1000, 64), this::recordTogether);

    /** One activity, decided as if alone though it may share its transaction with others of the org. */
    public ActivityOutcome record(long orgId, ActivityCommand command) {
        return together.submit(orgId, command);
    }

    /** Many activities in one transaction, run again when a concurrent request took a requestId. */
    public List<ActivityOutcome> recordAll(long orgId, List<? extends ActivityAttempt> attempts) {
        return RequestIdConflict.retrying(() -> activities.recordAll(orgId, attempts),
                () -> metrics.raceLost("activity"));
    }

    private List<ActivityOutcome> recordTogether(long orgId, List<ActivityCommand> commands) {
        metrics.grouped("activity", commands.size());
        return recordAll(orgId, commands);
    }
}
