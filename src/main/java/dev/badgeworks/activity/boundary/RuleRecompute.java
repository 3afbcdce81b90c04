package dev.badgeworks.activity.boundary;

import dev.badgeworks.api.LogSafe;
import dev.badgeworks.badge.entity.EarnRuleRecompute;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Recomputes every customer's earns of a rule from the stored activities, page by page (each page of customers one
 * transaction of {@link ActivityService#recompute}), when a rule change asked for it. Settling never earns twice,
 * so a sweep may run again, or overlap one on another instance: it only makes the earns still missing. A sweep cut
 * short (the instance stopped) is finished by running it again ({@code POST /badgeMeta/{id}/recompute}); until then a
 * customer's missing earns are also made when their next activity arrives.
 */
@ApplicationScoped
public class RuleRecompute {

    private static final Logger LOG = Logger.getLogger(RuleRecompute.class.getName());
    static final int PAGE = 200;

    @Inject
    ActivityService activities;

    @Resource
    ManagedExecutorService executor;

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) EarnRuleRecompute change) {
        start(change.orgId(), change.badgeId());
    }

    /** Starts a sweep in the background. */
    public void start(long orgId, String badgeId) {
        executor.submit(() -> sweep(orgId, badgeId));
    }

    void sweep(long orgId, String badgeId) {
        String after = "";
        long customers = 0;
        try {
            for (List<String> page = activities.recompute(orgId, badgeId, after, PAGE); !page.isEmpty();
                 page = activities.recompute(orgId, badgeId, after, PAGE)) {
                customers += page.size();
                after = page.get(page.size() - 1);
            }
            long done = customers;
            LOG.info(() -> "Recomputed the earns of rule badge " + LogSafe.text(badgeId) + " for " + done
                    + " customers");
        } catch (RuntimeException e) {
            long stoppedAt = customers;
            LOG.log(Level.WARNING, LogSafe.failure(e), () -> "Recomputing the earns of rule badge "
                    + LogSafe.text(badgeId)
                    + " stopped after " + stoppedAt + " customers; run it again with POST /badgeMeta/{id}/recompute");
        }
    }
}
