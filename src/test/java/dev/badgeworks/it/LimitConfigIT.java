package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configuration side of earn limits: Capillary's own request shapes, fixed windows answered with their cycles,
 * changes on a live badge, the fixed-window details endpoint, and the badge's counts.
 */
class LimitConfigIT {

    private final Api api = BadgeworksServer.shared().admin().newOrg("limit-config");

    private static final Instant MONDAY = LocalDate.now(ZoneOffset.UTC)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay().toInstant(ZoneOffset.UTC);

    private JsonObject create(JsonObject body, int daysAgo) {
        body = Badges.with(body, "startOn", Instant.now().minus(Duration.ofDays(daysAgo)).getEpochSecond());
        return api.post("badgeMeta", body.toString(), Map.of("X-CAP-BADGES-MIGRATION", "migration")).expect(201).data();
    }

    @Test
    void capillarysPublishedShapesAreAcceptedAndFiledAtTheirLevel() {
        // as Capillary's examples send them: a customer fixed window inside badgeConstraints, BADGE_NO_LIMIT inside
        // customerConstraints, the week start as a number (1 = TUESDAY in Capillary's numbering)
        JsonObject body = Badges.with(Badges.with(Badges.earnBadge(Badges.uniqueName("Capillary shapes")),
                "badgeConstraints", LimitsIT.constraints("[{'constraintType':'CUSTOMER_BADGE_FIXED_WINDOW',"
                        + "'durationType':'WEEKS','startDayOfTheWeek':1,'maxEarnLimit':2}]")),
                "customerConstraints", LimitsIT.constraints("[{'constraintType':'BADGE_NO_LIMIT'}]"));
        JsonObject badge = create(body, 0);
        JsonObject window = badge.getJsonArray("customerConstraints").getJsonObject(0);
        assertEquals("CUSTOMER_BADGE_FIXED_WINDOW", window.getString("constraintType"));
        assertEquals("TUESDAY", window.getString("startDayOfTheWeek"));
        assertEquals("ACTIVE", window.getString("cycleStatus"));
        assertEquals(36, window.getString("referenceId").length());
        assertEquals(badge.getString("startOnISO"), window.getString("startDateISO"));
        assertEquals(badge.getString("expiresOnISO"), window.getString("endDateISO"));
        JsonObject cycle = window.getJsonObject("currentCycle");
        Instant cycleStart = Instant.parse(cycle.getString("startDateISO"));
        Instant cycleEnd = Instant.parse(cycle.getString("endDateISO"));
        assertTrue(!cycleStart.isAfter(Instant.now()) && cycleEnd.isAfter(Instant.now()), cycle.toString());
        assertEquals(DayOfWeek.TUESDAY, cycleEnd.plusMillis(1).atZone(ZoneOffset.UTC).getDayOfWeek(),
                "a week from Tuesday ends on Monday night: " + cycle);
        assertEquals("[{\"constraintType\":\"BADGE_NO_LIMIT\"}]", badge.getJsonArray("badgeConstraints").toString());
        assertEquals(1, badge.getJsonNumber("badgeNumericId").longValue());
        assertEquals(0, badge.getInt("earnedCount"));
        assertEquals(0, badge.getInt("issuedCount"));
    }

