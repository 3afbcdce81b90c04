package dev.badgeworks.earn.control;

import dev.badgeworks.badge.entity.BadgeDefinition;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.EarnType;
import dev.badgeworks.badge.entity.ExpiryRule;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.badge.entity.RelativeUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

/** A badge for the earn rule tests, stored the way a create stores it; vary one part at a time. */
public record BadgeFixture(Instant start, Instant end, EarnType earnType, boolean active, ExpiryRule earned,
                           ExpiryRule issued, String customerConstraints, String badgeConstraints) {

    public static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    public static BadgeFixture earn(Instant start, Instant end) {
        return new BadgeFixture(start, end, EarnType.EARN, true, ExpiryRule.relative(RelativeUnit.DAYS, 30), null,
                null, null);
    }

    public static BadgeFixture issueEarn(Instant start, Instant end) {
        return new BadgeFixture(start, end, EarnType.ISSUE_EARN, true, ExpiryRule.relative(RelativeUnit.DAYS, 30),
                ExpiryRule.relative(RelativeUnit.DAYS, 10), null, null);
    }

    public static BadgeFixture liveEarn() {
        return earn(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(30)));
    }

    public static BadgeFixture liveIssueEarn() {
        return issueEarn(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(30)));
    }

    BadgeFixture deactivated() {
        return new BadgeFixture(start, end, earnType, false, earned, issued, customerConstraints, badgeConstraints);
    }

    BadgeFixture earned(ExpiryRule rule) {
        return new BadgeFixture(start, end, earnType, active, rule, issued, customerConstraints, badgeConstraints);
    }

    BadgeFixture issued(ExpiryRule rule) {
        return new BadgeFixture(start, end, earnType, active, earned, rule, customerConstraints, badgeConstraints);
    }

    /** The same badge with these stored (normalised) constraints; single quotes stand for double quotes. */
    public BadgeFixture limited(String customer, String badge) {
        return new BadgeFixture(start, end, earnType, active, earned, issued,
                customer == null ? null : customer.replace('\'', '"'), badge == null ? null : badge.replace('\'', '"'));
    }

    public BadgeMeta stored() {
        return stored("b-1");
    }

    public BadgeMeta stored(String id) {
        long createdMs = start.minus(Duration.ofDays(1)).toEpochMilli();
        BadgeMeta meta = new BadgeMeta(id, 1, null, new BadgeMeta.Author(1, "alice"), createdMs);
        meta.define(new BadgeDefinition("Gold", null, start, end, earnType, active, earned, issued,
                EnumSet.of(OwnerType.Loyalty), customerConstraints, badgeConstraints, null, null, null, null, null, null,
                null, null),
                new BadgeMeta.Author(1, "alice"), createdMs);
        return meta;
    }
}
