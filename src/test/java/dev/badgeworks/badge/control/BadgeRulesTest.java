package dev.badgeworks.badge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.badge.entity.BadgeDefinition;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.EarnType;
import dev.badgeworks.badge.entity.ExpiryRule;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.badge.entity.RelativeUnit;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadgeRulesTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant IN_A_MONTH = NOW.plus(Duration.ofDays(30));
    private static final String FIXED_VALUE = constraint("CUSTOMER_BADGE_FIXED_VALUE", "\"maxEarnLimit\":3");
    private static final String ROLLING = constraint("CUSTOMER_BADGE_ROLLING_WINDOW",
            "\"maxEarnForDays\":2,\"rollForDays\":7");
    private static final String FIXED_WINDOW = constraint("CUSTOMER_BADGE_FIXED_WINDOW",
            "\"durationType\":\"WEEKS\",\"refreshRate\":1,\"maxEarnLimit\":1");
    private static final String NO_LIMIT = constraint("CUSTOMER_BADGE_NO_LIMIT", null);

    private static String constraint(String type, String fields) {
        return "[{\"constraintType\":\"" + type + "\"" + (fields == null ? "" : "," + fields) + "}]";
    }

    /** A valid definition to vary one part at a time. */
    private record Def(Instant start, Instant end, EarnType earnType, Set<OwnerType> owners,
                       String customerConstraints, String badgeConstraints) {

        static Def of(Instant start, Instant end) {
            return new Def(start, end, EarnType.EARN, EnumSet.of(OwnerType.Loyalty), null, null);
        }

        Def start(Instant s) {
            return new Def(s, end, earnType, owners, customerConstraints, badgeConstraints);
        }

        Def end(Instant e) {
            return new Def(start, e, earnType, owners, customerConstraints, badgeConstraints);
        }

        Def earnType(EarnType t) {
            return new Def(start, end, t, owners, customerConstraints, badgeConstraints);
        }

        Def owners(OwnerType... o) {
            return new Def(start, end, earnType, EnumSet.copyOf(List.of(o)), customerConstraints, badgeConstraints);
        }

        Def customer(String c) {
            return new Def(start, end, earnType, owners, c, badgeConstraints);
        }

        Def badge(String c) {
            return new Def(start, end, earnType, owners, customerConstraints, c);
        }

        BadgeDefinition definition() {
            return new BadgeDefinition("Gold", null, start, end, earnType, true, ExpiryRule.relative(RelativeUnit.DAYS, 30),
                    earnType == EarnType.ISSUE_EARN ? ExpiryRule.withBadge() : null, owners, customerConstraints,
                    badgeConstraints, null, null, null, null, null, null, null, null);
        }

        BadgeMeta stored() {
            BadgeMeta meta = new BadgeMeta("b-1", 1, null, new BadgeMeta.Author(1, "alice"), NOW.minus(Duration.ofDays(10)).toEpochMilli());
            meta.define(definition(), new BadgeMeta.Author(1, "alice"), NOW.minus(Duration.ofDays(10)).toEpochMilli());
            return meta;
        }
    }

    private static List<String> create(Def d, boolean migration) {
        return describe(BadgeRules.forCreate(d.definition(), NOW, migration));
    }

    private static List<String> update(Def existing, Def changed, OwnerType... ownersWithActiveClaims) {
        Set<OwnerType> claimed = EnumSet.noneOf(OwnerType.class);
        claimed.addAll(List.of(ownersWithActiveClaims));
        return describe(BadgeRules.forUpdate(existing.stored(), claimed, changed.definition(), NOW));
    }

    private static List<String> describe(List<ApiError> errors) {
        return errors.stream().map(e -> e.code() + " " + e.reference()).toList();
    }

    private static Instant yearsBack(int years) {
        return NOW.atZone(ZoneOffset.UTC).minusYears(years).toInstant();
    }

    @Test
    void createAcceptsAWindowStartingNowOrLater() {
        assertEquals(List.of(), create(Def.of(NOW, IN_A_MONTH), false));
        assertEquals(List.of(), create(Def.of(NOW.plus(Duration.ofDays(1)), IN_A_MONTH), false));
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "86400000"})
    void createRefusesStartNotBeforeEnd(long startAfterEndMs) {
        assertEquals(List.of("720 expiresOn"), create(Def.of(IN_A_MONTH.plusMillis(startAfterEndMs), IN_A_MONTH), false));
    }

    @ParameterizedTest
    @CsvSource({"PT1H, ''", "PT24H, ''", "PT24H0.001S, 722 startOn", "P30D, 722 startOn"})
    void createAllowsAStartUpTo24HoursBack(Duration back, String expected) {
        List<String> expectedErrors = expected.isEmpty() ? List.of() : List.of(expected);
        assertEquals(expectedErrors, create(Def.of(NOW.minus(back), IN_A_MONTH), false));
    }

    @Test
    void createRefusesAnEndInThePastWithoutMigration() {
        Def ended = Def.of(NOW.minus(Duration.ofHours(2)), NOW.minusMillis(1));
        assertEquals(List.of("724 expiresOn"), create(ended, false));
        assertEquals(List.of(), create(ended.end(NOW), false));
        assertEquals(List.of(), create(ended, true));
    }

    @Test
    void migrationAllowsHistoricalWindows() {
        Def historical = Def.of(yearsBack(10), yearsBack(9));
        assertEquals(List.of("722 startOn", "724 expiresOn"), create(historical, false));
        assertEquals(List.of(), create(historical, true));
    }

    @Test
    void aStartMoreThan100YearsBackIsRefusedEvenWithMigration() {
        assertEquals(List.of(), create(Def.of(yearsBack(100), yearsBack(1)), true));
        assertEquals(List.of("722 startOn"), create(Def.of(yearsBack(100).minusMillis(1), yearsBack(1)), true));
        assertEquals(List.of("722 startOn"), create(Def.of(yearsBack(101), IN_A_MONTH), false));
    }

    private static final Def LIVE = Def.of(NOW.minus(Duration.ofDays(1)), IN_A_MONTH);
    private static final Def UPCOMING = Def.of(NOW.plus(Duration.ofDays(1)), IN_A_MONTH);

    @Test
    void updateWithUnchangedDatesIsAllowedOnALiveBadge() {
        assertEquals(List.of(), update(LIVE, LIVE));
    }

    @Test
    void startOnIsFrozenOnceTheBadgeIsLive() {
        assertEquals(List.of("723 startOn"), update(LIVE, LIVE.start(LIVE.start().plusMillis(1))));
        assertEquals(List.of(), update(UPCOMING, UPCOMING.start(NOW.plus(Duration.ofDays(2)))));
        assertEquals(List.of(), update(UPCOMING, UPCOMING.start(NOW.minus(Duration.ofDays(2)))));
    }

    @Test
    void startOnIsFrozenOnAnExpiredBadgeToo() {
        Def expired = Def.of(NOW.minus(Duration.ofDays(20)), NOW.minus(Duration.ofDays(10)));
        assertEquals(List.of(), update(expired, expired));
        assertEquals(List.of("723 startOn"), update(expired, expired.start(NOW.minus(Duration.ofDays(19)))));
    }

    @Test
    void startOnBecomingLiveExactlyNowIsFrozen() {
        Def startsNow = Def.of(NOW, IN_A_MONTH);
        assertEquals(List.of("723 startOn"), update(startsNow, startsNow.start(NOW.plusMillis(1))));
    }

    @Test
    void expiresOnMayOnlyChangeToTheFutureOrNow() {
        Def expired = Def.of(NOW.minus(Duration.ofDays(20)), NOW.minus(Duration.ofDays(10)));
        assertEquals(List.of("724 expiresOn"), update(LIVE, LIVE.end(NOW.minusMillis(1))));
        assertEquals(List.of(), update(LIVE, LIVE.end(NOW)));
        assertEquals(List.of(), update(LIVE, LIVE.end(IN_A_MONTH.plus(Duration.ofDays(30)))));
        assertEquals(List.of("724 expiresOn"), update(expired, expired.end(NOW.minus(Duration.ofDays(5)))));
        assertEquals(List.of(), update(expired, expired.end(IN_A_MONTH)));
    }

    @Test
    void updateRefusesStartNotBeforeEnd() {
        assertEquals(List.of("720 expiresOn"), update(UPCOMING, UPCOMING.end(UPCOMING.start())));
    }

    @Test
    void earnTypeChangesOnlyWhileUpcoming() {
        assertEquals(List.of("1105 earnType"), update(LIVE, LIVE.earnType(EarnType.ISSUE_EARN)));
        assertEquals(List.of(), update(UPCOMING, UPCOMING.earnType(EarnType.ISSUE_EARN)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FIXED_VALUE  | FIXED_WINDOW | 826",
            "FIXED_WINDOW | FIXED_VALUE  | 826",
            "ROLLING      | FIXED_WINDOW | 826",
            "FIXED_WINDOW | ROLLING      | 826",
            "ROLLING      | FIXED_VALUE  | ''",
            "FIXED_VALUE  | ROLLING      | ''",
            "FIXED_WINDOW | FIXED_WINDOW | ''",
            "NO_LIMIT     | FIXED_WINDOW | ''",
            "FIXED_WINDOW | NONE         | ''"})
    void liveBadgeCannotSwitchBetweenFixedWindowAndOtherLimits(String before, String after, String code) {
        List<String> expected = code.isEmpty() ? List.of() : List.of(code + " customerConstraints");
        assertEquals(expected, update(LIVE.customer(constraints(before)), LIVE.customer(constraints(after))));
        assertEquals(List.of(), update(UPCOMING.customer(constraints(before)), UPCOMING.customer(constraints(after))));
    }

    private static String constraints(String name) {
        return switch (name) {
            case "FIXED_VALUE" -> FIXED_VALUE;
            case "ROLLING" -> ROLLING;
            case "FIXED_WINDOW" -> FIXED_WINDOW;
            case "NO_LIMIT" -> NO_LIMIT;
            default -> null;
        };
    }

    @Test
    void badgeLevelConstraintKindChangeIsReportedOnItsField() {
        Def before = LIVE.badge(constraint("BADGE_FIXED_WINDOW", "\"durationType\":\"MONTHS\",\"maxEarnLimit\":5"));
        Def after = LIVE.badge(constraint("BADGE_FIXED_VALUE", "\"maxEarnLimit\":5"));
        assertEquals(List.of("826 badgeConstraints"), update(before, after));
    }

    @Test
    void anOwnerWithAnActiveClaimCannotBeRemoved() {
        Def both = LIVE.owners(OwnerType.Loyalty, OwnerType.Journeys);
        assertEquals(List.of("1121 ownership.restrictedToOwners"),
                update(both, both.owners(OwnerType.Loyalty), OwnerType.Journeys));
        assertEquals(List.of(), update(both, both.owners(OwnerType.Journeys), OwnerType.Journeys));
        assertEquals(List.of(), update(both, both.owners(OwnerType.Journeys, OwnerType.Milestones), OwnerType.Journeys));
    }

    @Test
    void updateReportsEveryProblemAtOnce() {
        Def changed = LIVE.start(NOW).end(NOW.minus(Duration.ofDays(1))).earnType(EarnType.ISSUE_EARN)
                .customer(FIXED_WINDOW).owners(OwnerType.Milestones);
        assertEquals(List.of("723 startOn", "720 expiresOn", "724 expiresOn", "1105 earnType",
                "826 customerConstraints", "1121 ownership.restrictedToOwners"),
                update(LIVE.customer(FIXED_VALUE), changed, OwnerType.Loyalty));
    }
}