    @Test
    void onALiveBadgeNewCyclesWaitForTheCurrentOneAndANewLimitAppliesAtOnce() {
        JsonObject body = Badges.with(Badges.earnBadge(Badges.uniqueName("Live change")), "customerConstraints",
                LimitsIT.constraints("[{'constraintType':'CUSTOMER_BADGE_FIXED_WINDOW','durationType':'WEEKS',"
                        + "'startDayOfTheWeek':'MONDAY','maxEarnLimit':1}]"));
        JsonObject badge = create(body, 20);
        String id = badge.getString("id");
        api.post("badgeMeta/" + id + "/claim", "{\"ownerType\":\"Loyalty\",\"referenceId\":\"program-1\"}").expect(200);
        String earn = EarnIT.earn(id, "hana", EarnIT.rid()).build().toString();
        api.post("customer/earn", earn).expect(200);
        api.post("customer/earn", EarnIT.earn(id, "hana", EarnIT.rid()).build().toString())
                .expectError(409, 1140, "customerConstraints");

        // the client sends back what it got, with a higher limit: applies to the current cycle at once
        JsonObject window = badge.getJsonArray("customerConstraints").getJsonObject(0);
        JsonObject raised = Json.createObjectBuilder(window).add("maxEarnLimit", 2).build();
        JsonObject updated = api.put("badgeMeta", Badges.with(Badges.with(badge, "customerConstraints",
                Json.createArrayBuilder().add(raised).build()), "id", id).toString()).expect(200).data();
        assertEquals(1, updated.getJsonArray("customerConstraints").size(), updated.toString());
        api.post("customer/earn", EarnIT.earn(id, "hana", EarnIT.rid()).build().toString()).expect(200);

        // other cycles: an UPCOMING configuration from next Monday; this week keeps its weekly cycle and limit
        JsonObject daily = Json.createObjectBuilder(raised).add("durationType", "DAYS").add("refreshRate", 1)
                .add("maxEarnLimit", 5).remove("startDayOfTheWeek").build();
        JsonObject changed = api.put("badgeMeta", Badges.with(Badges.with(updated, "customerConstraints",
                Json.createArrayBuilder().add(daily).build()), "id", id).toString()).expect(200).data();
        JsonArray windows = changed.getJsonArray("customerConstraints");
        assertEquals(2, windows.size(), changed.toString());
        assertEquals("ACTIVE", windows.getJsonObject(0).getString("cycleStatus"));
        assertEquals("WEEKS", windows.getJsonObject(0).getString("durationType"));
        JsonObject upcoming = windows.getJsonObject(1);
        assertEquals("UPCOMING", upcoming.getString("cycleStatus"));
        assertEquals(MONDAY.plus(Duration.ofDays(7)).toString().replace("Z", ".000Z"), upcoming.getString("startDateISO"));
        assertFalse(upcoming.getString("referenceId").equals(windows.getJsonObject(0).getString("referenceId")));
        assertFalse(upcoming.containsKey("fromMs"), "internal fields stay inside");
        api.post("customer/earn", EarnIT.earn(id, "hana", EarnIT.rid()).build().toString())
                .expectError(409, 1140, "customerConstraints");

        // PUT back the answer as is: nothing changes
        JsonObject again = api.put("badgeMeta", Badges.with(changed, "id", id).toString()).expect(200).data();
        assertEquals(windows.toString().replaceAll("\"currentCycle\":\\{[^}]*}", ""),
                again.getJsonArray("customerConstraints").toString().replaceAll("\"currentCycle\":\\{[^}]*}", ""));
    }

