package dev.badgeworks.customer.boundary;

import dev.badgeworks.api.Pagination;
import dev.badgeworks.badge.boundary.BadgeService;
import dev.badgeworks.badge.boundary.BadgeView;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.EarnLimit;
import dev.badgeworks.badge.entity.EarnType;
import dev.badgeworks.badge.entity.LimitLevel;
import dev.badgeworks.badge.store.BadgeCounters;
import dev.badgeworks.badge.store.BadgeDefinitions;
import dev.badgeworks.customer.control.ConstraintStatistics;
import dev.badgeworks.customer.control.CustomerBadgeQuery;
import dev.badgeworks.customer.entity.CustomerStanding;
import dev.badgeworks.customer.store.CustomerBadgeStore;
import dev.badgeworks.earn.entity.CustomerBadge;
import dev.badgeworks.earn.entity.EarnDates;
import dev.badgeworks.earn.entity.Enrolment;
import dev.badgeworks.earn.store.EarnStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one customer of an org has: their badges by category (member and support views) and one badge in detail.
 * Read-only. A customer is only ever seen through the caller's org's badges: another org's customer with the same
 * id, or an id nobody earned with, simply has nothing (docs/decisions.md, "The customer's side").
 */
@ApplicationScoped
@Transactional
public class CustomerBadgeService {

    /** Earns per page of one badge's earn details, at most. */
    public static final int MAX_EARNS_PAGE = 1000;

    @Inject
    CustomerBadgeStore store;

    @Inject
    BadgeService badges;

    @Inject
    EarnStore earns;

    Clock clock = Clock.systemUTC();

    private record Listed<T>(List<T> views, Pagination pagination) {
    }

    public CustomerViews.MemberBadges member(long orgId, String customerId, CustomerBadgeQuery q) {
        Listed<CustomerViews.MemberBadge> listed = page(orgId, customerId, q, clock.millis(),
                (badge, standing, now) -> CustomerViews.MemberBadge.of(badge, standing));
        return new CustomerViews.MemberBadges(listed.views(), listed.pagination());
    }

    public CustomerViews.ManagementBadges management(long orgId, String customerId, CustomerBadgeQuery q) {
        Listed<CustomerViews.ManagementBadge> listed = page(orgId, customerId, q, clock.millis(),
                CustomerViews.ManagementBadge::of);
        return new CustomerViews.ManagementBadges(listed.views(), listed.pagination());
    }

    private interface View<T> {
        T of(BadgeView badge, CustomerStanding standing, long nowMs);
    }

    /**
     * One badge of the customer (404 when it is not the org's). With statistics: each earn limit with its current
     * count, the customer's enrolments and a page of their earns, latest first by processing or event date.
     */
    public CustomerViews.BadgeOfCustomer badge(long orgId, String customerId, String badgeId, boolean statistics,
                                               boolean byEvent, int page, int size) {
        long now = clock.millis();
        BadgeMeta badge = badges.find(orgId, badgeId);
        BadgeView view = BadgeView.of(badge, badges.groupNamesOf(orgId, List.of(badge)).get(badge.badgeGroupId()),
                badges.claimsOf(List.of(badge.id())).getOrDefault(badge.id(), List.of()), BadgeCounters.Counts.ZERO, now);
        CustomerStanding standing = store.standing(orgId, customerId, badge.id());
        CustomerBadgeStore.EarnCounts counts = store.earnCounts(orgId, customerId, badge.id(), now);
        return CustomerViews.BadgeOfCustomer.of(view, customerId, standing, counts.active(),
                statistics ? statistics(orgId, customerId, badge, standing, counts.all(), byEvent, page, size, now)
                        : null);
    }

    private CustomerViews.Statistics statistics(long orgId, String customerId, BadgeMeta badge,
                                                CustomerStanding standing, long earnCount, boolean byEvent, int page,
                                                int size, long now) {
        CustomerBadge pair = new CustomerBadge(badge.id(), customerId);
        List<EarnDates> dates = badge.limits().any(LimitLevel.CUSTOMER)
                ? earns.activeEarnDates(List.of(pair)).getOrDefault(pair, List.of()) : List.of();
        List<ConstraintStatistics> customer = new ArrayList<>();
        List<ConstraintStatistics> whole = new ArrayList<>();
        for (EarnLimit limit : badge.limits().all()) {
            if (limit.level() == LimitLevel.CUSTOMER) {
                customer.add(ConstraintStatistics.of(limit, badge, now, w -> dates.stream()
                        .filter(d -> w.contains(d.eventMs(), d.earnedOnMs())).count()));
            } else {
                whole.add(ConstraintStatistics.of(limit, badge, now, w -> earns.viewedWindowCount(badge.id(), w)));
            }
        }
        List<Enrolment> enrolments = badge.earnType() == EarnType.ISSUE_EARN
                ? store.enrolments(orgId, customerId, badge.id()) : List.of();
        CustomerViews.IssualDetails issuals = badge.earnType() == EarnType.ISSUE_EARN
                ? new CustomerViews.IssualDetails(enrolments.stream().filter(n -> !n.revoked()).count(),
                        enrolments.stream().map(n -> CustomerViews.Issual.of(n, now)).toList())
                : null;
        List<CustomerViews.EarnDetail> earnPage = store.earns(orgId, customerId, badge.id(), byEvent, page, size)
                .stream().map(e -> CustomerViews.EarnDetail.of(e, now)).toList();
        return new CustomerViews.Statistics(customer, whole, issuals,
                badge.earnType() == EarnType.ISSUE_EARN ? standing.issueStatus(now) : null,
                new CustomerViews.EarnDetails(earnCount, earnPage, Pagination.of(page, size, earnCount)));
    }

    /**
     * The page's badges with their claims are the instance's kept definitions (one query checks their versions), and
     * their groups' names one more query.
     */
    private <T> Listed<T> page(long orgId, String customerId, CustomerBadgeQuery q, long now, View<T> view) {
        CustomerBadgeStore.Page page = store.page(orgId, customerId, q, now);
        List<String> ids = page.rows().stream().map(CustomerBadgeStore.Row::badgeId).toList();
        Map<String, BadgeDefinitions.Definition> definitions = badges.definitions(orgId, ids);
        Map<String, String> groupNames = badges.groupNamesOf(orgId,
                definitions.values().stream().map(BadgeDefinitions.Definition::badge).toList());
        List<T> views = new ArrayList<>(ids.size());
        for (CustomerBadgeStore.Row row : page.rows()) {
            BadgeDefinitions.Definition definition = definitions.get(row.badgeId());
            BadgeMeta badge = definition.badge();
            views.add(view.of(BadgeView.of(badge, groupNames.get(badge.badgeGroupId()), definition.claims(),
                    BadgeCounters.Counts.ZERO, now), row.standing(), now));
        }
        return new Listed<>(views, Pagination.of(q.page(), q.size(), page.total()));
    }
}
