package dev.badgeworks.customer.boundary;

import dev.badgeworks.api.ApiTime;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.api.Pagination;
import dev.badgeworks.badge.boundary.BadgeView;
import dev.badgeworks.badge.entity.BadgeStatus;
import dev.badgeworks.badge.entity.EarnType;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.customer.control.ConstraintStatistics;
import dev.badgeworks.customer.entity.CustomerStanding;
import dev.badgeworks.earn.entity.Earn;
import dev.badgeworks.earn.entity.Enrolment;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;

/**
 * The customer endpoints' answers, field for field as the reference's examples show them (§3.14–3.16), built from
 * the badge's own answer ({@link BadgeView}) and the customer's standing. docs/decisions.md lists the additions.
 */
public final class CustomerViews {

    private CustomerViews() {
    }

    /** {@code GET /customer/{customerId}}: {@code data.badges[]} and {@code data.pagination}. */
    public record MemberBadges(List<MemberBadge> badges, Pagination pagination) {

        /** Identity, not the record's deep hash: see {@link dev.badgeworks.api.Envelope#hashCode()}. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    public record MemberBadge(String badgeMetaId, long orgId, String name, String description, BigDecimal startOn,
                              String startOnISO, BigDecimal expiresOn, String expiresOnISO, BadgeStatus status,
                              JsonValue images, JsonValue tags, String badgeGroupId, String badgeGroupName,
                              Integer badgeRank, BadgeView.Ownership ownership, EarnType earnType, JsonValue benefits,
                              JsonValue customerConstraints, JsonValue badgeConstraints, long earnedCount,
                              BigDecimal lastEarnedOnDate, String lastEarnedOnDateISO, BigDecimal lastEarnEventDate,
                              String lastEarnEventDateISO, JsonValue customFields, boolean active) {

        /** Identity, not the record's deep hash: see {@link dev.badgeworks.api.Envelope#hashCode()}. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }


        static MemberBadge of(BadgeView b, CustomerStanding s) {
            return new MemberBadge(b.id(), b.orgId(), b.name(), b.description(), b.startOn(), b.startOnISO(),
                    b.expiresOn(), b.expiresOnISO(), b.status(), b.images(), b.tags(), b.badgeGroupId(),
                    b.badgeGroupName(), b.badgeRank(), b.ownership(), b.earnType(), b.benefits(), b.customerConstraints(),
                    b.badgeConstraints(), s.earned(), ApiTime.legacy(s.lastEarnedOnMs()), ApiTime.iso(s.lastEarnedOnMs()),
                    ApiTime.legacy(s.lastEventMs()), ApiTime.iso(s.lastEventMs()), b.customFields(), b.active());
        }
    }

    /** {@code GET /management/{customerId}}: {@code data.customerBadges[]} and {@code data.pagination}. */
    public record ManagementBadges(List<ManagementBadge> customerBadges, Pagination pagination) {

        /** Identity, not the record's deep hash: see {@link dev.badgeworks.api.Envelope#hashCode()}. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    public record ManagementBadge(String name, String description, String badgeMetaId, EarnType badgeType,
                                  String badgeGroupId, String badgeGroupName, Integer badgeRank, BigDecimal createdOn,
                                  String createdOnISO, BigDecimal lastUpdatedOn, String lastUpdatedOnISO,
                                  JsonValue images, BadgeStatus badgeStatus, BigDecimal lastEarnedOn,
                                  String lastEarnedOnISO, BigDecimal startsOn, String startsOnISO, BigDecimal expiresOn,
                                  String expiresOnISO, long earnCount, BadgeView.Ownership ownership,
                                  String issueStatus, BigDecimal lastEarnedOnDate, String lastEarnedOnDateISO,
                                  BigDecimal lastEarnEventDate, String lastEarnEventDateISO, boolean active) {

        /** Identity, not the record's deep hash: see {@link dev.badgeworks.api.Envelope#hashCode()}. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }


        static ManagementBadge of(BadgeView b, CustomerStanding s, long nowMs) {
            return new ManagementBadge(b.name(), b.description(), b.id(), b.earnType(), b.badgeGroupId(),
                    b.badgeGroupName(),
                    b.badgeRank(), b.createdOn(), b.createdOnISO(), b.lastUpdatedOn(), b.lastUpdatedOnISO(), b.images(),
                    b.status(), ApiTime.legacy(s.lastEarnedOnMs()), ApiTime.iso(s.lastEarnedOnMs()), b.startOn(),
                    b.startOnISO(), b.expiresOn(), b.expiresOnISO(), s.earned(), b.ownership(),
                    b.earnType() == EarnType.ISSUE_EARN ? s.issueStatus(nowMs) : null,
                    ApiTime.legacy(s.lastEarnedOnMs()), ApiTime.iso(s.lastEarnedOnMs()),
                    ApiTime.legacy(s.lastEventMs()), ApiTime.iso(s.lastEventMs()), b.active());
        }
    }

    /** One enrolment in {@code issualDetails.issuals[]}. */
    public record Issual(String issueId, BigDecimal issuedOn, String issuedOnISO, BigDecimal issueEventDate,
                         String issueEventDateISO, BigDecimal issueExpiresOn, String issueExpiresOnISO,
                         String issuedStatus, OwnerType ownerType, String ownerReferenceId, BigDecimal revokedOn,
                         String revokedOnISO) {

        static Issual of(Enrolment n, long nowMs) {
            return new Issual(n.id(), ApiTime.legacy(n.issuedOnMs()), ApiTime.iso(n.issuedOnMs()),
                    ApiTime.legacy(n.issueEventMs()), ApiTime.iso(n.issueEventMs()), ApiTime.legacy(n.expiresOnMs()),
                    ApiTime.iso(n.expiresOnMs()), status(n.revokedOnMs(), n.expiresOnMs(), nowMs), n.ownerType(),
                    n.ownerReferenceId(), ApiTime.legacy(n.revokedOnMs()), ApiTime.iso(n.revokedOnMs()));
        }
    }

