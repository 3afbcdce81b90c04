package dev.badgeworks.earn.store;

import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.Claim;
import dev.badgeworks.badge.entity.CountWindow;
import dev.badgeworks.earn.control.EarnCommand;
import dev.badgeworks.earn.control.RequestIdConflict;
import dev.badgeworks.earn.entity.CustomerBadge;
import dev.badgeworks.earn.entity.Earn;
import dev.badgeworks.earn.entity.EarnDates;
import dev.badgeworks.earn.entity.Enrolment;
import dev.badgeworks.earn.entity.RequestLogEntry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/**
 * What the earn service reads and writes, set-wise: one call per kind of look-up for a whole list of earns.
 * {@link JpaEarnStore} is the database; the service tests use an in-memory one.
 */
public interface EarnStore {

    /** The org's badges among these ids, by id. */
    Map<String, BadgeMeta> badges(long orgId, Collection<String> ids);

    List<Claim> activeClaims(Collection<BadgeMeta> badges);

    /** The org's earns with these requestIds, by requestId. */
    Map<String, Earn> earnsByRequestId(long orgId, Collection<String> requestIds);

    Map<CustomerBadge, List<Enrolment>> enrolments(Collection<String> badgeIds, Collection<String> customerIds);

    /**
     * Locks the badges until the transaction ends: earns of a badge with badge-wide limits wait for each other
     * (on every instance sharing the database).
     */
    void lockBadges(SortedSet<String> badgeIds);

    /**
     * Locks these customers' earns of these badges until the transaction ends (per-customer limits), creating their
     * customer_badge rows where missing; answers those it created.
     */
    Set<CustomerBadge> lockCustomers(SortedSet<CustomerBadge> customers);

    /** The dates of these customers' active (unrevoked) earns of these badges. */
    Map<CustomerBadge, List<EarnDates>> activeEarnDates(Collection<CustomerBadge> customers);

    /** How many active earns of all customers of the badge lie in the window. */
    long countActiveEarns(String badgeId, CountWindow window);

    /**
     * As {@link #countActiveEarns}, for a view, which takes no lock: the count kept for a badge-wide window where it
     * is still valid (a promotion's support view no longer counts its window's earns), else counted.
     */
    long viewedWindowCount(String badgeId, CountWindow window);

    /**
     * A badge-wide window's active earns as read under the badge's lock ({@link #lockBadges}): {@code earns}; and
     * what is kept for the window ({@code keptWindow}, which holds it, and its count; the start of the kept row it
     * replaces, if any), with the badge's {@code changes} when read; {@code current} when the kept count was stored
     * as it is.
     */
    record WindowCount(String badgeId, CountWindow window, long earns, CountWindow keptWindow, long keptEarns,
                       Long replacedFromMs, long changes, boolean current) {
    }

    /**
     * How many active earns of the badge lie in the window, for an earn holding the badge's lock: the count kept for
     * the window while no earn of the badge changed since, else counted.
     */
    WindowCount lockedWindowCount(String badgeId, CountWindow window);

    /**
     * Keeps the window counts read under the badges' locks with these earns, just written, added to them, and adds
     * them to the other kept counts of their badges' windows in progress (a migration's earns, taking no lock).
     */
    void keepWindowCounts(Collection<WindowCount> read, List<Earn> inserted);

    /**
     * Reads into the database's memory what writing these earns will touch, outside any transaction of theirs;
     * changes nothing. Answers how many stored rows it found (0 where there is nothing to read ahead).
     */
    long readAhead(long orgId, List<EarnCommand> commands);

    /** Writes new earns; throws {@link RequestIdConflict} when a concurrent request took one of their requestIds. */
    void insert(List<Earn> earns);

    /** An active earn to be moved to {@code toEventMs}, now asked for with {@code fingerprint}. */
    record Move(Earn earn, long toEventMs, String fingerprint) {
    }

    /**
     * Moves active earns to other event dates, each only if it is still at the date it was read with: answers the
     * earns moved (as they are now); one revoked or moved meanwhile is left out.
     */
    List<Earn> move(List<Move> moves);

    /** The finished request of this operation with this requestId, or null. */
    RequestLogEntry loggedRequest(long orgId, String operation, String requestId);

    /** Records a finished request; throws {@link RequestIdConflict} when a concurrent request recorded it first. */
    void logRequest(RequestLogEntry entry);

    /** Deletes up to {@code limit} logged requests of this operation finished before {@code beforeMs}; answers how many. */
    int purgeRequestLog(String operation, long beforeMs, int limit);

    /**
     * Revokes the earn if it is an active earn of this org, badge and customer — decided by the database, so of
     * two concurrent revokes one wins. The revoked earn, or null when there was none to revoke.
     */
    Earn revoke(long orgId, String badgeId, String customerId, String earnId, long nowMs);

    /** Earns processed on one UTC day (days since the epoch), and how many of them are revoked by now. */
    record DayCount(long epochDay, long earned, long revoked) {

        /** This day's counts with those of another part of it. */
        public DayCount plus(DayCount more) {
            return new DayCount(epochDay, earned + more.earned, revoked + more.revoked);
        }
    }

    /**
     * The org's earns (of one badge, or of all when {@code badgeId} is null) by the UTC day they were processed on,
     * from {@code fromMs} included to {@code toMs} excluded; days without earns are left out.
     */
    List<DayCount> earnsPerDay(long orgId, String badgeId, long fromMs, long toMs);
}
