package dev.badgeworks.badge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.api.JsonInput;
import dev.badgeworks.api.JsonbConfiguration;
import dev.badgeworks.badge.boundary.BadgeView;
import dev.badgeworks.badge.entity.AbsoluteType;
import dev.badgeworks.badge.entity.BadgeDefinition;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.EarnType;
import dev.badgeworks.badge.entity.ExpiryRule;
import dev.badgeworks.badge.entity.ExpiryType;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.badge.entity.RelativeUnit;
import dev.badgeworks.badge.store.BadgeCounters;
import jakarta.json.Json;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadgeReaderTest {

    static final String FULL = """
            {'name': 'Gold', 'description': 'Top tier',
             'startOn': 1767225600, 'expiresOnISO': '2027-01-01T05:30:00+05:30',
             'earnType': 'ISSUE_EARN', 'active': true,
             'earnedBadgeExpiry': {'expiryType': 'RELATIVE', 'relativeExpirytype': 'MONTHS', 'value': 6},
             'issuedBadgeExpiry': {'expiryType': 'ABSOLUTE', 'type': 'FIXED_DATE', 'expiresOn': 1798761600000},
             'ownership': {'restrictedToOwners': ['Loyalty', 'Journeys'],
                           'claims': [{'ownerType': 'Loyalty', 'referenceId': '7', 'isActive': true}]},
             'customerConstraints': [{'constraintType': 'CUSTOMER_BADGE_FIXED_VALUE', 'maxEarnLimit': 3}],
             'badgeConstraints': [{'constraintType': 'BADGE_FIXED_WINDOW', 'durationType': 'MONTHLY',
                                   'maxEarnLimit': 100, 'referenceId': 'w-1'}],
             'images': [{'name': 'gold.png', 'url': 'https://cdn/gold.png', 'tag': 'EARNED'}],
             'benefits': [{'benefitType': 'COUPON', 'seriesId': 12}],
             'tags': [{'name': 'tier', 'value': 3}],
             'customFields': {'colour': 'gold', 'weight': 2, 'shiny': true},
             'badgeGroupId': 99, 'badgeRank': 1, 'defaultTillId': 5}
            """;

    static JsonInput json(String singleQuoted) {
        return JsonInput.parse(singleQuoted.replace('\'', '"'));
    }

    /** The full body with one top-level field replaced (value in single-quote JSON) or removed (null). */
    static JsonInput fullWith(String field, String value) {
        var builder = Json.createObjectBuilder(json(FULL).raw());
        if (value == null) {
            builder.remove(field);
        } else {
            builder.add(field, json("{'v': " + value + "}").raw().get("v"));
        }
        return JsonInput.of(builder.build());
    }

    static List<String> errors(JsonInput in) {
        return in.errors().stream().map(e -> e.code() + " " + e.reference()).toList();
    }

    static BadgeDefinition readValid(JsonInput in) {
        BadgeDefinition d = BadgeReader.read(in);
        assertEquals(List.of(), errors(in));
        assertNotNull(d);
        return d;
    }

    @Test
    void readsAFullBody() {
        BadgeDefinition d = readValid(json(FULL));
        assertEquals("Gold", d.name());
        assertEquals("Top tier", d.description());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), d.startOn());
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), d.expiresOn());
        assertEquals(EarnType.ISSUE_EARN, d.earnType());
        assertTrue(d.active());
        assertEquals(ExpiryType.RELATIVE, d.earnedExpiry().expiryType());
        assertEquals(RelativeUnit.MONTHS, d.earnedExpiry().relativeUnit());
        assertEquals(6, d.earnedExpiry().relativeValue());
        assertEquals(AbsoluteType.FIXED_DATE, d.issuedExpiry().absoluteType());
        assertEquals(1_798_761_600_000L, d.issuedExpiry().fixedExpiresOnMs());
        assertEquals(EnumSet.of(OwnerType.Loyalty, OwnerType.Journeys), d.owners());
        assertEquals("[{\"constraintType\":\"CUSTOMER_BADGE_FIXED_VALUE\",\"maxEarnLimit\":3}]", d.customerConstraints());
        assertEquals("[{\"constraintType\":\"BADGE_FIXED_WINDOW\",\"durationType\":\"MONTHS\",\"refreshRate\":1,"
                + "\"maxEarnLimit\":100,\"referenceId\":\"w-1\"}]", d.badgeConstraints());
        assertEquals("[{\"name\":\"gold.png\",\"url\":\"https://cdn/gold.png\",\"tag\":\"EARNED\"}]", d.images());
        assertEquals("[{\"benefitType\":\"COUPON\",\"seriesId\":12}]", d.benefits());
        assertEquals("[{\"name\":\"tier\",\"value\":\"3\"}]", d.tags());
        assertEquals("{\"colour\":\"gold\",\"weight\":\"2\",\"shiny\":\"true\"}", d.customFields());
        assertEquals("99", d.badgeGroupId());
        assertEquals(1, d.badgeRank());
        assertEquals(5L, d.defaultTillId());
    }

    @Test
    void whatTheApiAnswersReadsBackToTheSameBadge() {
        String first = answered(readValid(json(FULL)));
        String second = answered(readValid(JsonInput.parse(first)));
        assertEquals(first, second);
    }

    private static String answered(BadgeDefinition d) {
        BadgeMeta meta = new BadgeMeta("b-1", 1, null, new BadgeMeta.Author(1, "alice"), 1_700_000_000_000L);
        meta.define(d, new BadgeMeta.Author(1, "alice"), 1_700_000_000_000L);
        return JsonbConfiguration.jsonb().toJson(BadgeView.of(meta, null, List.of(), BadgeCounters.Counts.ZERO,
                1_700_000_000_000L));
    }

    @Test
    void isActiveIsAnAliasOfActive() {
        JsonInput in = fullWith("active", null);
        in = JsonInput.of(Json.createObjectBuilder(in.raw()).add("isActive", false).build());
        assertEquals(false, readValid(in).active());
    }

    private static ExpiryRule earnedExpiry(String expiryJson) {
        return readValid(fullWith("earnedBadgeExpiry", expiryJson)).earnedExpiry();
    }

    @Test
    void relativeExpiryTypeWithCapitalTIsAccepted() {
        ExpiryRule rule = earnedExpiry("{'expiryType': 'RELATIVE', 'relativeExpiryType': 'WEEKS', 'value': '2'}");
        assertEquals(RelativeUnit.WEEKS, rule.relativeUnit());
        assertEquals(2, rule.relativeValue());
    }

    @Test
    void absoluteWithExpireWithBadgeMetaAndNoTypeFollowsTheBadge() {
        ExpiryRule rule = earnedExpiry("{'expiryType': 'ABSOLUTE', 'expireWithBadgeMeta': true}");
        assertEquals(AbsoluteType.WITH_BADGE_META, rule.absoluteType());
        assertNull(rule.fixedExpiresOnMs());
    }

    @Test
    void neverNeedsNothingElse() {
        assertEquals(ExpiryType.NEVER, earnedExpiry("{'expiryType': 'NEVER'}").expiryType());
    }

    @Test
    void expiryErrorsNameTheNestedField() {
        JsonInput in = fullWith("earnedBadgeExpiry", "{'expiryType': 'RELATIVE', 'relativeExpirytype': 'YEARS', 'value': 0}");
        assertNull(BadgeReader.read(in));
        assertEquals(List.of("400 earnedBadgeExpiry.relativeExpirytype", "1105 earnedBadgeExpiry.value"), errors(in));

        in = fullWith("earnedBadgeExpiry", "{'expiryType': 'ABSOLUTE', 'expireWithBadgeMeta': false}");
        assertNull(BadgeReader.read(in));
        assertEquals(List.of("1101 earnedBadgeExpiry.type"), errors(in));

        in = fullWith("earnedBadgeExpiry", "{'expiryType': 'ABSOLUTE', 'type': 'FIXED_DATE'}");
        assertNull(BadgeReader.read(in));
        assertEquals(List.of("1101 earnedBadgeExpiry.expiresOn"), errors(in));
    }

    @Test
    void issueEarnNeedsIssuedBadgeExpiry() {
        JsonInput in = fullWith("issuedBadgeExpiry", null);
        assertNull(BadgeReader.read(in));
        assertEquals(List.of("1101 issuedBadgeExpiry"), errors(in));
    }

    @Test
    void earnIgnoresIssuedBadgeExpiry() {
        assertNull(readValid(fullWith("earnType", "'EARN'")).issuedExpiry());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'restrictedToOwners': []}", "{}", "{'restrictedToOwners': null}"})
    void atLeastOneOwnerIsRequired(String ownership) {
        JsonInput in = fullWith("ownership", ownership);
        assertNull(BadgeReader.read(in));
        assertEquals(List.of("728 ownership.restrictedToOwners"), errors(in));
    }

    @Test
    void missingOwnershipIsRequiredToo() {
        JsonInput in = fullWith("ownership", null);
        assertNull(BadgeReader.read(in));
        assertEquals(List.of("728 ownership.restrictedToOwners"), errors(in));
    }

    @Test
    void ownerTypesAreReadInTheTablesAndTheExamplesSpellings() {
        BadgeDefinition d = BadgeReader.read(fullWith("ownership",
                "{'restrictedToOwners': ['Journeys', 'LOYALTY', 'REWARDS_CATALOG', 'Loyalty_Promotions']}"));
        assertEquals(EnumSet.of(OwnerType.Journeys, OwnerType.Loyalty, OwnerType.Rewards_Catalog,
                OwnerType.Loyalty_Promotion), d.owners());
        JsonInput in = fullWith("ownership", "{'restrictedToOwners': ['Journeys', 'Membercare', 3]}");
        assertNull(BadgeReader.read(in));
        assertEquals(List.of("400 ownership.restrictedToOwners[1]", "1102 ownership.restrictedToOwners[2]"), errors(in));
    }

    @Test
    void activeMayBeLeftOut() {
        assertNull(BadgeReader.read(fullWith("active", null)).active());
        assertEquals(Boolean.FALSE, BadgeReader.read(fullWith("active", "false")).active());
    }

    @Test
    void everyMissingRequiredFieldIsReportedAtOnce() {
        JsonInput in = json("{'ownership': {'restrictedToOwners': ['Loyalty']}}");
        assertNull(BadgeReader.read(in));
        assertEquals(List.of("1101 name", "1101 startOn", "1101 expiresOn", "1101 earnType", "1101 earnedBadgeExpiry"),
                errors(in));
    }

    @Test
    void nestedListErrorsCarryIndexedPaths() {
        JsonInput in = fullWith("benefits", "[{'benefitType': 'COUPON'}, {'benefitType': 'LOYALTY_POINTS'}]");
        assertNull(BadgeReader.read(in));
        assertEquals(List.of("1101 benefits[0].seriesId", "1101 benefits[1].programId"), errors(in));
    }

    @Test
    void badgeGroupIdLongerThanItsColumnIsRefused() {
        JsonInput in = fullWith("badgeGroupId", "1" + "0".repeat(64));
        assertNull(BadgeReader.read(in));
        assertEquals(List.of("1103 badgeGroupId"), errors(in));
    }
}
