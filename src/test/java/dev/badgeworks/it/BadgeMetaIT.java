package dev.badgeworks.it;

import static dev.badgeworks.it.Badges.with;
import static dev.badgeworks.it.Badges.without;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Badge definitions and claims over HTTP: every endpoint, its success and each of its errors. */
class BadgeMetaIT {

    static final Map<String, String> MIGRATION = Map.of("X-CAP-BADGES-MIGRATION", "migration");

    Api api;

    @BeforeEach
    void freshOrg() {
        api = BadgeworksServer.shared().admin().newOrg("meta");
    }

    private int total() {
        return api.get("badgeMeta").expect(200).data().getJsonObject("pagination").getInt("total");
    }

    @Test
    void createAnswers201WithTheStoredBadgeInBothDateForms() {
        String name = Badges.uniqueName("Furry Friend");
        JsonObject data = api.post("badgeMeta", Badges.earnBadge(name).toString()).expect(201).data();
        assertEquals(24, data.getString("id").length());
        assertEquals(name, data.getString("name"));
        assertEquals("LIVE", data.getString("status"));
        assertEquals("EARN", data.getString("earnType"));
        assertTrue(data.getBoolean("active"));
        assertEquals(List.of("Loyalty", "Milestones"), data.getJsonObject("ownership")
                .getJsonArray("restrictedToOwners").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(0, data.getJsonObject("ownership").getJsonArray("claims").size());
        assertEquals("RELATIVE", data.getJsonObject("earnedBadgeExpiry").getString("expiryType"));
        assertEquals(30, data.getJsonObject("earnedBadgeExpiry").getInt("value"));
        assertTrue(data.isNull("issuedBadgeExpiry"));
        Instant start = Instant.parse(data.getString("startOnISO"));
        assertEquals(start.toEpochMilli(), data.getJsonNumber("startOn").bigDecimalValue().movePointRight(3).longValue());
        assertTrue(data.getString("expiresOnISO").endsWith("Z"));
        assertEquals(data, api.get("badgeMeta/" + data.getString("id")).expect(200).data());
    }

    @Test
    void datesAreAcceptedAsSecondsMillisecondsAndIsoWithAnyOffset() {
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        JsonObject seconds = with(without(Badges.earnBadge(Badges.uniqueName("secs")), "startOn", "expiresOnISO"),
                "startOn", Json.createValue(new java.math.BigDecimal(start.getEpochSecond() + ".250000000")));
        seconds = with(seconds, "expiresOn", start.plus(Duration.ofDays(10)).toEpochMilli());
        JsonObject a = api.post("badgeMeta", seconds.toString()).expect(201).data();
        assertEquals(start.plusMillis(250).toString().replace("Z", "") , a.getString("startOnISO").replace("Z", ""));
        assertEquals(start.plus(Duration.ofDays(10)).toEpochMilli(),
                Instant.parse(a.getString("expiresOnISO")).toEpochMilli());
        assertEquals("UPCOMING", a.getString("status"));

        String offset = start.atOffset(java.time.ZoneOffset.ofHoursMinutes(5, 30)).toString();
        assertTrue(offset.endsWith("+05:30"), offset);
        // the offset is applied, not dropped: 10:00+05:30 is 04:30Z, in either field
        for (String field : new String[] {"startOnISO", "startOn"}) {
            JsonObject alone = with(without(Badges.earnBadge(Badges.uniqueName("offset")), "startOn"), field, offset);
            JsonObject c = api.post("badgeMeta", alone.toString()).expect(201).data();
            assertEquals(start, Instant.parse(c.getString("startOnISO")), field + " " + offset);
        }

        JsonObject iso = with(with(Badges.earnBadge(Badges.uniqueName("iso")), "startOn", offset), "startOnISO",
                start.plusSeconds(60).toString());
        JsonObject b = api.post("badgeMeta", iso.toString()).expect(201).data();
        assertEquals(start.plusSeconds(60), Instant.parse(b.getString("startOnISO")), "ISO field wins");
    }

    @Test
    void everyCreateValidationErrorNamesItsFieldAndStoresNothing() {
        JsonObject ok = Badges.earnBadge(Badges.uniqueName("Invalid"));
        api.post("badgeMeta", "{\"name\": ").expectError(400, 400, null);
        api.post("badgeMeta", "[1,2]").expectError(400, 400, null);
        api.post("badgeMeta", without(ok, "name").toString()).expectError(400, 1101, "name");
        api.post("badgeMeta", with(ok, "name", 42).toString()).expectError(400, 1102, "name");
        api.post("badgeMeta", with(ok, "name", "x".repeat(256)).toString()).expectError(400, 1103, "name");
        api.post("badgeMeta", with(ok, "earnType", "earned").toString()).expectError(400, 400, "earnType");
        api.post("badgeMeta", with(ok, "startOn", "yesterday-ish").toString()).expectError(400, 1104, "startOn");
        api.post("badgeMeta", with(ok, "startOn", "2030-01-01T00:00:00").toString()).expectError(400, 1104, "startOn");
        api.post("badgeMeta", with(ok, "active", "maybe").toString()).expectError(400, 1102, "active");
        api.post("badgeMeta", with(ok, "ownership", Json.createObjectBuilder()
                .add("restrictedToOwners", JsonValue.EMPTY_JSON_ARRAY).build()).toString())
                .expectError(400, 728, "ownership.restrictedToOwners");
        api.post("badgeMeta", without(ok, "ownership").toString()).expectError(400, 728, "ownership.restrictedToOwners");
        api.post("badgeMeta", with(ok, "ownership", Json.createObjectBuilder()
                .add("restrictedToOwners", Json.createArrayBuilder().add("Membercare")).build()).toString())
                .expectError(400, 400, "ownership.restrictedToOwners[0]");
        api.post("badgeMeta", with(ok, "earnedBadgeExpiry", Json.createObjectBuilder()
                .add("expiryType", "RELATIVE").add("relativeExpirytype", "DAYS").add("value", 0).build()).toString())
                .expectError(400, 1105, "earnedBadgeExpiry.value");
        api.post("badgeMeta", without(Badges.issueEarnBadge(Badges.uniqueName("ie")), "issuedBadgeExpiry").toString())
                .expectError(400, 1101, "issuedBadgeExpiry");
        api.post("badgeMeta", with(ok, "customerConstraints", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("constraintType", "CUSTOMER_BADGE_FIXED_VALUE")).build()).toString())
                .expectError(400, 1101, "customerConstraints[0].maxEarnLimit");
        assertEquals(0, total());
    }

