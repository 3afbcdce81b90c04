package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The customer's side as a member app and a support desk read it: GET /customer/{id}, GET /management/{id} and
 * GET /management/{id}/badge/{badgeId} — categories, filters, sorts, pages, other orgs, statistics.
 */
class CustomerBadgesIT {

    private static Api api;
    private static String customer;
    /** Badges by role: earned twice, earned long ago (expired), revoked, never earned, ISSUE_EARN enrolled/not, off. */
    private static String earned;
    private static String expired;
    private static String revoked;
    private static String untouched;
    private static String enrolled;
    private static String notEnrolled;
    private static String deactivated;

    @BeforeAll
    static void customerWithEveryKindOfBadge() {
        api = BadgeworksServer.shared().admin().newOrg("customers");
        customer = Long.toString(7_000_000 + (long) (Math.random() * 1_000_000));
        earned = claimed(Badges.with(Badges.earnBadge("Earned twice"), "customerConstraints", LimitsIT.constraints(
                "[{'constraintType':'CUSTOMER_BADGE_FIXED_VALUE','maxEarnLimit':5}]")));
        expired = claimed(Badges.with(Badges.with(Badges.earnBadge("Expired earn"), "badgeRank", 1), "startOn",
                Instant.now().minus(Duration.ofDays(10)).getEpochSecond()));
        revoked = claimed(Badges.earnBadge("Revoked earn"));
        untouched = claimed(Badges.with(Badges.earnBadge("Untouched"), "badgeRank", 2));
        enrolled = claimed(Badges.issueEarnBadge("Enrolled"));
        notEnrolled = claimed(Badges.issueEarnBadge("Not enrolled"));
        deactivated = claimed(Badges.earnBadge("Deactivated"));
        api.put("badgeMeta/" + deactivated + "/deactivate", "").expect(200);

        earn(earned, customer);
        earn(earned, customer);
        importExpiredEarn(expired, customer);
        String gone = earn(revoked, customer);
        api.post("customer/revokeEarn", Json.createObjectBuilder().add("badgeMetaId", revoked)
                .add("customerId", customer).add("earnedBadgeId", gone).build().toString()).expect(200);
        api.post("badgeMeta/customer/issueBulk", Json.createObjectBuilder().add("badgeMetaId", enrolled)
                .add("customers", Json.createArrayBuilder().add(customer))
                .add("triggeredBy", Json.createObjectBuilder().add("ownerType", "Loyalty").add("referenceId", "program-1"))
                .build().toString()).expect(200);
    }

    /** Created (as a migration, so its start may lie in the past) and claimed by Loyalty program-1. */
    private static String claimed(JsonObject badge) {
        String id = api.post("badgeMeta", Badges.with(badge, "name", Badges.uniqueName(badge.getString("name")))
                .toString(), Map.of("X-CAP-BADGES-MIGRATION", "migration")).expect(201).data().getString("id");
        api.post("badgeMeta/" + id + "/claim", "{\"ownerType\":\"Loyalty\",\"referenceId\":\"program-1\"}").expect(200);
        return id;
    }