    @Test
    void fixedWindowDetailsListCyclesWithEarnCounts() {
        JsonObject body = Badges.with(Badges.with(Badges.earnBadge(Badges.uniqueName("Details")),
                "customerConstraints", LimitsIT.constraints("[{'constraintType':'CUSTOMER_BADGE_FIXED_WINDOW',"
                        + "'durationType':'DAYS','refreshRate':7,'maxEarnLimit':3,'referenceId':'cust-7d'}]")),
                "badgeConstraints", LimitsIT.constraints("[{'constraintType':'BADGE_FIXED_WINDOW',"
                        + "'durationType':'MONTHS','maxEarnLimit':100,'referenceId':'badge-month'}]"));
        body = Badges.with(body, "expiresOnISO", Instant.now().plus(Duration.ofDays(30)).toString());
        String id = create(body, 20).getString("id");
        api.post("badgeMeta/" + id + "/claim", "{\"ownerType\":\"Loyalty\",\"referenceId\":\"program-1\"}").expect(200);
        Instant lastWeek = Instant.now().minus(Duration.ofDays(8));
        for (String customer : new String[] {"ivan", "ivan", "jane"}) {
            api.post("customer/earn", EarnIT.earn(id, customer, EarnIT.rid()).add("earnEventDateISO", lastWeek.toString())
                    .build().toString()).expect(200);
        }
        JsonObject details = api.get("badgeMeta/getFixedWindowDetails?badgeMetaId=" + id
                + "&constraintType=CUSTOMER&customerId=ivan&includeEarnCount=true&size=50").expect(200).data();
        assertEquals("ivan", details.getString("customerId"));
        JsonArray cycles = details.getJsonArray("fixedWindowCycles");
        assertEquals(details.getJsonObject("pagination").getInt("total"), cycles.size());
        assertTrue(cycles.size() >= 7, details.toString()); // 50 days in cycles of 7
        long withEarns = cycles.stream().map(JsonObject.class::cast).filter(c -> c.getInt("earnCount") > 0).count();
        assertEquals(1, withEarns, details.toString());
        JsonObject busy = cycles.stream().map(JsonObject.class::cast).filter(c -> c.getInt("earnCount") > 0)
                .findFirst().orElseThrow();
        assertEquals(2, busy.getInt("earnCount"));
        assertEquals("cust-7d", busy.getString("fixedWindowCycleReferenceId"));
        assertEquals("CUSTOMER_BADGE_FIXED_WINDOW", busy.getString("constraintType"));
        assertTrue(Instant.parse(busy.getString("startDateISO")).compareTo(lastWeek) <= 0
                && Instant.parse(busy.getString("endDateISO")).compareTo(lastWeek) >= 0, busy.toString());

        JsonObject badgeCycles = api.get("badgeMeta/getFixedWindowDetails?badgeMetaId=" + id
                + "&constraintType=BADGE&includeEarnCount=true&fixedWindowCycleReferenceId=badge-month").expect(200).data();
        int total = badgeCycles.getJsonArray("fixedWindowCycles").stream().map(JsonObject.class::cast)
                .mapToInt(c -> c.getInt("earnCount")).sum();
        assertEquals(3, total, badgeCycles.toString());

        api.get("badgeMeta/getFixedWindowDetails?badgeMetaId=" + id + "&includeEarnCount=true")
                .expectError(400, 1101, "customerId");
        api.get("badgeMeta/getFixedWindowDetails?badgeMetaId=" + id + "&constraintType=BOTH")
                .expectError(400, 400, "constraintType");
        api.get("badgeMeta/getFixedWindowDetails").expectError(400, 1101, "badgeMetaId");
        BadgeworksServer.shared().admin().newOrg("stranger").get("badgeMeta/getFixedWindowDetails?badgeMetaId=" + id)
                .expectError(404, 404, "badgeMetaId");
    }

    @Test
    void badgesCountTheirActiveEarnsAndEnrolmentsAndNumberThemselvesPerOrg() {
        String earnBadge = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Counted")), "Loyalty", "program-1");
        String issueBadge = Badges.createClaimed(api, Badges.issueEarnBadge(Badges.uniqueName("Counted issue")),
                "Loyalty", "program-1");
        String first = null;
        for (int i = 0; i < 3; i++) {
            String earned = api.post("customer/earn", EarnIT.earn(earnBadge, "k" + i, EarnIT.rid()).build().toString())
                    .expect(200).data().getString("earnedBadgeId");
            first = first == null ? earned : first;
        }
        api.post("customer/revokeEarn", "{\"badgeMetaId\":\"" + earnBadge + "\",\"customerId\":\"k0\","
                + "\"earnedBadgeId\":\"" + first + "\"}").expect(200);
        api.post("customer/revokeEarn", "{\"badgeMetaId\":\"" + earnBadge + "\",\"customerId\":\"k0\","
                + "\"earnedBadgeId\":\"" + first + "\"}").expectError(409, 814, "earnedBadgeId");
        api.post("badgeMeta/customer/issueBulk", "{\"badgeMetaId\":\"" + issueBadge + "\",\"customers\":[\"a\",\"b\"],"
                + "\"triggeredBy\":{\"ownerType\":\"Loyalty\",\"referenceId\":\"program-1\"}}").expect(200);
        api.post("badgeMeta/customer/revokeIssue", "{\"badgeMetaId\":\"" + issueBadge + "\",\"customers\":[\"a\"]}")
                .expect(200);

        JsonObject one = api.get("badgeMeta/" + earnBadge).expect(200).data();
        assertEquals(2, one.getInt("earnedCount"), one.toString());
        assertEquals(1, one.getJsonNumber("badgeNumericId").longValue());
        JsonObject list = api.get("badgeMeta?sortOn=ID").expect(200).data();
        JsonObject listed = list.getJsonArray("metaBasicDetails").getJsonObject(1);
        assertEquals(issueBadge, listed.getString("id"));
        assertEquals(1, listed.getInt("issuedCount"), listed.toString());
        assertEquals(2, listed.getJsonNumber("badgeNumericId").longValue());
    }
}
