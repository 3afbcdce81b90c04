package dev.badgeworks.earn.boundary;

import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.Claim;
import dev.badgeworks.badge.entity.CountWindow;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.earn.control.EarnCommand;
import dev.badgeworks.earn.control.RequestIdConflict;
import dev.badgeworks.earn.entity.CustomerBadge;
import dev.badgeworks.earn.entity.Earn;
import dev.badgeworks.earn.entity.EarnDates;
import dev.badgeworks.earn.entity.Enrolment;
import dev.badgeworks.earn.entity.RequestLogEntry;
import dev.badgeworks.earn.store.EarnStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;

/** The earn store in memory, for the service tests: same contract as the database, one thread. */
class InMemoryEarnStore implements EarnStore {

    final Map<String, BadgeMeta> badges = new HashMap<>();
    final List<Claim> claims = new ArrayList<>();
    final List<Earn> earns = new ArrayList<>();
    final Set<String> revoked = new HashSet<>();
    final List<String> lockedBadges = new ArrayList<>();
    final List<CustomerBadge> lockedCustomers = new ArrayList<>();
    final Set<CustomerBadge> customerRows = new HashSet<>();
    final List<CustomerBadge> datesAskedFor = new ArrayList<>();
    int badgeLookups;
    int requestIdLookups;

    void add(BadgeMeta badge) {
        badges.put(badge.id(), badge);
        claims.add(new Claim("c-" + badge.id(), badge.id(), OwnerType.Loyalty, "p1", 0));
    }

    List<Earn> active() {
        return earns.stream().filter(e -> !revoked.contains(e.id())).toList();
    }

    @Override
    public Map<String, BadgeMeta> badges(long orgId, Collection<String> ids) {
        badgeLookups++;
        return badges.values().stream().filter(b -> b.orgId() == orgId && ids.contains(b.id()))
                .collect(Collectors.toMap(BadgeMeta::id, b -> b));
    }

    @Override
    public List<Claim> activeClaims(Collection<BadgeMeta> badges) {
        Set<String> badgeIds = badges.stream().map(BadgeMeta::id).collect(Collectors.toSet());
        return claims.stream().filter(c -> c.active() && badgeIds.contains(c.badgeId())).toList();
    }

    @Override
    public Map<String, Earn> earnsByRequestId(long orgId, Collection<String> requestIds) {
        requestIdLookups++;
        return earns.stream().filter(e -> e.orgId() == orgId && requestIds.contains(e.requestId()))
                .collect(Collectors.toMap(Earn::requestId, e -> e));
    }

    @Override
    public Map<CustomerBadge, List<Enrolment>> enrolments(Collection<String> badgeIds, Collection<String> customerIds) {
        return Map.of();
    }

    @Override
    public void lockBadges(SortedSet<String> badgeIds) {
        lockedBadges.addAll(badgeIds);
    }

    @Override
    public Set<CustomerBadge> lockCustomers(SortedSet<CustomerBadge> customers) {
        lockedCustomers.addAll(customers);
        Set<CustomerBadge> created = new HashSet<>(customers);
        created.removeAll(customerRows);
        customerRows.addAll(created);
        return created;
    }

    @Override
    public Map<CustomerBadge, List<EarnDates>> activeEarnDates(Collection<CustomerBadge> customers) {
        datesAskedFor.addAll(customers);
        return active().stream().filter(e -> customers.contains(new CustomerBadge(e.badgeId(), e.customerId())))
                .collect(Collectors.groupingBy(e -> new CustomerBadge(e.badgeId(), e.customerId()),
                        Collectors.mapping(e -> new EarnDates(e.earnEventMs(), e.earnedOnMs()), Collectors.toList())));
    }

    @Override
    public long countActiveEarns(String badgeId, CountWindow window) {
        return active().stream().filter(e -> e.badgeId().equals(badgeId)
                && window.contains(e.earnEventMs(), e.earnedOnMs())).count();
    }

    @Override
    public long viewedWindowCount(String badgeId, CountWindow window) {
        return countActiveEarns(badgeId, window);
    }

    /** Counted every time: nothing to keep in memory. */
    @Override
    public WindowCount lockedWindowCount(String badgeId, CountWindow window) {
        long earns = countActiveEarns(badgeId, window);
        return new WindowCount(badgeId, window, earns, window, earns, null, 0, false);
    }

    @Override
    public void keepWindowCounts(Collection<WindowCount> read, List<Earn> inserted) {
    }

    /** Its earns are in memory already. */
    @Override
    public long readAhead(long orgId, List<EarnCommand> commands) {
        return 0;
    }

    @Override
    public void insert(List<Earn> newEarns) {
        Set<String> taken = earns.stream().map(e -> e.orgId() + "/" + e.requestId()).collect(Collectors.toSet());
        for (Earn e : newEarns) {
            if (!taken.add(e.orgId() + "/" + e.requestId())) {
                throw new RequestIdConflict(null);
            }
        }
        earns.addAll(newEarns);
        newEarns.forEach(e -> customerRows.add(new CustomerBadge(e.badgeId(), e.customerId())));
    }

    @Override
    public Earn revoke(long orgId, String badgeId, String customerId, String earnId, long nowMs) {
        Earn earn = active().stream().filter(e -> e.id().equals(earnId) && e.badgeId().equals(badgeId)
                && e.customerId().equals(customerId)).findFirst().orElse(null);
        if (earn != null) {
            revoked.add(earn.id());
        }
        return earn;
    }

    @Override
    public List<Earn> move(List<Move> moves) {
        List<Earn> moved = new ArrayList<>();
        for (Move m : moves) {
            int at = earns.indexOf(m.earn());
            if (at >= 0 && !revoked.contains(m.earn().id())) {
                Earn now = m.earn().movedTo(m.toEventMs(), m.fingerprint());
                earns.set(at, now);
                moved.add(now);
            }
        }
        return moved;
    }

    final Map<String, RequestLogEntry> requestLog = new HashMap<>();

    @Override
    public RequestLogEntry loggedRequest(long orgId, String operation, String requestId) {
        return requestLog.get(orgId + "/" + operation + "/" + requestId);
    }

    @Override
    public void logRequest(RequestLogEntry entry) {
        if (requestLog.putIfAbsent(entry.orgId() + "/" + entry.operation() + "/" + entry.requestId(), entry) != null) {
            throw new RequestIdConflict(null);
        }
    }

    @Override
    public int purgeRequestLog(String operation, long beforeMs, int limit) {
        List<String> old = requestLog.entrySet().stream().filter(e -> e.getValue().operation().equals(operation)
                && e.getValue().createdOnMs() < beforeMs).limit(limit).map(Map.Entry::getKey).toList();
        old.forEach(requestLog::remove);
        return old.size();
    }

    @Override
    public List<DayCount> earnsPerDay(long orgId, String badgeId, long fromMs, long toMs) {
        return earns.stream().filter(e -> e.orgId() == orgId && (badgeId == null || e.badgeId().equals(badgeId))
                        && e.earnedOnMs() >= fromMs && e.earnedOnMs() < toMs)
                .collect(Collectors.groupingBy(e -> e.earnedOnMs() / 86_400_000L, java.util.TreeMap::new,
                        Collectors.toList()))
                .entrySet().stream().map(d -> new DayCount(d.getKey(), d.getValue().size(),
                        d.getValue().stream().filter(e -> e.revokedOnMs() != null).count())).toList();
    }
}
