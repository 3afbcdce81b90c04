package dev.badgeworks.activity.boundary;

import dev.badgeworks.activity.control.Activity;
import dev.badgeworks.activity.control.ActivityAttempt;
import dev.badgeworks.activity.control.ActivityCommand;
import dev.badgeworks.activity.control.ActivityOutcome;
import dev.badgeworks.activity.control.ActivityRule;
import dev.badgeworks.activity.control.Completion;
import dev.badgeworks.activity.control.Condition;
import dev.badgeworks.activity.control.Progress;
import dev.badgeworks.activity.control.RuleEvaluation;
import dev.badgeworks.activity.control.RuleHistory;
import dev.badgeworks.activity.control.Retention;
import dev.badgeworks.activity.control.RuleJson;
import dev.badgeworks.activity.control.RuleVersion;
import dev.badgeworks.activity.control.Settlement;
import dev.badgeworks.activity.store.ActivityStore;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.badge.store.BadgeDefinitions;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.api.JsonbConfiguration;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.earn.boundary.EarnService;
import dev.badgeworks.earn.control.AskedEarn;
import dev.badgeworks.earn.control.EarnCommand;
import dev.badgeworks.earn.control.EarnRules;
import dev.badgeworks.earn.control.SettledEarn;
import dev.badgeworks.events.control.BadgeEvent;
import dev.badgeworks.events.entity.EventType;
import dev.badgeworks.events.store.EventOutbox;
import dev.badgeworks.platform.Metrics;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one activity service: a REST activity is a list of one, a bulk request or an import chunk a list of many.
 * {@link #recordAll} locks the customers, refuses repeats, replays each moved rule over all of the customer's
 * activities (stored and new) with {@link RuleEvaluation}, hands every completion to the one {@link EarnService} as
 * an earn ({@link EarnService#settle}) and stores the new activities with their answers — one transaction.
 * <p>
 * Because a rule is replayed over the whole set of a customer's activities under the customer's lock, the progress
 * and the earns depend on which activities have arrived, not on the order they came in or which instance took them.
 */
@Stateless
public class ActivityService {

    @Inject
    ActivityStore store;

    @Inject
    ActivityRules rules;

    @Inject
    EarnService earns;

    @Inject
    Metrics metrics;

    @Inject
    EventOutbox outbox;

    @Inject
    BadgeDefinitions definitions;

    Clock clock = Clock.systemUTC();

    /** A rule that new activities of one customer moved; a map key by badge and customer (not the rule's deep hash). */
    private record Moved(RuleBadge rule, String customerId) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Moved m && m.rule.badgeId().equals(rule.badgeId()) && m.customerId.equals(customerId);
        }

        @Override
        public int hashCode() {
            return rule.badgeId().hashCode() * 31 + customerId.hashCode();
        }
    }

    /** A rule over one customer's activities: the progress by the rule in force, the completions of every version. */
    private record Evaluated(Progress progress, List<RuleHistory.Versioned> completions) {
    }

    private static Evaluated evaluate(RuleBadge rule, List<Activity> activities, Instant now) {
        RuleEvaluation current = RuleEvaluation.of(rule.rule(), activities, now);
        return new Evaluated(current.progress(), RuleHistory.completions(rule.versions(), activities, now, current));
    }

    /** The earns the completions ask for, made as the rule's owner with the completing activity's date. */
    private static List<AskedEarn> askedEarns(RuleBadge rule, String customerId,
                                              List<RuleHistory.Versioned> completions) {
        List<AskedEarn> asked = new ArrayList<>(completions.size());
        for (RuleHistory.Versioned v : completions) {
            Completion c = v.completion();
            asked.add(new AskedEarn(EarnCommand.live(rule.badgeId(), customerId, c.earnRequestId(), v.earnDate(),
                    rule.ownerType(), rule.referenceId()), v.versionChangedOn() == null ? 0
                    : v.versionChangedOn().toEpochMilli()));
        }
        return asked;
    }

    /** {@link #recordAll(long, List, Settlement)} settled at once: a REST answer tells what the rules did. */
    public List<ActivityOutcome> recordAll(long orgId, List<? extends ActivityAttempt> attempts) {
        return recordAll(orgId, attempts, Settlement.AT_ONCE);
    }

    /**
     * One outcome per attempt, in order. Repeats of stored activities (same org and requestId) are DUPLICATE or
     * CONFLICT, also within the list itself. Throws {@code RequestIdConflict} when a concurrent request stored one
     * of the requestIds first; running the list again then reports it as a repeat. {@link Settlement#DEFERRED}
     * stores the activities without answers and leaves their rules to {@link #settleWaiting}.
     */
    public List<ActivityOutcome> recordAll(long orgId, List<? extends ActivityAttempt> attempts,
                                           Settlement settlement) {
        Instant now = clock.instant();
        ActivityOutcome[] outcomes = new ActivityOutcome[attempts.size()];
        List<Integer> readable = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            ActivityCommand c = attempts.get(i).command();
            if (c == null) {
                outcomes[i] = ActivityOutcome.rejected(attempts.get(i).error());
            } else if (c.activity().eventDate().isAfter(now.plus(EarnRules.FUTURE_ALLOWANCE))) {
                outcomes[i] = ActivityOutcome.rejected(ErrorCode.EVENT_DATE_IN_FUTURE.at("eventDate",
                        "It may be at most 24 hours ahead of the server's clock."));
            } else {
                readable.add(i);
            }
        }
        if (!readable.isEmpty()) {
            record(orgId, attempts, readable, outcomes, settlement, now);
        }
        return counted(List.of(outcomes));
    }

    private void record(long orgId, List<? extends ActivityAttempt> attempts, List<Integer> readable,
                        ActivityOutcome[] outcomes, Settlement settlement, Instant now) {
        if (settlement == Settlement.AT_ONCE) {
            TreeSet<String> customers = new TreeSet<>();
            readable.forEach(i -> customers.add(attempts.get(i).command().customerId()));
            // first the lock, then every read: an evaluation of the same customer elsewhere is committed by then
            // (deferred, nothing is evaluated here: the insert marks the customers, and the settling pass locks them)
            store.lockCustomers(orgId, customers);
        }
        Set<String> requestIds = new LinkedHashSet<>();
        readable.forEach(i -> requestIds.add(attempts.get(i).command().requestId()));
        Map<String, ActivityStore.Known> known = store.known(orgId, requestIds);
        Map<String, Integer> firstOf = new HashMap<>();
        List<ActivityCommand> fresh = new ArrayList<>();
        List<Integer> freshAt = new ArrayList<>();
        for (int i : readable) {
            ActivityCommand c = attempts.get(i).command();
            ActivityStore.Known stored = known.get(c.requestId());
            if (stored != null && stored.writtenBy(c.origin())) {
                // an import line meeting the activity it stored itself (its chunk was cut short after committing):
                // recorded, as a clean run reports it
                outcomes[i] = ActivityOutcome.recorded(null);
            } else if (stored != null) {
                outcomes[i] = ActivityOutcome.repeatOf(stored.fingerprint(), stored.answer() != null
                        ? JsonInput.parseObject(stored.answer())
                        : ActivityViews.ActivityAnswer.of(c, List.of()).json(), c.fingerprint());
            } else if (firstOf.putIfAbsent(c.requestId(), i) == null) {
                fresh.add(c);
                freshAt.add(i);
            }
        }
        List<JsonObject> answers = settlement == Settlement.AT_ONCE ? evaluate(orgId, fresh, now)
                : Collections.nCopies(fresh.size(), null);
        List<ActivityStore.NewActivity> rows = new ArrayList<>(fresh.size());
        for (int k = 0; k < fresh.size(); k++) {
            ActivityCommand c = fresh.get(k);
            outcomes[freshAt.get(k)] = ActivityOutcome.recorded(answers.get(k));
            rows.add(new ActivityStore.NewActivity(orgId, c.activity(), c.fingerprint(), now.toEpochMilli(),
                    c.origin() == null ? null : c.origin().importId(), c.origin() == null ? null : c.origin().line(),
                    answers.get(k) == null ? null : answers.get(k).toString()));
        }
        store.insert(rows, settlement);
        // a requestId repeated within the list: a repeat of its first occurrence
        for (int i : readable) {
            if (outcomes[i] == null) {
                int first = firstOf.get(attempts.get(i).command().requestId());
                outcomes[i] = ActivityOutcome.repeatOf(attempts.get(first).command().fingerprint(),
                        outcomes[first].answer(), attempts.get(i).command().fingerprint());
            }
        }
    }

    /** The answers of the new activities, in order, after every rule they moved was replayed and settled. */
    private List<JsonObject> evaluate(long orgId, List<ActivityCommand> fresh, Instant now) {
        Set<String> names = new TreeSet<>();
        String[] spelled = new String[fresh.size()];
        Map<String, List<Integer>> freshOf = new LinkedHashMap<>();
        for (int k = 0; k < fresh.size(); k++) {
            spelled[k] = RuleJson.spelling(fresh.get(k).activity().activity());
            names.add(spelled[k]);
            freshOf.computeIfAbsent(fresh.get(k).customerId(), c -> new ArrayList<>()).add(k);
        }
        // each rule a customer's new activities meet, with those activities (their positions, in order)
        Map<Moved, List<Integer>> metBy = new LinkedHashMap<>();
        for (RuleBadge rule : rules.reading(orgId, names)) {
            freshOf.forEach((customer, positions) -> {
                List<Integer> met = new ArrayList<>();
                for (int k : positions) {
                    if (spelled[k].equals(rule.activity()) && meets(rule, fresh.get(k).activity())) {
                        met.add(k);
                    }
                }
                if (!met.isEmpty()) {
                    metBy.put(new Moved(rule, customer), met);
                }
            });
        }
        Map<String, List<Activity>> stored = Map.of();
        if (!metBy.isEmpty()) {
            Set<String> customers = new TreeSet<>();
            Set<String> ruleNames = new TreeSet<>();
            metBy.keySet().forEach(m -> {
                customers.add(m.customerId());
                ruleNames.add(m.rule().activity());
            });
            stored = store.activitiesOf(orgId, customers, ruleNames);
        }
        Map<Moved, Evaluated> evaluations = new LinkedHashMap<>();
        List<AskedEarn> asked = new ArrayList<>();
        for (Map.Entry<Moved, List<Integer>> e : metBy.entrySet()) {
            Moved m = e.getKey();
            List<Activity> all = new ArrayList<>(stored.getOrDefault(m.customerId(), List.of()));
            freshOf.get(m.customerId()).forEach(k -> all.add(fresh.get(k).activity()));
            Evaluated evaluated = evaluate(m.rule(), all, now);
            evaluations.put(m, evaluated);
            // replayed in event order, nothing before the earliest new activity changed: only completions from it on
            // are settled again (a rule change, a claim or an activation settles the rest: RuleRecompute)
            Instant earliest = e.getValue().stream().map(k -> fresh.get(k).activity().eventDate())
                    .min(Instant::compareTo).orElseThrow();
            asked.addAll(askedEarns(m.rule(), m.customerId(), evaluated.completions().stream()
                    .filter(v -> !v.completion().eventDate().isBefore(earliest)).toList()));
        }
        List<SettledEarn> settled = earns.settle(orgId, asked);
        Map<String, SettledEarn> byRequestId = new HashMap<>();
        settled.forEach(s -> byRequestId.put(s.command().requestId(), s));
        if (!evaluations.isEmpty() && outbox.subscribed(orgId, EventType.BADGE_PROGRESSED)) {
            List<Progressed> progressed = new ArrayList<>(evaluations.size());
            evaluations.forEach((m, evaluated) -> {
                List<Integer> met = metBy.get(m);
                progressed.add(new Progressed(m, fresh.get(met.get(met.size() - 1)).requestId(), evaluated));
            });
            outbox.record(orgId, progressed(orgId, progressed, now), now.toEpochMilli());
        }
        return answers(fresh, evaluations, metBy, byRequestId);
    }

    /** A rule the activities of a customer moved: the last of those activities, the rule's evaluation. */
    private record Progressed(Moved moved, String lastRequestId, Evaluated evaluated) {
    }

    /** badgeProgressed for every rule and customer the activities moved, naming the last activity of them. */
    private static List<BadgeEvent> progressed(long orgId, List<Progressed> moved, Instant now) {
        List<BadgeEvent> events = new ArrayList<>(moved.size());
        for (Progressed p : moved) {
            JsonObject progress = JsonInput.parseObject(JsonbConfiguration.jsonb().toJson(
                    ActivityViews.ProgressView.of(p.moved().rule().rule(), p.evaluated().progress())));
            events.add(BadgeEvent.progressed(orgId, p.moved().rule().badgeId(), p.moved().customerId(),
                    p.lastRequestId(), progress, p.evaluated().completions().size(), now.toEpochMilli()));
        }
        return events;
    }

    /**
     * Each new activity's answer: every rule it meets, with the progress now and the earns this arrival made, moved
     * or was refused — on the completing activity when it is new, else on the customer's last new activity of the
     * rule (a back-dated activity changes a completion an older activity made).
     */
    private static List<JsonObject> answers(List<ActivityCommand> fresh, Map<Moved, Evaluated> evaluations,
                                            Map<Moved, List<Integer>> metBy, Map<String, SettledEarn> settled) {
        Map<String, Integer> position = new HashMap<>();
        for (int k = 0; k < fresh.size(); k++) {
            position.put(fresh.get(k).requestId(), k);
        }
        List<List<ActivityViews.RuleAnswer>> rulesOf = new ArrayList<>(fresh.size());
        for (int k = 0; k < fresh.size(); k++) {
            rulesOf.add(new ArrayList<>());
        }
        evaluations.forEach((m, evaluation) -> {
            List<Integer> met = metBy.get(m);
            int last = met.get(met.size() - 1);
            Map<Integer, List<SettledEarn>> earnsAt = new HashMap<>();
            for (RuleHistory.Versioned v : evaluation.completions()) {
                Completion c = v.completion();
                SettledEarn s = settled.get(c.earnRequestId());
                if (s != null && s.status() != SettledEarn.Status.ALREADY_EARNED) {
                    Integer at = position.get(c.activity().requestId());
                    earnsAt.computeIfAbsent(at != null && met.contains(at) ? at : last, k -> new ArrayList<>()).add(s);
                }
            }
            for (int k : met) {
                rulesOf.get(k).add(ActivityViews.RuleAnswer.of(m.rule(), evaluation.progress(),
                        earnsAt.getOrDefault(k, List.of())));
            }
        });
        List<JsonObject> answers = new ArrayList<>(fresh.size());
        for (int k = 0; k < fresh.size(); k++) {
            // a file's rows are answered by the import's counts and rejects: their answers are neither built nor kept
            answers.add(fresh.get(k).origin() != null ? null
                    : ActivityViews.ActivityAnswer.of(fresh.get(k), rulesOf.get(k)).json());
        }
        return answers;
    }

    /** Whether the activity (of the rule's name) meets every condition of the rule in force. */
    private static boolean meets(RuleBadge rule, Activity a) {
        for (Condition c : rule.rule().conditions()) {
            if (!c.test(a.attributes())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Settles up to {@code limit} customers whose activities were stored {@link Settlement#DEFERRED}: each customer
     * locked, every rule of the org replayed once over all of the customer's activities, and the completions from the
     * customer's earliest waiting activity on handed to the earn service — what settling each arrival at once would
     * have ended with. Answers how many customers it picked (0: none waits).
     */
    public int settleWaiting(long orgId, int limit) {
        Instant now = clock.instant();
        List<String> picked = store.waiting(orgId, limit);
        if (picked.isEmpty()) {
            return 0;
        }
        store.lockCustomers(orgId, new TreeSet<>(picked));
        // read under the locks: another pass (a second file of the org) may have settled some meanwhile
        Map<String, Instant> since = store.unsettledSince(orgId, picked);
        List<RuleBadge> all = rules.reading(orgId, null);
        Set<String> names = new TreeSet<>();
        all.forEach(r -> names.add(r.activity()));
        Map<String, List<Activity>> activities = since.isEmpty() ? Map.of()
                : store.activitiesOf(orgId, since.keySet(), names);
        boolean subscribed = outbox.subscribed(orgId, EventType.BADGE_PROGRESSED);
        List<AskedEarn> asked = new ArrayList<>();
        List<Progressed> progressed = new ArrayList<>();
        activities.forEach((customer, theirs) -> {
            Instant from = since.get(customer);
            for (RuleBadge rule : all) {
                // the rule's activities among the waiting ones; none: nothing the rule reads has changed
                Activity last = null;
                for (Activity a : theirs) {
                    if (!a.eventDate().isBefore(from) && a.activity().equals(rule.activity()) && meets(rule, a)
                            && (last == null || a.eventDate().isAfter(last.eventDate()))) {
                        last = a;
                    }
                }
                if (last == null) {
                    continue;
                }
                Evaluated evaluated = evaluate(rule, theirs, now);
                asked.addAll(askedEarns(rule, customer, evaluated.completions().stream()
                        .filter(v -> !v.completion().eventDate().isBefore(from)).toList()));
                if (subscribed) {
                    progressed.add(new Progressed(new Moved(rule, customer), last.requestId(), evaluated));
                }
            }
        });
        List<SettledEarn> settled = earns.settle(orgId, asked);
        if (!progressed.isEmpty()) {
            outbox.record(orgId, progressed(orgId, progressed, now), now.toEpochMilli());
        }
        store.settled(orgId, since.keySet());
        Map<String, Long> counts = new HashMap<>();
        settled.forEach(e -> counts.merge(e.status().name().toLowerCase(Locale.ROOT), 1L, Long::sum));
        metrics.afterCommit(() -> counts.forEach((status, n) -> metrics.count("badgeworks.activity.settled",
                "Earns of activity rules settled after a file, by what became of them", n, "status", status)));
        return picked.size();
    }

    /**
     * Recomputes the earns of one rule badge for the next customers (in id order after {@code after}) with its
     * activities: each customer locked, the rule's versions replayed and every completion settled, as an arrival
     * would. Answers the customers done (none: the sweep is over, or the badge has no active rule).
     */
    public List<String> recompute(long orgId, String badgeId, String after, int limit) {
        Instant now = clock.instant();
        RuleBadge rule = rules.reading(orgId, null).stream().filter(r -> r.badgeId().equals(badgeId)).findFirst()
                .orElse(null);
        if (rule == null) {
            return List.of();
        }
        String name = rule.activity();
        List<String> customers = store.customersWith(orgId, name, after, limit);
        if (customers.isEmpty()) {
            return customers;
        }
        store.lockCustomers(orgId, new TreeSet<>(customers));
        Map<String, List<Activity>> activities = store.activitiesOf(orgId, customers, Set.of(name));
        List<AskedEarn> asked = new ArrayList<>();
        activities.forEach((customer, list) ->
                asked.addAll(askedEarns(rule, customer, evaluate(rule, list, now).completions())));
        List<SettledEarn> settled = earns.settle(orgId, asked);
        Map<String, Long> counts = new HashMap<>();
        settled.forEach(e -> counts.merge(e.status().name().toLowerCase(Locale.ROOT), 1L, Long::sum));
        metrics.afterCommit(() -> counts.forEach((status, n) -> metrics.count("badgeworks.activity.recomputed",
                "Earns of recomputed activity rules, by what became of them", n, "status", status)));
        return customers;
    }

    /** What a proposed rule would have earned one customer in a period: the completions, and the activities read. */
    public record Simulated(String customerId, int earns, int activities) {
    }

    /**
     * A dry run of {@code rule} for the next customers (in id order after {@code after}; or exactly
     * {@code customers} when given) with activities of its name: how many times it would have reached its target in
     * {@code [from, to)}, over all their stored activities (so windows and progress before {@code from} count).
     * Changes nothing.
     */
    public List<Simulated> simulate(long orgId, ActivityRule rule, Instant from, Instant to, String after, int limit,
                                    List<String> customers) {
        String name = RuleJson.spelling(rule.activity());
        List<String> page = customers != null ? customers : store.customersWith(orgId, name, after, limit);
        Map<String, List<Activity>> activities = store.activitiesOf(orgId, page, Set.of(name));
        List<Simulated> out = new ArrayList<>(page.size());
        for (String customer : page) {
            List<Activity> theirs = activities.getOrDefault(customer, List.of());
            long earns = RuleEvaluation.of(rule, theirs, to).completions().stream()
                    .filter(c -> !c.eventDate().isBefore(from) && c.eventDate().isBefore(to)).count();
            out.add(new Simulated(customer, (int) earns, theirs.size()));
        }
        return out;
    }

    /**
     * Deletes (up to {@code limit} of) the org's activities older than their names' retention (see {@link Retention};
     * {@code keepDays} is the operator's setting). Answers how many it deleted; the caller runs it again until none.
     */
    public int purge(long orgId, int keepDays, int limit) {
        Instant now = clock.instant();
        Map<String, List<ActivityRule>> byName = new HashMap<>();
        for (String stored : definitions.ruleTexts(orgId)) {
            for (RuleVersion v : RuleJson.versions(stored, "retention")) {
                byName.computeIfAbsent(RuleJson.spelling(v.rule().activity()), k -> new ArrayList<>()).add(v.rule());
            }
        }
        int deleted = 0;
        for (Map.Entry<String, List<ActivityRule>> name : new TreeMap<>(byName).entrySet()) {
            Optional<Duration> keep = Retention.keep(name.getValue(), keepDays);
            if (keep.isPresent() && deleted < limit) {
                deleted += store.purge(orgId, name.getKey(), null, now.minus(keep.get()).toEpochMilli(),
                        limit - deleted);
            }
        }
        Optional<Duration> unread = Retention.keep(List.of(), keepDays);
        if (unread.isPresent() && deleted < limit) {
            deleted += store.purge(orgId, null, byName.keySet(), now.minus(unread.get()).toEpochMilli(),
                    limit - deleted);
        }
        return deleted;
    }

    /** The orgs with activities (for the retention sweep). */
    public List<Long> orgsWithActivities() {
        return store.orgsWithActivities();
    }

    /**
     * Where the customer stands on each of the org's rule badges now: the rule's progress over the customer's stored
     * activities. A customer without activities has progress 0 on every rule.
     */
    public ActivityViews.CustomerProgress progress(long orgId, String customerId) {
        Instant now = clock.instant();
        List<RuleBadge> all = rules.reading(orgId, null);
        Set<String> names = new TreeSet<>();
        all.forEach(r -> names.add(r.activity()));
        List<Activity> activities = store.activitiesOf(orgId, List.of(customerId), names)
                .getOrDefault(customerId, List.of());
        List<ActivityViews.RuleProgress> progress = new ArrayList<>(all.size());
        for (RuleBadge r : all) {
            Evaluated evaluated = evaluate(r, activities, now);
            progress.add(new ActivityViews.RuleProgress(r.badgeId(), r.badgeName(), r.rule().activity(),
                    evaluated.completions().size(), ActivityViews.ProgressView.of(r.rule(), evaluated.progress())));
        }
        return new ActivityViews.CustomerProgress(Jsons.customerId(customerId), progress);
    }

    private List<ActivityOutcome> counted(List<ActivityOutcome> outcomes) {
        Map<String, Long> counts = new HashMap<>();
        outcomes.forEach(o -> counts.merge(o.kind().name().toLowerCase(Locale.ROOT), 1L, Long::sum));
        metrics.afterCommit(() -> counts.forEach((kind, n) -> metrics.count("badgeworks.activities",
                "Activities decided by the activity service, by outcome", n, "outcome", kind)));
        return outcomes;
    }
}
