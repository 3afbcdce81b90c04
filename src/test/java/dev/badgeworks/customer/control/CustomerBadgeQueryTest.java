package dev.badgeworks.customer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.api.ApiException;
import dev.badgeworks.badge.entity.BadgeStatus;
import dev.badgeworks.badge.entity.OwnerType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerBadgeQueryTest {

    private static List<String> errors(Map<String, String> params) {
        ApiException e = assertThrows(ApiException.class, () -> CustomerBadgeQuery.forManagement(params::get));
        return e.errors().stream().map(err -> err.code() + " " + err.reference()).toList();
    }

    @Test
    void theTwoViewsDifferOnlyInTheirDefaults() {
        CustomerBadgeQuery member = CustomerBadgeQuery.forMember(Map.<String, String>of()::get);
        assertEquals(CustomerBadgeType.AVAILABLE, member.type());
        assertEquals(CustomerBadgeSort.RANK, member.sort());
        CustomerBadgeQuery support = CustomerBadgeQuery.forManagement(Map.<String, String>of()::get);
        assertEquals(CustomerBadgeType.AVAILABLE_TO_ISSUE, support.type());
        assertEquals(CustomerBadgeSort.EXPIRES_ON, support.sort());
        assertTrue(support.descending(), "DESC is the default order");
        assertEquals(10, support.size());
        assertEquals(0, support.offset());
    }

    @Test
    void readsEveryFilterWithTheReferencesSpellings() {
        CustomerBadgeQuery q = CustomerBadgeQuery.forManagement(Map.of("badgeType", "earned", "badgeStatu", "live,ended",
                "action", "DEACTIVATED", "owner", "Loyalty", "claimedBy", "Journeys", "startOn", "1716803487",
                "endOnOperator", "GREATER_THAN", "expiresOn", "2030-01-01T00:00:00Z", "limit", "25", "page", "3")::get);
        assertEquals(CustomerBadgeType.EARNED, q.type());
        assertEquals(Set.of(BadgeStatus.LIVE, BadgeStatus.EXPIRED), q.statuses());
        assertEquals(Boolean.FALSE, q.active());
        assertEquals(OwnerType.Loyalty, q.owner());
        assertEquals(OwnerType.Journeys, q.claimedBy());
        assertEquals(CustomerBadgeQuery.Operator.GREATER_THAN, q.startOnOperator(), "start: after, unless told");
        assertEquals(CustomerBadgeQuery.Operator.GREATER_THAN, q.expiresOnOperator());
        assertEquals(1716803487000L, q.startOn().toEpochMilli());
        assertEquals(25, q.size());
        assertEquals(75, q.offset());
        assertNull(q.name());
    }

    @Test
    void everyBadParameterIsReportedAtOnce() {
        assertEquals(List.of("400 badgeType", "1102 includeExpired", "400 sortOn", "400 order", "400 owner",
                "1104 startOn", "400 startOnOperator", "1105 page", "1105 size"), errors(Map.of("badgeType", "ALL",
                "includeExpired", "yes", "sortOn", "NAME", "order", "UP", "owner", "LOYALTY_PROGRAM", "startOn", "soon",
                "startOnOperator", "EQUALS", "page", "-1", "size", "0")));
        assertEquals(List.of("1105 size"), errors(Map.of("size", "201")));
        assertEquals(List.of("1105 limit"), errors(Map.of("limit", "-1")));
    }

    @Test
    void aHugePageDoesNotOverflowItsOffset() {
        CustomerBadgeQuery q = CustomerBadgeQuery.forMember(Map.of("page", Integer.toString(Integer.MAX_VALUE),
                "size", "200")::get);
        assertEquals(200L * Integer.MAX_VALUE, q.offset());
    }
}
