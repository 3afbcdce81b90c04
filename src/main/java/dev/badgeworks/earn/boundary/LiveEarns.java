package dev.badgeworks.earn.boundary;

import dev.badgeworks.earn.control.BulkEarn;
import dev.badgeworks.earn.control.EarnCommand;
import dev.badgeworks.earn.control.EarnOutcome;
import dev.badgeworks.earn.control.RequestIdCheck;
import dev.badgeworks.earn.control.RequestIdConflict;
import dev.badgeworks.earn.control.RequestsInFlight;
import dev.badgeworks.platform.GroupCommit;
import dev.badgeworks.platform.Metrics;
import dev.badgeworks.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Real-time earns on their way to the one {@link EarnService}: concurrent single earns of an org share a
 * transaction (group commit), and an earn that lost a requestId race runs again and answers as a repeat. The batch
 * writer calls the earn service directly, one chunk a transaction; both reach the same rules in one step.
 */
@ApplicationScoped
public class LiveEarns {

    @Inject
    EarnService earns;

    @Inject
    Metrics metrics;

    private final RequestsInFlight running = new RequestsInFlight();

    /** Concurrent single earns of one org share a transaction (see {@link GroupCommit}); tuned in operations.md. */
    private final GroupCommit<Long, EarnCommand, EarnOutcome> together = new GroupCommit<>(
            Settings.intBetween("badgeworks.earn.group.running", 1, 64, 2),
            Settings.intBetween("badgeworks.earn.group.size", 1, 1000, 64), this::earnTogether);

    @PostConstruct
    void watchWaiting() {
        metrics.gauge("badgeworks.earns.waiting", "Single earns waiting for the next transaction of grouped earns",
                together::waiting);
    }

    /** One earn, decided as if alone though it may share its transaction with others of the org. */
    public EarnOutcome earn(long orgId, EarnCommand command) {
        long arrivedMs = System.currentTimeMillis();
        try (RequestsInFlight.Entry inFlight = running.enter(orgId, command.requestId())) {
            EarnOutcome outcome = together.submit(orgId, command);
            // the unique key refuses a plain repeat of a finished request as it refuses a racing one: a race only when
            // a request with this requestId was running here when this one arrived, or the earn that won began after
            // it arrived (another instance's, on one clock), so it cannot have been committed before
            if (outcome.kind() != EarnOutcome.Kind.EARNED && outcome.kind() != EarnOutcome.Kind.REJECTED
                    && (inFlight.overlapped() || outcome.earn() != null && outcome.earn().earnedOnMs() > arrivedMs)) {
                metrics.raceLost("earn");
            }
            return outcome;
        }
    }

    /** One badge for many customers in one transaction, run again when a concurrent request took its requestId. */
    public BulkEarn.Result earnBulk(long orgId, BulkEarn bulk) {
        return RequestIdConflict.retrying(() -> earns.earnBulk(orgId, bulk), () -> metrics.raceLost("earnBulk"));
    }

    /** One transaction for the grouped earns of an org, retried as a list when a concurrent request took a requestId. */
    private List<EarnOutcome> earnTogether(long orgId, List<EarnCommand> commands) {
        metrics.grouped("earn", commands.size());
        try {
            // new requestIds, as nearly every real-time earn has: the unique key is the check
            return earns.earnAll(orgId, commands, RequestIdCheck.CONSTRAINT);
        } catch (RequestIdConflict taken) {
            return RequestIdConflict.retrying(() -> earns.earnAll(orgId, commands), () -> metrics.raceLost("earn"));
        }
    }
}