    public record IssualDetails(long issuedCount, List<Issual> issuals) {
    }

    /** One earn in {@code earnDetails.earns[]} (a shape the reference never shows; docs/decisions.md). */
    public record EarnDetail(String earnedBadgeId, String requestId, String earnStatus, BigDecimal earnEventDate,
                             String earnEventDateISO, BigDecimal earnedOn, String earnedOnISO, BigDecimal expiresOn,
                             String expiresOnISO, String issuedId, OwnerType ownerType, String ownerReferenceId,
                             BigDecimal revokedOn, String revokedOnISO) {

        static EarnDetail of(Earn e, long nowMs) {
            return new EarnDetail(e.id(), e.requestId(), status(e.revokedOnMs(), e.expiresOnMs(), nowMs),
                    ApiTime.legacy(e.earnEventMs()), ApiTime.iso(e.earnEventMs()), ApiTime.legacy(e.earnedOnMs()),
                    ApiTime.iso(e.earnedOnMs()), ApiTime.legacy(e.expiresOnMs()), ApiTime.iso(e.expiresOnMs()),
                    e.enrolmentId(), e.ownerType(), e.ownerReferenceId(), ApiTime.legacy(e.revokedOnMs()),
                    ApiTime.iso(e.revokedOnMs()));
        }
    }

    /** {@code earnCount}: all the customer's earns of the badge, revoked and expired too; {@code earns}: one page. */
    public record EarnDetails(long earnCount, List<EarnDetail> earns, Pagination pagination) {
    }

    /** {@code GET /management/{customerId}/badge/{badgeId}}; the statistics fields are null without includeStatistics. */
    public record BadgeOfCustomer(String id, JsonValue customerId, String name, String description,
                                  BigDecimal createdOn, String createdOnISO, BigDecimal lastUpdatedOn,
                                  String lastUpdatedOnISO, BigDecimal startsOn, String startsOnISO,
                                  BigDecimal expiresOn, String expiresOnISO, String action, EarnType badgeType,
                                  BadgeStatus badgeStatus, List<OwnerType> owner, List<OwnerType> claimedBy,
                                  JsonValue images, BadgeView.ExpiryView earnExpiry, BadgeView.ExpiryView issueExpiry,
                                  JsonValue tags, String badgeGroupId, String badgeGroupName, Integer badgeRank,
                                  long activeEarnedCount, JsonValue customFields, BigDecimal lastEarnedOn,
                                  String lastEarnedOnISO, BigDecimal lastEarnedOnDate, String lastEarnedOnDateISO,
                                  BigDecimal lastEarnEventDate, String lastEarnEventDateISO,
                                  List<ConstraintStatistics> customerConstraints,
                                  List<ConstraintStatistics> badgeConstraints, IssualDetails issualDetails,
                                  String issuedStatus, EarnDetails earnDetails) {

        /** Identity, not the record's deep hash: see {@link dev.badgeworks.api.Envelope#hashCode()}. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }


        static BadgeOfCustomer of(BadgeView b, String customerId, CustomerStanding s, long activeEarnedCount,
                                  Statistics statistics) {
            List<OwnerType> claimedBy = b.ownership().claims().stream().filter(BadgeView.ClaimView::isActive)
                    .map(c -> OwnerType.valueOf(c.ownerType())).distinct().sorted().toList();
            return new BadgeOfCustomer(b.id(), Jsons.customerId(customerId), b.name(), b.description(), b.createdOn(),
                    b.createdOnISO(), b.lastUpdatedOn(), b.lastUpdatedOnISO(), b.startOn(), b.startOnISO(),
                    b.expiresOn(), b.expiresOnISO(), b.active() ? "ACTIVATED" : "DE_ACTIVATED", b.earnType(),
                    b.status(), b.ownership().restrictedToOwners(), claimedBy, b.images(), b.earnedBadgeExpiry(),
                    b.issuedBadgeExpiry(), b.tags(), b.badgeGroupId(), b.badgeGroupName(), b.badgeRank(), activeEarnedCount,
                    b.customFields(), ApiTime.legacy(s.lastEarnedOnMs()), ApiTime.iso(s.lastEarnedOnMs()),
                    ApiTime.legacy(s.lastEarnedOnMs()), ApiTime.iso(s.lastEarnedOnMs()), ApiTime.legacy(s.lastEventMs()),
                    ApiTime.iso(s.lastEventMs()), statistics == null ? null : statistics.customerConstraints(),
                    statistics == null ? null : statistics.badgeConstraints(),
                    statistics == null ? null : statistics.issualDetails(),
                    statistics == null ? null : statistics.issuedStatus(),
                    statistics == null ? null : statistics.earnDetails());
        }
    }

    /** What {@code includeStatistics=true} adds to one badge of a customer. */
    public record Statistics(List<ConstraintStatistics> customerConstraints,
                             List<ConstraintStatistics> badgeConstraints, IssualDetails issualDetails,
                             String issuedStatus, EarnDetails earnDetails) {
    }

    /** LIVE, EXPIRED or REVOKED: an earn's or an enrolment's state at {@code nowMs}. */
    static String status(Long revokedOnMs, long expiresOnMs, long nowMs) {
        return revokedOnMs != null ? "REVOKED" : expiresOnMs < nowMs ? "EXPIRED" : "LIVE";
    }
}
