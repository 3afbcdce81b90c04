package dev.badgeworks.badge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.api.ApiException;
import dev.badgeworks.badge.entity.BadgeStatus;
import dev.badgeworks.badge.entity.EarnType;
import dev.badgeworks.badge.entity.OwnerType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadgeQueryTest {

    private static BadgeQuery query(String... keysAndValues) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return BadgeQuery.read(params::get);
    }

    private static List<String> refusal(String... keysAndValues) {
        ApiException e = assertThrows(ApiException.class, () -> query(keysAndValues));
        return e.errors().stream().map(x -> x.code() + " " + x.reference()).toList();
    }

    @Test
    void ownerTypesAreReadInEveryDocumentedSpelling() {
        assertEquals(OwnerType.Loyalty, query("owner", "LOYALTY").owner());
        assertEquals(OwnerType.Goodwill_Module, query("claimedBy", "GOODWILL_MODULE").claimedBy());
        assertEquals(OwnerType.Audience_Campaigns, query("claimedBy", "Audience_Campaigns").claimedBy());
    }

    @Test
    void plainDatesIncludeTheirWholeDay() {
        BadgeQuery q = query("startOn", "2026-03-05", "expiresOn", "2026-12-31");
        assertEquals(Instant.parse("2026-03-05T00:00:00Z"), q.startOnFrom());
        assertEquals(Instant.parse("2026-12-31T23:59:59.999Z"), q.expiresOnUntil());
        assertEquals(List.of("1104 startOn"), refusal("startOn", "2026-02-30"));
    }

    @Test
    void defaults() {
        BadgeQuery q = query();
        assertEquals(0, q.page());
        assertEquals(10, q.size());
        assertEquals(BadgeQuery.SortOn.ID, q.sortOn());
        assertFalse(q.descending());
        assertTrue(q.statuses().isEmpty());
        assertNull(q.earnType());
        assertNull(q.active());
        assertNull(q.owner());
        assertFalse(q.unclaimed());
        assertNull(q.name());
    }

    @Test
    void statusesAreCommaSeparatedAndCaseInsensitive() {
        assertEquals(EnumSet.of(BadgeStatus.LIVE, BadgeStatus.UPCOMING), query("status", "LIVE,UPCOMING").statuses());
        assertEquals(EnumSet.of(BadgeStatus.LIVE, BadgeStatus.EXPIRED), query("status", " live , expired").statuses());
    }

    @Test
    void endedIsAnAliasOfExpired() {
        assertEquals(EnumSet.of(BadgeStatus.EXPIRED), query("status", "ENDED").statuses());
    }

    @Test
    void limitIsAnAliasOfSize() {
        assertEquals(25, query("limit", "25").size());
        assertEquals(30, query("size", "30", "limit", "25").size());
    }

    @ParameterizedTest
    @CsvSource({"size, 1, 1", "size, 200, 200", "page, 0, 0", "page, 7, 7"})
    void pageAndSizeBoundsAreInclusive(String param, String value, int expected) {
        BadgeQuery q = query(param, value);
        assertEquals(expected, param.equals("size") ? q.size() : q.page());
    }

    @ParameterizedTest
    @CsvSource({"size, 0", "size, 500", "size, 201", "size, ten", "limit, 0", "page, -1", "page, 1.5"})
    void outOfRangePagingIsRefusedOnItsParameter(String param, String value) {
        assertEquals(List.of("1105 " + param), refusal(param, value));
    }

    @ParameterizedTest
    @CsvSource({"status, 'LIVE,FINISHED'", "earnType, LOYALTY", "badgeType, ISSUE", "action, ON", "sortOn, DATE",
            "owner, LOYALTY_PROGRAM", "claimedBy, Membercare", "order, UP"})
    void badEnumValuesAreRefusedWith400OnTheirParameter(String param, String value) {
        assertEquals(List.of("400 " + param), refusal(param, value));
    }

    @Test
    void everyBadParameterIsReported() {
        assertEquals(List.of("400 status", "400 sortOn", "1104 startOn", "1105 size"),
                refusal("status", "NOW", "sortOn", "x", "startOn", "yesterday", "size", "0"));
    }

    @Test
    void readsFiltersAndSorting() {
        BadgeQuery q = query("badgeType", "issue_earn", "action", "de_activated", "owner", "Journeys",
                "claimedBy", "Loyalty", "unclaimed", "TRUE", "name", "  gold ", "sortOn", "start_date", "order", "desc",
                "startOn", "1716803487", "expiresOn", "2025-01-01T00:00:00Z", "page", "2");
        assertEquals(EarnType.ISSUE_EARN, q.earnType());
        assertEquals(Boolean.FALSE, q.active());
        assertEquals(OwnerType.Journeys, q.owner());
        assertEquals(OwnerType.Loyalty, q.claimedBy());
        assertTrue(q.unclaimed());
        assertEquals("gold", q.name());
        assertEquals(BadgeQuery.SortOn.START_DATE, q.sortOn());
        assertTrue(q.descending());
        assertEquals(Instant.ofEpochSecond(1716803487), q.startOnFrom());
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), q.expiresOnUntil());
        assertEquals(2, q.page());
    }

    @Test
    void activatedActionSelectsActiveBadges() {
        assertEquals(Boolean.TRUE, query("action", "ACTIVATED").active());
        assertEquals(Boolean.FALSE, query("action", "DEACTIVATED").active());
    }

    @Test
    void unclaimedMustBeABoolean() {
        assertEquals(List.of("1102 unclaimed"), refusal("unclaimed", "maybe"));
    }
}
