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
record BadgeFixture(Instant start, Instant end, EarnType earnType, boolean active, ExpiryRule earned,
                    ExpiryRule issued) {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    static BadgeFixture earn(Instant start, Instant end) {
        return new BadgeFixture(start, end, EarnType.EARN, true, ExpiryRule.relative(RelativeUnit.DAYS, 30), null);
    }

    static BadgeFixture issueEarn(Instant start, Instant end) {
        return new BadgeFixture(start, end, EarnType.ISSUE_EARN, true, ExpiryRule.relative(RelativeUnit.DAYS, 30),
                ExpiryRule.relative(RelativeUnit.DAYS, 10));
    }

    static BadgeFixture liveEarn() {
        return earn(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(30)));
    }

    static BadgeFixture liveIssueEarn() {
        return issueEarn(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(30)));
    }

    BadgeFixture deactivated() {
        return new BadgeFixture(start, end, earnType, false, earned, issued);
    }

    BadgeFixture earned(ExpiryRule rule) {
        return new BadgeFixture(start, end, earnType, active, rule, issued);
    }

    BadgeFixture issued(ExpiryRule rule) {
        return new BadgeFixture(start, end, earnType, active, earned, rule);
    }

    BadgeMeta stored() {
        long createdMs = start.minus(Duration.ofDays(1)).toEpochMilli();
        BadgeMeta meta = new BadgeMeta("b-1", 1, "alice", createdMs);
        meta.define(new BadgeDefinition("Gold", null, start, end, earnType, active, earned, issued,
                EnumSet.of(OwnerType.Loyalty), null, null, null, null, null, null, null, null, null),
                "alice", createdMs);
        return meta;
    }
}
