package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests as clients written from Capillary's documents send them (issue 14): the earn page's table of owner types,
 * the prose's enum spellings, create bodies without {@code active}, plain dates in filters, the published OpenAPI's
 * revokeEarn path; and answers such clients can read (integer user ids, whole seconds as integers).
 */
class ForeignClientsIT {

    private static final Pattern FRACTION_OF_WHOLE_SECOND = Pattern.compile("\\d{10}\\.000\\b");

    Api api;

    @BeforeEach
    void freshOrg() {
        api = BadgeworksServer.shared().admin().newOrg("foreign");
    }

    private static JsonObject owners(JsonObject badge, String... owners) {
        return Badges.with(badge, "ownership", Json.createObjectBuilder()
                .add("restrictedToOwners", Json.createArrayBuilder(List.of(owners))).build());
    }

    private static String claimBody(String ownerType) {
        return "{\"ownerType\":\"" + ownerType + "\",\"referenceId\":\"program-7\"}";
    }

    private static String earnBody(String badge, String ownerType, String customer) {
        return EarnIT.earn(badge, customer, EarnIT.rid()).add("triggeredBy", Json.createObjectBuilder()
                .add("ownerType", ownerType).add("referenceId", "program-7")).build().toString();
    }

    @Test
    void ownerTypesFromTheEarnPagesTableAreAcceptedAndAnsweredInTheReferenceForm() {
        JsonObject created = api.post("badgeMeta", owners(Badges.earnBadge(Badges.uniqueName("Table")),
                "LOYALTY", "REFERRAL_CAMPAIGNS", "JOURNEYS", "AUDIENCE_CAMPAIGNS", "REWARDS_CATALOG", "GOODWILL_MODULE",
                "MILESTONES", "LOYALTY_PROMOTIONS").toString()).expect(201).data();
        String badge = created.getString("id");
        assertEquals(List.of("Audience_Campaigns", "Goodwill_Module", "Journeys", "Loyalty", "Loyalty_Promotion",
                "Milestones", "Referral_Campaigns", "Rewards_Catalog"),
                created.getJsonObject("ownership").getJsonArray("restrictedToOwners").getValuesAs(JsonValue::toString)
                        .stream().map(s -> s.replace("\"", "")).sorted().toList());

        JsonObject claim = api.post("badgeMeta/" + badge + "/claim", claimBody("LOYALTY")).expect(200).data();
        assertEquals("Loyalty", claim.getString("ownerType"));
        api.post("badgeMeta/" + badge + "/claim", claimBody("Loyalty")).expect(200);   // the same claim, not a second
        assertEquals(1, api.get("badgeMeta/" + badge).data().getJsonObject("ownership").getJsonArray("claims").size());

        JsonObject earned = api.post("customer/earn", earnBody(badge, "LOYALTY", "9001")).expect(200).data();
        api.post("customer/earn", earnBody(badge, "loyalty", "9002")).expect(200);
        assertEquals(2, api.get("badgeMeta/" + badge).data().getInt("earnedCount"));
        assertEquals(1, api.get("badgeMeta?claimedBy=LOYALTY&owner=REWARDS_CATALOG").data()
                .getJsonArray("metaBasicDetails").size());
        assertEquals(1, api.get("management/9001?badgeType=EARNED&owner=GOODWILL_MODULE&claimedBy=LOYALTY").data()
                .getJsonArray("customerBadges").size());

        // a spelling no document uses is still refused with the values as answered, and changes nothing
        String message = api.post("customer/earn", earnBody(badge, "LOYALTY_PROGRAM", "9003"))
                .expectError(400, 400, "triggeredBy.ownerType").errors().getJsonObject(0).getString("message");
        assertTrue(message.contains("[Loyalty, Loyalty_Promotion,"), message);
        api.post("badgeMeta/" + badge + "/unclaim", claimBody("Membercare")).expectError(400, 400, "ownerType");
        assertEquals(2, api.get("badgeMeta/" + badge).data().getInt("earnedCount"));

        JsonObject unclaimed = api.post("badgeMeta/" + badge + "/unclaim", claimBody("LOYALTY")).expect(200).data();
        assertEquals("Loyalty", unclaimed.getString("ownerType"));
        assertFalse(unclaimed.getBoolean("isActive"));
        api.post("customer/earn", earnBody(badge, "LOYALTY", "9004")).expectError(409, 810, "triggeredBy");
        assertTrue(earned.containsKey("earnedBadgeId"));
    }