    @Test
    void dateRulesOnCreate() {
        Instant now = Instant.now();
        JsonObject ok = Badges.earnBadge(Badges.uniqueName("Dates"));
        api.post("badgeMeta", with(ok, "expiresOnISO", now.minus(Duration.ofDays(1)).toString()).toString())
                .expectError(400, 720, "expiresOn");
        JsonObject past = with(with(ok, "startOn", now.minus(Duration.ofDays(30)).getEpochSecond()), "expiresOnISO",
                now.minus(Duration.ofDays(2)).toString());
        api.post("badgeMeta", past.toString()).expectError(400, 722, "startOn").expectError(400, 724, "expiresOn");
        assertEquals(0, total());
        JsonObject historical = api.post("badgeMeta", past.toString(), MIGRATION).expect(201).data();
        assertEquals("EXPIRED", historical.getString("status"));
        JsonObject anHourAgo = with(Badges.earnBadge(Badges.uniqueName("Now-ish")), "startOn",
                now.minus(Duration.ofHours(1)).getEpochSecond());
        api.post("badgeMeta", anHourAgo.toString()).expect(201);
    }

    @Test
    void namesAreUniquePerOrgAndCaseSensitive() {
        String name = Badges.uniqueName("Unique");
        Badges.create(api, Badges.earnBadge(name));
        api.post("badgeMeta", Badges.earnBadge(name).toString()).expectError(400, 725, "name");
        Badges.create(api, Badges.earnBadge(name.toUpperCase()));
        Badges.create(BadgeworksServer.shared().admin().newOrg("other"), Badges.earnBadge(name));
        assertEquals(2, total());
    }

