package dev.badgeworks.earn.boundary;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.CountWindow;
import dev.badgeworks.badge.entity.EarnType;
import dev.badgeworks.badge.entity.LimitLevel;
import dev.badgeworks.earn.control.AskedEarn;
import dev.badgeworks.earn.control.BulkEarn;
import dev.badgeworks.earn.control.EarnAttempt;
import dev.badgeworks.earn.control.EarnCommand;
import dev.badgeworks.earn.control.EarnDecision;
import dev.badgeworks.earn.control.EarnMode;
import dev.badgeworks.earn.control.EarnOutcome;
import dev.badgeworks.earn.control.EarnRules;
import dev.badgeworks.earn.control.LimitTally;
import dev.badgeworks.earn.control.RequestIdCheck;
import dev.badgeworks.earn.control.RequestIdConflict;
import dev.badgeworks.earn.control.RequestReplay;
import dev.badgeworks.earn.control.SettledEarn;
import dev.badgeworks.earn.entity.CustomerBadge;
import dev.badgeworks.earn.entity.Earn;
import dev.badgeworks.earn.entity.EarnDates;
import dev.badgeworks.earn.entity.Enrolment;
import dev.badgeworks.earn.store.EarnStore;
import dev.badgeworks.events.control.BadgeEvent;
import dev.badgeworks.events.store.EventOutbox;
import dev.badgeworks.platform.Ids;
import dev.badgeworks.platform.Metrics;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one earn service: a REST earn is a list of one, an import chunk a list of many, a migration a list of up to a
 * thousand. {@link #earnAll} looks everything up set-wise (one call to the store per kind), decides each earn with
 * {@link EarnRules} and {@link LimitTally}, and writes the accepted earns at once.
 *
 * <p>A stateless session bean, as the design card draws it: the container's transaction (REQUIRED: it joins the
 * caller's — the REST path's grouped transaction, a batch chunk's — or begins one), and the API's refusals and
 * {@link RequestIdConflict} are application exceptions that roll it back and reach the caller as they are.
 */
@Stateless
public class EarnService {

    @Inject
    EarnStore store;

    @Inject
    Metrics metrics;

    @Inject
    EventOutbox outbox;

    Clock clock = Clock.systemUTC();

    /**
     * One outcome per attempt, in order. Repeats of finished requests (same org and requestId) are DUPLICATE or
     * CONFLICT, also within the list itself. Throws {@link RequestIdConflict} when a concurrent request took one of
     * the requestIds first; running the list again then reports it as a repeat.
     */
    public List<EarnOutcome> earnAll(long orgId, List<? extends EarnAttempt> attempts) {
        return earnAll(orgId, attempts, RequestIdCheck.LOOK_UP_FIRST);
    }

    /** As {@link #earnAll(long, List)}, learning of used requestIds as {@code check} says. */
    public List<EarnOutcome> earnAll(long orgId, List<? extends EarnAttempt> attempts, RequestIdCheck check) {
        Instant now = clock.instant();
        List<EarnCommand> commands = attempts.stream().map(EarnAttempt::command).filter(Objects::nonNull).toList();
        if (commands.isEmpty()) {
            return counted(null, attempts.stream().map(a -> EarnOutcome.rejected(a.error())).toList());
        }
        Map<String, BadgeMeta> badges = store.badges(orgId, distinct(commands, EarnCommand::badgeMetaId));
        Locked locked = lockLimits(commands, badges);
        Set<String> activeClaims = new HashSet<>();
        store.activeClaims(badges.values()).forEach(c ->
                activeClaims.add(claimKey(c.badgeId(), c.ownerType().name(), c.referenceId())));
        Map<CustomerBadge, List<Enrolment>> enrolments = enrolmentsOf(commands, badges);
        Map<CountWindowOf, EarnStore.WindowCount> windows = new HashMap<>();
        LimitTally.StoredCounts stored = storedCounts(locked, windows, now.toEpochMilli());
        Collection<String> requestIds = distinct(commands, EarnCommand::requestId);
        // read after the locks: a concurrent earn of the same requestId that held them is committed by now
        Decisions decisions = decideAll(orgId, attempts, badges, activeClaims, check == RequestIdCheck.LOOK_UP_FIRST
                ? store.earnsByRequestId(orgId, requestIds) : Map.of(), enrolments, stored, now);
        if (check == RequestIdCheck.CONSTRAINT && decisions.anyRefused()) {
            decisions = decideAll(orgId, attempts, badges, activeClaims, store.earnsByRequestId(orgId, requestIds),
                    enrolments, stored, now);
        }
        store.insert(decisions.accepted());
        // only a badge with a badge-wide limit has kept counts (a limit set after this list read the badge leaves
        // its earns out of them: its window is counted again, once)
        store.keepWindowCounts(windows.values(), decisions.accepted().stream()
                .filter(e -> badges.get(e.badgeId()).limits().any(LimitLevel.BADGE)).toList());
        Set<String> migrated = new HashSet<>();
        commands.stream().filter(c -> c.mode() == EarnMode.MIGRATION).forEach(c -> migrated.add(c.requestId()));
        outbox.record(orgId, earnedEvents(orgId, decisions.accepted(), migrated, now), now.toEpochMilli());
        return counted(commands.get(0).mode(), decisions.outcomes());
    }

    /**
     * Has the database read into its memory what {@link #earnAll} will touch for these attempts, so that their
     * transaction, later, finds it there: for an import, which reads its next rows while a chunk is written. Its
     * own short transaction; decides and changes nothing. Answers how many stored rows it found.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long readAhead(long orgId, List<? extends EarnAttempt> attempts) {
        return store.readAhead(orgId, attempts.stream().map(EarnAttempt::command).filter(Objects::nonNull).toList());
    }

    private record Decisions(List<EarnOutcome> outcomes, List<Earn> accepted) {

        boolean anyRefused() {
            return outcomes.stream().anyMatch(o -> o.kind() != EarnOutcome.Kind.EARNED);
        }
    }

    private Decisions decideAll(long orgId, List<? extends EarnAttempt> attempts, Map<String, BadgeMeta> badges,
                                Set<String> activeClaims, Map<String, Earn> stored,
                                Map<CustomerBadge, List<Enrolment>> enrolments, LimitTally.StoredCounts counts,
                                Instant now) {
        Map<String, Earn> known = new HashMap<>(stored);
        LimitTally limits = new LimitTally(counts, now.toEpochMilli());
        List<EarnOutcome> outcomes = new ArrayList<>(attempts.size());
        List<Earn> accepted = new ArrayList<>();
        for (EarnAttempt attempt : attempts) {
            EarnCommand command = attempt.command();
            EarnOutcome outcome = command == null ? EarnOutcome.rejected(attempt.error())
                    : decide(orgId, command, badges, activeClaims, known, enrolments, limits, now);
            if (outcome.kind() == EarnOutcome.Kind.EARNED && !known.containsKey(command.requestId())) {
                accepted.add(outcome.earn());
                known.put(command.requestId(), outcome.earn());
            }
            outcomes.add(outcome);
        }
        return new Decisions(outcomes, accepted);
    }

    /**
     * badgeEarned for each new earn, live or from the nightly import: a back-dated earn is still news to the program.
     * Not for migrations (§3.21: historical imports send no event) — the earn happened, and was told, elsewhere.
     */
    private static List<BadgeEvent> earnedEvents(long orgId, List<Earn> earns, Set<String> migrated, Instant now) {
        List<BadgeEvent> events = new ArrayList<>(earns.size());
        for (Earn e : earns) {
            if (migrated.contains(e.requestId())) {
                continue;
            }
            String source = e.importId() != null ? "FILE" : "LIVE";
            events.add(BadgeEvent.earned(orgId, new BadgeEvent.Earned(e.id(), e.badgeId(), e.customerId(),
                    e.enrolmentId(), e.requestId(), e.earnedOnMs(), e.earnEventMs(), e.expiresOnMs(),
                    e.ownerType().name(), e.ownerReferenceId(), source, e.importId(), e.importLine()),
                    now.toEpochMilli()));
        }
        return events;
    }

    /** Counts the outcomes by kind, error code and mode (of the list's first readable item) once they commit. */
    private List<EarnOutcome> counted(EarnMode mode, List<EarnOutcome> outcomes) {
        Map<List<String>, Long> counts = new HashMap<>();
        String modeTag = mode == null ? "unknown" : mode.name().toLowerCase(Locale.ROOT);
        for (EarnOutcome outcome : outcomes) {
            String code = outcome.error() == null ? "none" : String.valueOf(outcome.error().code());
            counts.merge(List.of(outcome.kind().name().toLowerCase(Locale.ROOT), code), 1L, Long::sum);
        }
        metrics.afterCommit(() -> counts.forEach((tags, n) -> metrics.count("badgeworks.earns",
                "Earns decided by the earn service, by outcome, error code and mode", n,
                "outcome", tags.get(0), "code", tags.get(1), "mode", modeTag)));
        return outcomes;
    }

    private EarnOutcome decide(long orgId, EarnCommand command, Map<String, BadgeMeta> badges, Set<String> activeClaims,
                               Map<String, Earn> known, Map<CustomerBadge, List<Enrolment>> enrolments,
                               LimitTally limits, Instant now) {
        Earn original = known.get(command.requestId());
        if (original != null) {
            return EarnOutcome.repeatOf(original, command);
        }
        BadgeMeta badge = badges.get(command.badgeMetaId());
        if (badge == null) {
            return EarnOutcome.rejected((command.mode() == EarnMode.MIGRATION ? ErrorCode.IMPORT_BADGE_NOT_FOUND
                    : ErrorCode.BADGE_NOT_FOUND).at("badgeMetaId"));
        }
        CustomerBadge customer = new CustomerBadge(badge.id(), command.customerId());
        boolean claimed = activeClaims.contains(claimKey(badge.id(), command.ownerType().name(), command.referenceId()));
        EarnDecision decision = EarnRules.decide(command.mode(), badge, claimed,
                enrolments.getOrDefault(customer, List.of()), command.eventDate(), command.expiresOn(), now);
        if (!decision.accepted()) {
            return EarnOutcome.rejected(decision.error());
        }
        // a migrated earn was processed elsewhere, when it happened: rolling windows count it at its event date
        long earnedOnMs = command.mode() == EarnMode.MIGRATION ? decision.eventMs() : now.toEpochMilli();
        ApiError limit = limits.admit(badge, command.customerId(), command.mode(), decision.eventMs(), earnedOnMs);
        if (limit != null) {
            return EarnOutcome.rejected(limit);
        }
        Earn earn = new Earn(Ids.newId(), orgId, badge.id(), command.customerId(), decision.enrolmentId(),
                command.requestId(), command.fingerprint(), decision.eventMs(), earnedOnMs, decision.expiresOnMs(),
                command.ownerType(), command.referenceId());
        if (command.origin() != null) {
            earn.from(command.origin().importId(), command.origin().line());
        }
        return EarnOutcome.earned(earn);
    }

    /**
     * What {@link #lockLimits} locked: the badges whose badge-wide limits are checked, and the customers whose stored
     * earns must be counted (those whose row already existed).
     */
    private record Locked(Set<String> badges, List<CustomerBadge> customersWithEarns) {
    }

    /** A badge-wide window of one badge, read once per list. */
    private record CountWindowOf(String badgeId, CountWindow window) {
    }

    /**
     * Locks what the limits of these earns count, in one order: first the badges with badge-wide limits (all their
     * earns wait for each other), then the customers of badges with per-customer limits. Every earn writes its
     * customer's row (migration V8), so a row created now belongs to a customer without earns.
     */
    private Locked lockLimits(List<EarnCommand> commands, Map<String, BadgeMeta> badges) {
        SortedSet<String> lockedBadges = new TreeSet<>();
        SortedSet<CustomerBadge> lockedCustomers = new TreeSet<>();
        for (EarnCommand command : commands) {
            BadgeMeta badge = badges.get(command.badgeMetaId());
            if (badge == null || badge.limits().isEmpty()) {
                continue;
            }
            if (command.mode().checksLimits() && badge.limits().any(LimitLevel.BADGE)) {
                lockedBadges.add(badge.id());
            }
            if (badge.limits().any(LimitLevel.CUSTOMER)) {
                lockedCustomers.add(new CustomerBadge(badge.id(), command.customerId()));
            }
        }
        store.lockBadges(lockedBadges);
        Set<CustomerBadge> created = store.lockCustomers(lockedCustomers);
        return new Locked(lockedBadges, lockedCustomers.stream().filter(c -> !created.contains(c)).toList());
    }

    /**
     * Per-customer counts from the customers' earns, read at once (not for customers known to have none); badge-wide
     * counts from the store, per window: a locked badge's window in progress (a rolling window, the cycle of now) from
     * what is kept for it, recorded in {@code windows} to be kept again with the earns this list adds. A back-dated
     * earn's past cycle is counted: every earn of the badge outdates what was kept for cycles it does not write, so a
     * file spread over many cycles would find little kept and add a write per cycle.
     */
    private LimitTally.StoredCounts storedCounts(Locked locked, Map<CountWindowOf, EarnStore.WindowCount> windows,
                                                 long nowMs) {
        Map<CustomerBadge, List<EarnDates>> dates = store.activeEarnDates(locked.customersWithEarns());
        return new LimitTally.StoredCounts() {
            @Override
            public long ofBadge(String badgeId, CountWindow window) {
                if (window.basis() != CountWindow.Basis.ALL && window.inProgress(nowMs)
                        && locked.badges().contains(badgeId)) {
                    return windows.computeIfAbsent(new CountWindowOf(badgeId, window),
                            w -> store.lockedWindowCount(badgeId, window)).earns();
                }
                return store.countActiveEarns(badgeId, window);
            }

            @Override
            public long ofCustomer(String badgeId, String customerId, CountWindow window) {
                return dates.getOrDefault(new CustomerBadge(badgeId, customerId), List.of()).stream()
                        .filter(d -> window.contains(d.eventMs(), d.earnedOnMs())).count();
            }
        };
    }

    /**
     * The earns activity rules ask for (each command a completion, its requestId derived from the rule and the
     * completion, see {@code RuleEvaluation}), which may have been asked for before: a new requestId is earned through
     * {@link #earnAll} like any earn; one already earned at another date is moved to the date asked for when the
     * earn rules accept that date (the badge's or enrolment's window) and the earn was made under the rule version
     * asking ({@link AskedEarn}), so the earns end the same whatever order the activities arrived in. An earn is never taken back or earned again after a revocation, and a move does not
     * count again toward limits. Runs in the caller's transaction, which holds the customers' activity locks.
     */
    public List<SettledEarn> settle(long orgId, List<AskedEarn> asked) {
        if (asked.isEmpty()) {
            return List.of();
        }
        List<EarnCommand> commands = asked.stream().map(AskedEarn::command).toList();
        Instant now = clock.instant();
        Map<String, Earn> made = store.earnsByRequestId(orgId, distinct(commands, EarnCommand::requestId));
        SettledEarn[] settled = new SettledEarn[commands.size()];
        List<EarnCommand> fresh = new ArrayList<>();
        List<Integer> freshAt = new ArrayList<>();
        List<Integer> movedAt = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            EarnCommand c = commands.get(i);
            Earn earn = made.get(c.requestId());
            if (earn == null) {
                fresh.add(c);
                freshAt.add(i);
            } else if (!earn.active() || earn.earnEventMs() == c.eventDate().toEpochMilli()
                    || earn.earnedOnMs() < asked.get(i).movableSinceMs()) {
                settled[i] = new SettledEarn(c, SettledEarn.Status.ALREADY_EARNED, earn, null);
            } else {
                movedAt.add(i);
            }
        }
        if (!movedAt.isEmpty()) {
            // a move writes its badge's counter stripe: the locks of the earns made after it come first, in the
            // order every earn takes them (badges, customers, stripes), or a concurrent earn and this could deadlock
            lockLimits(commands, store.badges(orgId, distinct(commands, EarnCommand::badgeMetaId)));
            moveAll(orgId, commands, movedAt, made, settled, now);
        }
        // just looked up and not found: the unique key refuses one a concurrent request made meanwhile
        List<EarnOutcome> outcomes = earnAll(orgId, fresh, RequestIdCheck.CONSTRAINT);
        for (int k = 0; k < fresh.size(); k++) {
            EarnOutcome o = outcomes.get(k);
            settled[freshAt.get(k)] = switch (o.kind()) {
                case EARNED -> new SettledEarn(fresh.get(k), SettledEarn.Status.EARNED, o.earn(), null);
                case DUPLICATE, CONFLICT -> new SettledEarn(fresh.get(k), SettledEarn.Status.ALREADY_EARNED, o.earn(),
                        null);
                case REJECTED -> new SettledEarn(fresh.get(k), SettledEarn.Status.REFUSED, null, o.error());
            };
        }
        return List.of(settled);
    }

    /** The earns to move, where the earn rules accept the new date; all moved in one batch. */
    private void moveAll(long orgId, List<EarnCommand> commands, List<Integer> movedAt, Map<String, Earn> made,
                         SettledEarn[] settled, Instant now) {
        List<EarnCommand> moving = movedAt.stream().map(commands::get).toList();
        Map<String, BadgeMeta> badges = store.badges(orgId, distinct(moving, EarnCommand::badgeMetaId));
        Map<CustomerBadge, List<Enrolment>> enrolments = enrolmentsOf(moving, badges);
        List<EarnStore.Move> moves = new ArrayList<>();
        List<Integer> movesAt = new ArrayList<>();
        for (int i : movedAt) {
            EarnCommand c = commands.get(i);
            Earn earn = made.get(c.requestId());
            BadgeMeta badge = badges.get(c.badgeMetaId());
            // the claim was checked when the earn was made; the date must still suit the badge (or enrolment)
            if (badge == null) {
                settled[i] = new SettledEarn(c, SettledEarn.Status.REFUSED, earn,
                        ErrorCode.BADGE_NOT_FOUND.at("badgeMetaId"));
                continue;
            }
            EarnDecision decision = EarnRules.decide(EarnMode.LIVE, badge, true, enrolments.getOrDefault(
                    new CustomerBadge(badge.id(), c.customerId()), List.of()), c.eventDate(), null, now);
            if (decision.accepted()) {
                moves.add(new EarnStore.Move(earn, decision.eventMs(), c.fingerprint()));
                movesAt.add(i);
            } else {
                settled[i] = new SettledEarn(c, SettledEarn.Status.REFUSED, earn, decision.error());
            }
        }
        Map<String, Earn> moved = new HashMap<>();
        store.move(moves).forEach(e -> moved.put(e.id(), e));
        for (int k = 0; k < moves.size(); k++) {
            int i = movesAt.get(k);
            Earn after = moved.get(moves.get(k).earn().id());
            settled[i] = after == null ? new SettledEarn(commands.get(i), SettledEarn.Status.ALREADY_EARNED,
                    moves.get(k).earn(), null) : new SettledEarn(commands.get(i), SettledEarn.Status.MOVED, after, null);
        }
    }

    /**
     * One badge earned by many customers: their earns go through {@link #earnAll} as one list (one set-based pass)
     * and the answer is logged under the request's requestId in the same transaction. A repeat is 809 with the
     * original answer in data (per-customer outcomes as they were then); a requestId reused for other content is 809
     * without data. When every customer fails for a reason of the badge (not found, not claimed, not live …) the
     * request fails as a whole with that error and nothing is logged.
     */
    public BulkEarn.Result earnBulk(long orgId, BulkEarn bulk) {
        RequestReplay.ifKnown(store.loggedRequest(orgId, BulkEarn.OPERATION, bulk.requestId()), bulk.fingerprint());
        List<EarnOutcome> outcomes = earnAll(orgId, bulk.commands());
        ApiError whole = BulkEarn.wholeRequestError(outcomes);
        if (whole != null) {
            throw new ApiException(whole);
        }
        BulkEarn.Result result = bulk.result(outcomes);
        store.logRequest(RequestReplay.entry(orgId, BulkEarn.OPERATION, bulk.requestId(), bulk.fingerprint(), result,
                clock.millis()));
        return result;
    }

    /**
     * Revokes an active earn of this customer and badge: 404 when the org has no such badge, as every other operation
     * answers; 814 when the badge has no such active earn (also when a concurrent revoke won).
     */
    public Earn revoke(long orgId, String badgeMetaId, String customerId, String earnedBadgeId) {
        Earn earn = earnedBadgeId == null ? null
                : store.revoke(orgId, badgeMetaId, customerId, earnedBadgeId, clock.millis());
        if (earn == null && store.badges(orgId, Set.of(badgeMetaId)).isEmpty()) {
            throw ErrorCode.BADGE_NOT_FOUND.exception("badgeMetaId");
        }
        if (earn == null) {
            throw ErrorCode.NO_ACTIVE_EARN.exception("earnedBadgeId");
        }
        outbox.record(orgId, List.of(BadgeEvent.earnRevoked(orgId, earn.id(), earn.badgeId(), earn.customerId(),
                earn.revokedOnMs())), clock.millis());
        return earn;
    }

    private Map<CustomerBadge, List<Enrolment>> enrolmentsOf(List<EarnCommand> commands, Map<String, BadgeMeta> badges) {
        Set<String> issueEarnBadges = new HashSet<>();
        badges.values().stream().filter(b -> b.earnType() == EarnType.ISSUE_EARN).forEach(b -> issueEarnBadges.add(b.id()));
        Set<String> customers = new HashSet<>();
        commands.stream().filter(c -> issueEarnBadges.contains(c.badgeMetaId())).forEach(c -> customers.add(c.customerId()));
        return store.enrolments(issueEarnBadges, customers);
    }

    private static Set<String> distinct(List<EarnCommand> commands, Function<EarnCommand, String> field) {
        Set<String> values = new HashSet<>();
        commands.forEach(c -> values.add(field.apply(c)));
        return values;
    }

    private static String claimKey(String badgeId, String ownerType, String referenceId) {
        return badgeId + '\u001f' + ownerType + '\u001f' + referenceId;
    }
}