    @Test
    void otherEnumsAreReadInTheProsesSpellingsAndAnsweredInOne() {
        JsonObject body = Json.createObjectBuilder(Badges.issueEarnBadge(Badges.uniqueName("Prose")))
                .add("earnType", "Issue Earn")
                .add("earnedBadgeExpiry", Json.createObjectBuilder().add("expiryType", "absolute").add("type", "with badge meta"))
                .add("issuedBadgeExpiry", Json.createObjectBuilder().add("expiryType", "Relative")
                        .add("relativeExpiryType", "weeks").add("value", 2))
                .add("customerConstraints", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("constraintType", "customer_badge_fixed_window").add("durationType", "WEEKLY")
                        .add("startDayOfTheWeek", "tuesday").add("maxEarnLimit", 1)))
                .build();
        JsonObject badge = api.post("badgeMeta", body.toString()).expect(201).data();
        assertEquals("ISSUE_EARN", badge.getString("earnType"));
        assertEquals("ABSOLUTE", badge.getJsonObject("earnedBadgeExpiry").getString("expiryType"));
        assertEquals("WITH_BADGE_META", badge.getJsonObject("earnedBadgeExpiry").getString("type"));
        assertEquals("WEEKS", badge.getJsonObject("issuedBadgeExpiry").getString("relativeExpirytype"));
        JsonObject window = badge.getJsonArray("customerConstraints").getJsonObject(0);
        assertEquals("CUSTOMER_BADGE_FIXED_WINDOW", window.getString("constraintType"));
        assertEquals("WEEKS", window.getString("durationType"));
        assertEquals("TUESDAY", window.getString("startDayOfTheWeek"));
        assertEquals(1, api.get("badgeMeta?earnType=issue_earn").data().getJsonArray("metaBasicDetails").size());
        api.post("badgeMeta", Badges.with(body, "earnType", "EARNED").toString()).expectError(400, 400, "earnType");
    }

    @Test
    void activeMayBeLeftOutOfACreateAndAnUpdate() {
        JsonObject withoutActive = Badges.without(Badges.earnBadge(Badges.uniqueName("Quiet")), "active");
        JsonObject created = api.post("badgeMeta", withoutActive.toString()).expect(201).data();
        assertTrue(created.getBoolean("active"), "a new badge is active unless told");
        String id = created.getString("id");
        api.put("badgeMeta/" + id + "/deactivate", null).expect(200);
        JsonObject updated = api.put("badgeMeta", Badges.with(withoutActive, "id", id)
                .toString().replace("Given for a first purchase", "Reworded")).expect(200).data();
        assertFalse(updated.getBoolean("active"), "an update without active keeps the activation");
        assertEquals("Reworded", updated.getString("description"));
    }

    @Test
    void createdByAndLastUpdatedByAreTheUsersIdWithTheNameBeside() {
        Api operator = BadgeworksServer.shared().admin();
        long creatorId = operator.get("admin/orgs/" + api.orgId() + "/users").expect(200)
                .json().getJsonArray("data").getJsonObject(0).getJsonNumber("id").longValueExact();
        JsonObject created = api.post("badgeMeta", Badges.earnBadge(Badges.uniqueName("Author")).toString())
                .expect(201).data();
        assertEquals(creatorId, created.getJsonNumber("createdBy").longValueExact());
        assertEquals(api.username(), created.getString("createdByName"));
        assertEquals(creatorId, created.getJsonNumber("lastUpdatedBy").longValueExact());

        String editor = "editor-" + api.orgId();
        long editorId = operator.post("admin/orgs/" + api.orgId() + "/users",
                "{\"username\":\"" + editor + "\",\"password\":\"editor-password-long\"}").expect(201)
                .data().getJsonNumber("id").longValueExact();
        String id = created.getString("id");
        api.as(editor, "editor-password-long").put("badgeMeta/" + id + "/deactivate", null).expect(200);
        JsonObject listed = api.get("badgeMeta").data().getJsonArray("metaBasicDetails").getJsonObject(0);
        assertEquals(creatorId, listed.getJsonNumber("createdBy").longValueExact());
        assertEquals(editorId, listed.getJsonNumber("lastUpdatedBy").longValueExact());
        assertEquals(editor, listed.getString("lastUpdatedByName"));
    }

    @Test
    void wholeSecondsAreAnsweredAsIntegersAndMillisecondsKeepTheirFraction() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonObject body = Json.createObjectBuilder(Badges.earnBadge(Badges.uniqueName("Seconds")))
                .add("startOn", start.getEpochSecond())
                .add("expiresOnISO", start.plus(Duration.ofDays(30)).plusMillis(250).toString()).build();
        Api.Reply reply = api.post("badgeMeta", body.toString()).expect(201);
        assertFalse(FRACTION_OF_WHOLE_SECOND.matcher(reply.body()).find(), reply.body());
        assertTrue(reply.body().contains("\"startOn\":" + start.getEpochSecond() + ","), reply.body());
        assertEquals(start.plus(Duration.ofDays(30)).getEpochSecond() + ".250",
                reply.data().getJsonNumber("expiresOn").toString());
        String badge = reply.data().getString("id");
        api.post("badgeMeta/" + badge + "/claim", claimBody("Loyalty")).expect(200);
        Api.Reply earned = api.post("customer/earn", EarnIT.earn(badge, "9100", EarnIT.rid())
                .add("earnEventDate", start.getEpochSecond())
                .add("triggeredBy", Json.createObjectBuilder().add("ownerType", "Loyalty").add("referenceId", "program-7"))
                .build().toString()).expect(200);
        assertEquals(Long.toString(start.getEpochSecond()), earned.data().getJsonNumber("earnEventDate").toString());
        Api.Reply member = api.get("management/9100?badgeType=EARNED");
        assertFalse(FRACTION_OF_WHOLE_SECOND.matcher(member.body()).find(), member.body());
    }

    @Test
    void dateFiltersTakePlainDatesForTheirWholeDay() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(Duration.ofDays(10)).atZone(ZoneOffset.UTC).withHour(15).truncatedTo(ChronoUnit.HOURS)
                .toInstant();
        String badge = Badges.create(api, Json.createObjectBuilder(Badges.earnBadge(Badges.uniqueName("Dated")))
                .add("startOnISO", start.toString()).add("expiresOnISO", end.toString()).build());
        String startDay = start.atZone(ZoneOffset.UTC).toLocalDate().toString();
        String endDay = end.atZone(ZoneOffset.UTC).toLocalDate().toString();
        String dayAfterEnd = end.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).toString();
        // list: at or after startOn, at or before expiresOn; a plain date includes its whole day
        assertEquals(List.of(badge), ids(api.get("badgeMeta?startOn=" + startDay + "&expiresOn=" + endDay)));
        assertEquals(List.of(), ids(api.get("badgeMeta?startOn=" + dayAfterEnd)));
        // customer views: strict operators exclude the whole day
        assertEquals(1, api.get("management/c-1?badgeType=AVAILABLE&expiresOn=" + dayAfterEnd)
                .data().getJsonArray("customerBadges").size());
        assertEquals(0, api.get("management/c-1?badgeType=AVAILABLE&expiresOn=" + endDay)
                .data().getJsonArray("customerBadges").size());
        // fixed-window details: a plain endDate runs to the end of its day
        JsonObject details = api.get("badgeMeta/getFixedWindowDetails?badgeMetaId=" + badge + "&startDate=" + startDay
                + "&endDate=" + endDay).expect(200).data();
        assertEquals(start.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant().toString()
                .replace("Z", ".000Z"), details.getString("startDateISO"));
        assertTrue(details.getString("endDateISO").endsWith("T23:59:59.999Z"), details.toString());
        api.get("badgeMeta?startOn=2026-02-30").expectError(400, 1104, "startOn");
        api.get("badgeMeta/getFixedWindowDetails?badgeMetaId=" + badge + "&endDate=2026-13-01")
                .expectError(400, 1104, "endDate");
    }

    private static List<String> ids(Api.Reply reply) {
        return reply.expect(200).data().getJsonArray("metaBasicDetails").stream()
                .map(b -> b.asJsonObject().getString("id")).toList();
    }

    @Test
    void revokeEarnAnswersAtThePublishedOpenApisPathToo() {
        String badge = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Revoke")), "Loyalty", "program-7");
        JsonObject earned = api.post("customer/earn", earnBody(badge, "Loyalty", "9200")).expect(200).data();
        String body = Json.createObjectBuilder().add("badgeMetaId", badge).add("customerId", 9200)
                .add("earnedBadgeId", earned.getString("earnedBadgeId")).build().toString();
        JsonObject revoked = api.postAtRoot("badges/customer/revokeEarn", body).expect(200).data();
        assertFalse(revoked.getBoolean("isActive"));
        api.postAtRoot("badges/customer/revokeEarn", body).expectError(409, 814, "earnedBadgeId");
        api.post("customer/revokeEarn", body).expectError(409, 814, "earnedBadgeId");
        // an unknown badge is 404 like everywhere else, at both paths
        String unknown = body.replace(badge, "000000000000000000000000");
        api.post("customer/revokeEarn", unknown).expectError(404, 404, "badgeMetaId");
        api.postAtRoot("badges/customer/revokeEarn", unknown).expectError(404, 404, "badgeMetaId");
        api.anonymous().postAtRoot("badges/customer/revokeEarn", body).expectError(401, 401, null);
    }

    @Test
    void fixedWindowDetailsHoldCustomerIdToTheUsualCodesAndIssueBulkCountsACustomerOnce() {
        String badge = Badges.createClaimed(api, Badges.issueEarnBadge(Badges.uniqueName("Once")), "Loyalty", "program-7");
        api.get("badgeMeta/getFixedWindowDetails?badgeMetaId=" + badge + "&customerId=%20")
                .expectError(400, 812, "customerId");
        api.get("badgeMeta/getFixedWindowDetails?badgeMetaId=" + badge + "&customerId=" + "c".repeat(101))
                .expectError(400, 1103, "customerId");

        String body = Json.createObjectBuilder().add("badgeMetaId", badge)
                .add("customers", Json.createArrayBuilder(Collections.nCopies(1001, "same-customer")))
                .add("triggeredBy", Json.createObjectBuilder().add("ownerType", "LOYALTY").add("referenceId", "program-7"))
                .build().toString();
        JsonObject enrolled = api.post("badgeMeta/customer/issueBulk", body).expect(200).data();
        assertEquals(1, enrolled.getJsonArray("issuedBadges").size());
        api.post("badgeMeta/customer/issueBulk", body.replace(badge, "000000000000000000000000"))
                .expectError(404, 404, "badgeMetaId");
    }
}