    @Test
    void updateReplacesTheDefinitionAndEnforcesTheChangeRules() {
        JsonObject created = api.post("badgeMeta", Badges.earnBadge(Badges.uniqueName("Upd")).toString()).expect(201).data();
        String id = created.getString("id");
        JsonObject base = with(Badges.earnBadge(created.getString("name")), "id", id);
        base = with(base, "startOn", created.getJsonNumber("startOn"));
        JsonObject changed = with(with(base, "description", "new words"), "expiresOnISO",
                Instant.now().plus(Duration.ofDays(100)).toString());
        JsonObject updated = api.put("badgeMeta", changed.toString()).expect(200).data();
        assertEquals("new words", updated.getString("description"));
        assertEquals(id, updated.getString("id"));

        api.put("badgeMeta", without(changed, "id").toString()).expectError(400, 1101, "id");
        api.put("badgeMeta", with(changed, "id", "000000000000000000000000").toString()).expectError(404, 404, "id");
        api.put("badgeMeta", with(changed, "startOn", Instant.now().plus(Duration.ofDays(1)).getEpochSecond()).toString())
                .expectError(400, 723, "startOn");
        api.put("badgeMeta", with(changed, "expiresOnISO", Instant.now().minus(Duration.ofMinutes(1)).toString())
                .toString()).expectError(400, 724, "expiresOn");
        api.put("badgeMeta", with(changed, "earnType", "ISSUE_EARN").toString()).expectError(400, 1101, "issuedBadgeExpiry");

        JsonObject fixedValue = with(changed, "customerConstraints", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("constraintType", "CUSTOMER_BADGE_FIXED_VALUE").add("maxEarnLimit", 3)).build());
        api.put("badgeMeta", fixedValue.toString()).expect(200);
        JsonObject fixedWindow = with(changed, "customerConstraints", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("constraintType", "CUSTOMER_BADGE_FIXED_WINDOW").add("durationType", "DAYS").add("refreshRate", 3)
                .add("maxEarnLimit", 1)).build());
        api.put("badgeMeta", fixedWindow.toString()).expectError(400, 826, "customerConstraints");

        api.post("badgeMeta/" + id + "/claim", "{\"ownerType\":\"Milestones\",\"referenceId\":\"m-1\"}").expect(200);
        JsonObject loyaltyOnly = with(fixedValue, "ownership", Json.createObjectBuilder()
                .add("restrictedToOwners", Json.createArrayBuilder().add("Loyalty")).build());
        api.put("badgeMeta", loyaltyOnly.toString()).expectError(409, 1121, "ownership.restrictedToOwners");
        assertEquals("new words", api.get("badgeMeta/" + id).data().getString("description"));
    }

    @Test
    void upcomingBadgeMayMoveItsStartAndTheWindowMustStayOrdered() {
        Instant start = Instant.now().plus(Duration.ofDays(5));
        JsonObject upcoming = with(Badges.earnBadge(Badges.uniqueName("Later")), "startOn", start.getEpochSecond());
        String id = Badges.create(api, upcoming);
        JsonObject moved = with(with(upcoming, "id", id), "startOn", start.plus(Duration.ofDays(1)).getEpochSecond());
        assertEquals("UPCOMING", api.put("badgeMeta", moved.toString()).expect(200).data().getString("status"));
        JsonObject inverted = with(with(upcoming, "id", id), "expiresOnISO", start.minus(Duration.ofDays(1)).toString());
        api.put("badgeMeta", inverted.toString()).expectError(400, 720, "expiresOn");
    }

    @Test
    void getUnknownBadgeIsNotFound() {
        api.get("badgeMeta/000000000000000000000000").expectError(404, 404, "badgeId");
        api.get("badgeMeta/not-an-id").expectError(404, 404, "badgeId");
    }

    @Test
    void listPagesAndFilters() {
        String live = Badges.create(api, Badges.earnBadge("Alpha " + Badges.uniqueName("")));
        String issue = Badges.create(api, Badges.issueEarnBadge("Beta " + Badges.uniqueName("")));
        String upcoming = Badges.create(api, with(Badges.earnBadge("Gamma " + Badges.uniqueName("")), "startOn",
                Instant.now().plus(Duration.ofDays(3)).getEpochSecond()));
        api.post("badgeMeta/" + live + "/claim", "{\"ownerType\":\"Loyalty\",\"referenceId\":\"p1\"}").expect(200);
        api.put("badgeMeta/" + issue + "/deactivate", null).expect(200);

        JsonObject page0 = api.get("badgeMeta?page=0&size=2").expect(200).data();
        assertEquals(Json.createObjectBuilder().add("page", 0).add("size", 2).add("total", 3).add("totalPages", 2).build(),
                page0.getJsonObject("pagination"));
        assertEquals(2, page0.getJsonArray("metaBasicDetails").size());
        assertEquals(1, api.get("badgeMeta?page=1&size=2").data().getJsonArray("metaBasicDetails").size());
        assertEquals(List.of(live, issue, upcoming), ids(api.get("badgeMeta")));
        assertEquals(List.of(upcoming, issue, live), ids(api.get("badgeMeta?order=DESC")));
        assertEquals(List.of(live, issue), ids(api.get("badgeMeta?status=LIVE")));
        assertEquals(List.of(live, issue, upcoming), ids(api.get("badgeMeta?status=LIVE,UPCOMING")));
        assertEquals(List.of(), ids(api.get("badgeMeta?status=ENDED")));
        assertEquals(List.of(issue), ids(api.get("badgeMeta?earnType=ISSUE_EARN")));
        assertEquals(List.of(issue), ids(api.get("badgeMeta?badgeType=issue_earn")));
        assertEquals(List.of(issue), ids(api.get("badgeMeta?action=DE_ACTIVATED")));
        assertEquals(List.of(live), ids(api.get("badgeMeta?claimedBy=Loyalty")));
        assertEquals(List.of(issue, upcoming), ids(api.get("badgeMeta?unclaimed=true")));
        assertEquals(List.of(upcoming), ids(api.get("badgeMeta?name=gamma")));
        assertEquals(List.of(), ids(api.get("badgeMeta?name=%25")), "a % in the filter is a %, not a wildcard");
        assertEquals(List.of(), ids(api.get("badgeMeta?name=_")), "and _ is an underscore");
        assertEquals(List.of(live, issue, upcoming), ids(api.get("badgeMeta?owner=Milestones")));
        assertEquals(List.of(), ids(api.get("badgeMeta?owner=Journeys")));
        assertEquals(2, api.get("badgeMeta?limit=2").data().getJsonArray("metaBasicDetails").size());

        api.get("badgeMeta?size=0").expectError(400, 1105, "size");
        api.get("badgeMeta?page=-1").expectError(400, 1105, "page");
        api.get("badgeMeta?status=SOON").expectError(400, 400, "status");
        api.get("badgeMeta?claimedBy=Membercare").expectError(400, 400, "claimedBy");
        api.get("badgeMeta?sortOn=COLOUR").expectError(400, 400, "sortOn");
    }

    private static List<String> ids(Api.Reply reply) {
        return reply.expect(200).data().getJsonArray("metaBasicDetails").stream()
                .map(v -> v.asJsonObject().getString("id")).toList();
    }

    @Test
    void activateAndDeactivate() {
        String id = Badges.create(api, Badges.earnBadge(Badges.uniqueName("Toggle")));
        JsonObject off = api.put("badgeMeta/" + id + "/deactivate", null).expect(200).data();
        assertEquals(Json.createObjectBuilder().add("id", id).add("isActive", false).build(), off);
        assertFalse(api.get("badgeMeta/" + id).data().getBoolean("active"));
        assertTrue(api.put("badgeMeta/" + id + "/Activate", null).expect(200).data().getBoolean("isActive"));
        api.put("badgeMeta/" + id + "/pause", null).expectError(400, 400, "activationStatus");
        api.put("badgeMeta/000000000000000000000000/activate", null).expectError(404, 404, "badgeId");
    }

    @Test
    void claimAndUnclaim() {
        String id = Badges.create(api, Badges.earnBadge(Badges.uniqueName("Claims")));
        JsonObject claim = api.post("badgeMeta/" + id + "/claim", "{\"ownerType\":\"Loyalty\",\"referenceId\":123}")
                .expect(200).data();
        assertEquals("Loyalty", claim.getString("ownerType"));
        assertEquals("123", claim.getString("referenceId"));
        assertTrue(claim.getBoolean("isActive"));
        api.post("badgeMeta/" + id + "/claim", "{\"ownerType\":\"Loyalty\",\"referenceId\":\"123\"}").expect(200);
        api.post("badgeMeta/" + id + "/claim", "{\"ownerType\":\"Loyalty\",\"referenceId\":\"456\"}").expect(200);
        assertEquals(2, api.get("badgeMeta/" + id).data().getJsonObject("ownership").getJsonArray("claims").size());

        api.post("badgeMeta/" + id + "/claim", "{\"ownerType\":\"Journeys\",\"referenceId\":\"j\"}")
                .expectError(400, 714, "ownerType");
        api.post("badgeMeta/" + id + "/claim", "{\"referenceId\":\"j\"}").expectError(400, 716, "ownerType");
        api.post("badgeMeta/" + id + "/claim", "{\"ownerType\":\"Loyalty\"}").expectError(400, 717, "referenceId");
        api.post("badgeMeta/" + id + "/claim", "{\"ownerType\":\"Membercare\",\"referenceId\":\"1\"}")
                .expectError(400, 400, "ownerType");
        api.post("badgeMeta/000000000000000000000000/claim", "{\"ownerType\":\"Loyalty\",\"referenceId\":\"1\"}")
                .expectError(404, 404, "badgeId");

        JsonObject released = api.post("badgeMeta/" + id + "/unclaim", "{\"ownerType\":\"Loyalty\",\"referenceId\":\"123\"}")
                .expect(200).data();
        assertFalse(released.getBoolean("isActive"));
        api.post("badgeMeta/" + id + "/unclaim", "{\"ownerType\":\"Loyalty\",\"referenceId\":\"123\"}")
                .expectError(404, 737, "referenceId");
        api.post("badgeMeta/" + id + "/unclaim", "{\"ownerType\":\"Milestones\",\"referenceId\":\"never\"}")
                .expectError(404, 737, "referenceId");

        api.put("badgeMeta/" + id + "/deactivate", null).expect(200);
        api.post("badgeMeta/" + id + "/claim", "{\"ownerType\":\"Milestones\",\"referenceId\":\"m\"}")
                .expectError(409, 1120, "badgeId");
    }

    @Test
    void restrictionsAndExtrasAreValidatedStoredAndEchoed() {
        api.post("customField", "{\"name\":\"CF2 INTEGER\",\"dataType\":\"INTEGER\"}").expect(201);
        api.post("customField", "{\"name\":\"colour\",\"dataType\":\"STRING\"}").expect(201);
        JsonObject badge = with(with(with(Badges.earnBadge(Badges.uniqueName("Extras")), "customerConstraints",
                Json.createArrayBuilder().add(Json.createObjectBuilder().add("constraintType", "CUSTOMER_BADGE_FIXED_WINDOW")
                        .add("durationType", "WEEKLY").add("startDayOfTheWeek", 1).add("maxEarnLimit", 1)).build()),
                "badgeConstraints", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("constraintType", "BADGE_ROLLING_WINDOW").add("rollType", "DAYS").add("rollValue", 7)
                        .add("maxEarnLimit", 100)).build()),
                "customFields", Json.createObjectBuilder().add("CF2 INTEGER", 1).add("colour", "blue").build());
        JsonObject data = api.post("badgeMeta", badge.toString()).expect(201).data();
        JsonObject window = data.getJsonArray("customerConstraints").getJsonObject(0);
        assertEquals("WEEKS", window.getString("durationType"));
        assertEquals("TUESDAY", window.getString("startDayOfTheWeek"));
        assertEquals(36, window.getString("referenceId").length());
        assertEquals(data.getJsonNumber("startOn"), window.getJsonNumber("startDate"));
        assertEquals(7, data.getJsonArray("badgeConstraints").getJsonObject(0).getInt("rollValue"));
        assertEquals("1", data.getJsonObject("customFields").getString("CF2 INTEGER"));

        JsonObject bad = with(Badges.earnBadge(Badges.uniqueName("Bad")), "badgeConstraints",
                Json.createArrayBuilder().add(Json.createObjectBuilder().add("constraintType", "BADGE_ROLLING_WINDOW")
                        .add("rollType", "YEARS").add("maxEarnLimit", 1)).build());
        api.post("badgeMeta", bad.toString()).expectError(400, 400, "badgeConstraints[0].rollType")
                .expectError(400, 1101, "badgeConstraints[0].rollValue");
    }
}