    private static void importExpiredEarn(String badge, String customerId) {
        Instant longAgo = Instant.now().minus(Duration.ofDays(3));
        api.post("import/customerBadges", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("badgeMetaId", badge).add("customerId", customerId).add("earnEventDateISO", longAgo.toString())
                .add("earnExpiresOnISO", longAgo.plus(Duration.ofDays(1)).toString())).build().toString()).expect(200);
    }

    private static String earn(String badge, String customerId) {
        return api.post("customer/earn", EarnIT.earn(badge, customerId, EarnIT.rid()).build().toString()).expect(200)
                .data().getString("earnedBadgeId");
    }

    private static List<String> ids(Api.Reply reply, String list, String idField) {
        return reply.expect(200).data().getJsonArray(list).stream()
                .map(v -> v.asJsonObject().getString(idField)).toList();
    }

    private static List<String> member(String query) {
        return ids(api.get("customer/" + customer + query), "badges", "badgeMetaId");
    }

    private static List<String> management(String query) {
        return ids(api.get("management/" + customer + query), "customerBadges", "badgeMetaId");
    }

    @Test
    void theMemberViewSortsBadgesIntoTheReferencesCategories() {
        assertEquals(List.of(earned), member("?badgeType=EARNED"), "held now: the revoked and the expired are not");
        assertEquals(List.of(expired), member("?badgeType=EXPIRED"));
        assertEquals(java.util.Set.of(earned, expired), java.util.Set.copyOf(member("?badgeType=EARNED&includeExpired=true")));
        List<String> available = member("?size=50");
        assertTrue(available.containsAll(List.of(earned, expired, revoked, untouched, enrolled)), available.toString());
        assertFalse(available.contains(notEnrolled), "an ISSUE_EARN badge needs an enrolment first");
        assertFalse(available.contains(deactivated));
        assertEquals(List.of(notEnrolled), member("?badgeType=AVAILABLE_TO_ISSUE"));
        assertEquals(member("?size=50"), member("?badgeType=AVAILABLE&size=50"), "AVAILABLE is the default");
    }

    @Test
    void eachBadgeCarriesThisCustomersCountAndDatesInTheReferencesTypes() {
        JsonObject data = api.get("customer/" + customer + "?badgeType=EARNED").expect(200).data();
        JsonObject badge = data.getJsonArray("badges").getJsonObject(0);
        assertEquals(earned, badge.getString("badgeMetaId"));
        assertEquals(2, badge.getInt("earnedCount"));
        Instant last = Instant.parse(badge.getString("lastEarnedOnDateISO"));
        assertTrue(Duration.between(last, Instant.now()).abs().toMinutes() < 5, last.toString());
        assertEquals(last.toEpochMilli(), badge.getJsonNumber("lastEarnedOnDate").bigDecimalValue().movePointRight(3)
                .longValueExact());
        assertEquals(JsonValue.ValueType.NUMBER, badge.get("lastEarnEventDate").getValueType());
        assertEquals(api.orgId(), badge.getJsonNumber("orgId").longValueExact());
        assertEquals(JsonValue.ValueType.ARRAY, badge.get("customerConstraints").getValueType());
        assertEquals("Loyalty", badge.getJsonObject("ownership").getJsonArray("claims").getJsonObject(0)
                .getString("ownerType"));
        JsonObject page = data.getJsonObject("pagination");
        assertEquals(1, page.getInt("total"));
        assertEquals(0, page.getInt("page"));
        JsonObject never = api.get("customer/" + customer + "?size=50").expect(200).data().getJsonArray("badges")
                .stream().map(JsonValue::asJsonObject).filter(b -> b.getString("badgeMetaId").equals(untouched))
                .findFirst().orElseThrow();
        assertEquals(0, never.getInt("earnedCount"));
        assertTrue(never.isNull("lastEarnedOnDate") && never.isNull("lastEarnEventDateISO"), never.toString());
    }

    @Test
    void pagesCountTheWholeSelectionAndBadSizesAreRefused() {
        List<String> all = member("?size=50");
        assertEquals(all.subList(0, 2), member("?limit=2"), "limit is the reference's older name for size");
        assertEquals(all.subList(2, 4), member("?size=2&page=1"));
        JsonObject past = api.get("customer/" + customer + "?size=2&page=1000").expect(200).data();
        assertEquals(0, past.getJsonArray("badges").size());
        assertEquals(all.size(), past.getJsonObject("pagination").getInt("total"), "past the last page");
        assertEquals((all.size() + 1) / 2, past.getJsonObject("pagination").getInt("totalPages"));
        for (String bad : List.of("size=0", "size=-1", "size=100000", "page=-1", "size=ten", "limit=0")) {
            String field = bad.substring(0, bad.indexOf('='));
            api.get("customer/" + customer + "?" + bad).expectError(400, 1105, field);
            api.get("management/" + customer + "?" + bad).expectError(400, 1105, field);
        }
        api.get("customer/" + customer + "?badgeType=EVERYTHING").expectError(400, 400, "badgeType");
        api.get("customer/" + customer + "?sortOn=NAME").expectError(400, 400, "sortOn");
        api.get("management/" + customer + "?order=UP").expectError(400, 400, "order");
        api.get("customer/" + customer + "?includeExpired=maybe").expectError(400, 1102, "includeExpired");
    }

    @Test
    void sortOrdersPutTheLatestFirstAndRankedBadgesFirst() {
        String sorter = "sorter-" + UUID.randomUUID();
        importExpiredEarn(expired, sorter);
        earn(earned, sorter);
        earn(untouched, sorter);
        String path = "customer/" + sorter + "?badgeType=EARNED&includeExpired=true&sortOn=";
        assertEquals(List.of(untouched, earned, expired), ids(api.get(path + "LAST_EARNED_ON_DATE"), "badges",
                "badgeMetaId"), "latest processing first; a migrated earn counts as processed at its event");
        assertEquals(expired, ids(api.get(path + "LAST_EARNED_EVENT_DATE"), "badges", "badgeMetaId").get(2),
                "its event was three days ago");
        assertEquals(List.of(expired, earned, untouched), ids(api.get("management/" + sorter
                + "?badgeType=EARNED&sortOn=LAST_EARNED_ON_DATE&order=ASC&includeExpired=true"), "customerBadges",
                "badgeMetaId"));
        List<String> ranked = member("?size=50&sortOn=RANK");
        assertEquals(List.of(expired, untouched), ranked.subList(0, 2), "rank 1, rank 2, then unranked");
    }

    @Test
    void theSupportViewFiltersAsTheReferenceLists() {
        assertEquals(List.of(notEnrolled), management(""), "AVAILABLE_TO_ISSUE is the support view's default");
        List<String> available = management("?badgeType=AVAILABLE&size=50");
        assertTrue(available.contains(earned) && !available.contains(notEnrolled), available.toString());
        assertEquals(List.of(earned), management("?badgeType=EARNED&name=twice"), "name: part of it, any case");
        assertEquals(List.of(), management("?badgeType=EARNED&name=nothing-like-it"));
        assertEquals(List.of(), management("?badgeType=EARNED&name=%25"), "a % is a %, not a wildcard");
        assertEquals(List.of(), management("?badgeType=AVAILABLE&action=DEACTIVATED"),
                "a deactivated badge is not available");
        assertTrue(management("?badgeType=AVAILABLE&action=ACTIVATED&size=50").contains(untouched));
        assertEquals(List.of(), management("?badgeType=AVAILABLE&badgeStatus=UPCOMING"));
        assertTrue(management("?badgeType=AVAILABLE&badgeStatus=LIVE&owner=Loyalty&claimedBy=Loyalty&size=50")
                .contains(untouched));
        assertEquals(List.of(), management("?badgeType=AVAILABLE&claimedBy=Journeys"));
        String tomorrow = Instant.now().plus(Duration.ofDays(1)).toString();
        assertEquals(List.of(), management("?badgeType=AVAILABLE&startOn=" + tomorrow + "&startOnOperator=GREATER_THAN"));
        assertTrue(management("?badgeType=AVAILABLE&size=50&startOn=" + tomorrow + "&startOnOperator=LESS_THAN")
                .contains(untouched));
        assertEquals(List.of(), management("?badgeType=AVAILABLE&expiresOn=" + tomorrow), "expiring before tomorrow");
        JsonObject item = api.get("management/" + customer + "?badgeType=EARNED").expect(200).data()
                .getJsonArray("customerBadges").getJsonObject(0);
        assertEquals(2, item.getInt("earnCount"));
        assertEquals("EARN", item.getString("badgeType"));
        assertEquals("LIVE", item.getString("badgeStatus"));
        assertTrue(item.containsKey("startsOn") && item.containsKey("lastEarnedOnISO"), item.toString());
        JsonObject issue = api.get("management/" + customer + "?badgeType=AVAILABLE&size=50").expect(200).data()
                .getJsonArray("customerBadges").stream().map(JsonValue::asJsonObject)
                .filter(b -> b.getString("badgeMetaId").equals(enrolled)).findFirst().orElseThrow();
        assertEquals("ACTIVE", issue.getString("issueStatus"));
    }

    @Test
    void anotherOrgSeesNothingOfTheCustomerAndNoneOfTheBadges() {
        Api other = BadgeworksServer.shared().admin().newOrg("customers-other");
        for (String type : List.of("EARNED", "EXPIRED", "AVAILABLE", "AVAILABLE_TO_ISSUE")) {
            JsonObject data = other.get("customer/" + customer + "?badgeType=" + type + "&includeExpired=true")
                    .expect(200).data();
            assertEquals(0, data.getJsonArray("badges").size(), type);
            assertEquals(0, data.getJsonObject("pagination").getInt("total"), type);
            assertEquals(0, other.get("management/" + customer + "?badgeType=" + type).expect(200).data()
                    .getJsonArray("customerBadges").size(), type);
        }
        other.get("management/" + customer + "/badge/" + earned).expectError(404, 404, "badgeId");
        api.get("management/" + customer + "/badge/000000000000000000000000").expectError(404, 404, "badgeId");
        JsonObject stranger = api.get("customer/never-seen-" + UUID.randomUUID() + "?badgeType=EARNED").expect(200).data();
        assertEquals(0, stranger.getJsonArray("badges").size(), "an unknown customer simply has nothing");
    }

    @Test
    void oneBadgeOfTheCustomerWithStatisticsShowsLimitsEnrolmentsAndEveryEarn() {
        JsonObject plain = api.get("management/" + customer + "/badge/" + earned).expect(200).data();
        assertEquals(earned, plain.getString("id"));
        assertEquals(Long.parseLong(customer), plain.getJsonNumber("customerId").longValueExact());
        assertEquals(2, plain.getInt("activeEarnedCount"));
        assertEquals("ACTIVATED", plain.getString("action"));
        assertTrue(plain.isNull("earnDetails") && plain.isNull("customerConstraints"), "statistics only when asked");

        JsonObject stats = api.get("management/" + customer + "/badge/" + earned + "?includeStatistics=true")
                .expect(200).data();
        JsonObject limit = stats.getJsonArray("customerConstraints").getJsonObject(0);
        assertEquals("CUSTOMER", limit.getString("constraintLevel"));
        assertEquals("OVERALL", limit.getString("constraintType"));
        assertEquals(5, limit.getInt("maxEarnLimit"));
        assertEquals(2, limit.getJsonObject("earnConstraintBlockStatistics").getInt("currentEarnCount"));
        assertEquals(2, stats.getJsonObject("earnDetails").getInt("earnCount"));
        assertEquals(2, stats.getJsonObject("earnDetails").getJsonArray("earns").size());

        JsonObject gone = api.get("management/" + customer + "/badge/" + revoked + "?includeStatistics=true")
                .expect(200).data();
        assertEquals(0, gone.getInt("activeEarnedCount"));
        JsonObject revokedEarn = gone.getJsonObject("earnDetails").getJsonArray("earns").getJsonObject(0);
        assertEquals("REVOKED", revokedEarn.getString("earnStatus"));
        assertFalse(revokedEarn.isNull("revokedOnISO"));
        assertEquals("EXPIRED", api.get("management/" + customer + "/badge/" + expired + "?includeStatistics=true")
                .expect(200).data().getJsonObject("earnDetails").getJsonArray("earns").getJsonObject(0)
                .getString("earnStatus"));

        JsonObject issue = api.get("management/" + customer + "/badge/" + enrolled + "?includeStatistics=true")
                .expect(200).data();
        assertEquals("ACTIVE", issue.getString("issuedStatus"));
        JsonObject issuals = issue.getJsonObject("issualDetails");
        assertEquals(1, issuals.getInt("issuedCount"));
        assertEquals("LIVE", issuals.getJsonArray("issuals").getJsonObject(0).getString("issuedStatus"));

        api.get("management/" + customer + "/badge/" + earned + "?size=0").expectError(400, 1105, "size");
        api.get("management/" + customer + "/badge/" + earned + "?sortOn=RANK").expectError(400, 400, "sortOn");
    }

    @Test
    void customerIdentifierTypesOtherThanTheIdAreRefusedNotGuessed() {
        Map<String, String> email = Map.of("X-CAP-CUSTOMER-IDENTIFIER", "email");
        api.send("GET", "customer/someone@example.com", null, email).expectError(400, 1028, "X-CAP-CUSTOMER-IDENTIFIER");
        api.send("GET", "management/" + customer, null, Map.of("X-CAP-CUSTOMER-IDENTIFIER", "mobile"))
                .expectError(400, 1028, "X-CAP-CUSTOMER-IDENTIFIER");
        api.post("customer/revokeEarn", "{}", Map.of("X-CAP-CUSTOMER-IDENTIFIER", "cardNumber"))
                .expectError(400, 1028, "X-CAP-CUSTOMER-IDENTIFIER");
        assertEquals(List.of(earned), ids(api.send("GET", "customer/" + customer + "?badgeType=EARNED", null,
                Map.of("X-CAP-CUSTOMER-IDENTIFIER", "customerId")), "badges", "badgeMetaId"));
    }

    @Test
    void theCountsStayExactWhenEarnsAndRevocationsRace() throws Exception {
        String badge = claimed(Badges.earnBadge("Raced"));
        String racer = "racer-" + UUID.randomUUID();
        List<Api.Reply> first = Concurrently.run(20, i -> api.post("customer/earn",
                EarnIT.earn(badge, racer, "first-" + i + "-" + racer).build().toString()));
        first.forEach(r -> r.expect(200));
        String duplicate = EarnIT.earn(badge, racer, "dup-" + racer).build().toString();
        List<Api.Reply> mixed = Concurrently.run(20, i -> i < 10 ? api.post("customer/earn", duplicate)
                : api.post("customer/revokeEarn", Json.createObjectBuilder().add("badgeMetaId", badge)
                        .add("customerId", racer).add("earnedBadgeId", first.get(i).data().getString("earnedBadgeId"))
                        .build().toString()));
        assertEquals(1, mixed.subList(0, 10).stream().filter(r -> r.status() == 200).count(), "one duplicate wins");
        mixed.subList(10, 20).forEach(r -> r.expect(200));
        JsonObject listed = api.get("customer/" + racer + "?badgeType=EARNED").expect(200).data()
                .getJsonArray("badges").getJsonObject(0);
        JsonObject counted = api.get("management/" + racer + "/badge/" + badge + "?includeStatistics=true&size=1000")
                .expect(200).data();
        assertEquals(11, listed.getInt("earnedCount"), "20 + 1 earned, 10 revoked");
        assertEquals(11, counted.getInt("activeEarnedCount"), "the earns table agrees with the standing row");
        assertEquals(21, counted.getJsonObject("earnDetails").getInt("earnCount"));
        String latest = counted.getJsonObject("earnDetails").getJsonArray("earns").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("earnStatus").equals("LIVE")).map(e -> e.getString("earnedOnISO"))
                .max(String::compareTo).orElseThrow();
        assertEquals(latest, listed.getString("lastEarnedOnDateISO"));
    }

    /**
     * A burst of views, many of them refused, larger than the views the server runs at once (they are admitted a few
     * at a time): each gets its own answer, none is left waiting, and the views still answer after it.
     */
    @Test
    void aBurstOfViewsAndRefusedViewsIsAnsweredInFull() throws Exception {
        List<String> alone = member("?size=50");
        List<String> earnedAlone = management("?badgeType=EARNED");
        assertTrue(earnedAlone.contains(earned), earnedAlone.toString());
        for (int round = 0; round < 2; round++) {
            List<Api.Reply> replies = Concurrently.run(64, i -> switch (i % 4) {
                case 0 -> api.get("customer/" + customer + "?size=50");
                case 1 -> api.get("customer/" + customer + "?size=0");
                case 2 -> api.get("management/" + customer + "?badgeType=EARNED");
                default -> api.get("management/" + customer + "/badge/" + earned + "?includeStatistics=true");
            });
            for (int i = 0; i < replies.size(); i++) {
                Api.Reply reply = replies.get(i);
                switch (i % 4) {
                    case 0 -> assertEquals(alone, ids(reply, "badges", "badgeMetaId"));
                    case 1 -> reply.expectError(400, 1105, "size");
                    case 2 -> assertEquals(earnedAlone, ids(reply, "customerBadges", "badgeMetaId"));
                    default -> assertEquals(2, reply.expect(200).data().getJsonObject("earnDetails")
                            .getInt("earnCount"));
                }
            }
        }
        String metrics = MetricsIT.scrape(BadgeworksServer.shared().admin());
        assertEquals(0, MetricsIT.value(metrics, "badgeworks_views_waiting"), "no view is left waiting");
        assertTrue(metrics.contains("badgeworks_views_waiting "), "the admission's gauge is served");
    }

    private static List<String> known(List<String> ids) {
        List<String> ours = List.of(earned, expired, revoked, untouched, enrolled, notEnrolled, deactivated);
        return ids.stream().filter(ours::contains).toList();
    }

    @Test
    void theSupportViewsOwnSortOrders() {
        String all = "?badgeType=AVAILABLE&size=50&sortOn=";
        List<String> created = List.of(earned, expired, revoked, untouched, enrolled);
        assertEquals(created, known(management(all + "EXPIRES_ON&order=ASC")), "each expires a year after creation");
        List<String> newestFirst = new java.util.ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, known(management(all + "EXPIRES_ON")), "DESC by default");
        assertEquals(created, known(management(all + "LAST_MODIFIED_DATE&order=ASC")));
        assertEquals(enrolled, known(management(all + "LAST_ISSUED_DATE")).get(0), "the only enrolment; undated last");
        assertEquals(enrolled, known(management(all + "LAST_ISSUED_DATE&order=ASC")).get(0), "undated last either way");
        assertEquals(List.of(earned, expired), known(management("?badgeType=EARNED&includeExpired=true"
                + "&sortOn=LAST_EXPIRED_BADGE")), "the customer's latest earn expiry first");
    }

    @Test
    void aGroupIdNarrowsTheListToTheGroupsBadges() {
        String group = GroupsIT.group(api, "group-" + customer, 1);
        String grouped = claimed(Badges.with(Badges.earnBadge("Grouped"), "badgeGroupId", group));
        String grouper = "grouper-" + UUID.randomUUID();
        earn(grouped, grouper);
        earn(earned, grouper);
        // off again, so the other tests' AVAILABLE lists do not meet it; the customer keeps what they earned
        api.put("badgeMeta/" + grouped + "/deactivate", "").expect(200);
        assertEquals(List.of(grouped), ids(api.get("customer/" + grouper + "?badgeType=EARNED&groupId=" + group),
                "badges", "badgeMetaId"));
        assertEquals(List.of(grouped), ids(api.get("management/" + grouper + "?badgeType=EARNED&groupId=" + group),
                "customerBadges", "badgeMetaId"));
        assertEquals(List.of(), ids(api.get("customer/" + grouper + "?badgeType=EARNED&groupId=no-such-group"),
                "badges", "badgeMetaId"));
        assertEquals(2, ids(api.get("customer/" + grouper + "?badgeType=EARNED"), "badges", "badgeMetaId").size());
    }
}
