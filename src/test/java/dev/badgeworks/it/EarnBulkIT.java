package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** POST /customer/earnBulk: one badge, many customers, per-customer outcomes, the same rules as a single earn. */
class EarnBulkIT {

    private final Api api = BadgeworksServer.shared().admin().newOrg("bulk");

    private String badge(String customerConstraints) {
        JsonObject body = Badges.earnBadge(Badges.uniqueName("Bulk"));
        if (customerConstraints != null) {
            body = Badges.with(body, "customerConstraints", LimitsIT.constraints(customerConstraints));
        }
        return Badges.createClaimed(api, body, "Loyalty", "program-1");
    }

    static JsonObjectBuilder bulk(String badge, Object requestId, Object... customers) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        for (Object c : customers) {
            if (c instanceof Number n) {
                ids.add(n.longValue());
            } else {
                ids.add(c.toString());
            }
        }
        JsonObjectBuilder b = Json.createObjectBuilder().add("badgeMetaId", badge).add("customerIds", ids)
                .add("triggeredBy", Json.createObjectBuilder().add("ownerType", "Loyalty").add("referenceId", "program-1"));
        if (requestId instanceof Number n) {
            b.add("requestId", n.longValue());
        } else {
            b.add("requestId", requestId.toString());
        }
        return b;
    }

    private static Map<String, String> failures(JsonObject data) {
        return data.getJsonArray("failedEarnBadgeErrorList").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(f -> f.get("customerId").toString(), f -> f.getInt("errorCode") + " "
                        + f.getString("errorMessage")));
    }

    @Test
    void eachCustomerGetsTheSingleEarnsRulesAndAPartialFailureIsStill200() {
        String badge = badge("[{'constraintType':'CUSTOMER_BADGE_FIXED_VALUE','maxEarnLimit':1}]");
        api.post("customer/earn", EarnIT.earn(badge, 4002, EarnIT.rid()).build().toString()).expect(200);
        long requestId = System.nanoTime();
        JsonObject data = api.post("customer/earnBulk", bulk(badge, requestId, 4001, 4002, "carol", 4001).build()
                .toString()).expect(200).data();
        assertEquals(3, data.getInt("totalCount"), "each customer once");
        assertEquals(2, data.getInt("earnedCount"));
        assertEquals(1, data.getInt("failedCount"));
        assertEquals(requestId, data.getJsonNumber("requestId").longValueExact(), "echoed as sent: a number");
        List<JsonValue> earnedIds = data.getJsonArray("earnedBadgesList").stream()
                .map(e -> e.asJsonObject().get("customerId")).toList();
        assertEquals(List.of(Json.createValue(4001L), Json.createValue("carol")), earnedIds,
                "numeric ids answered as numbers, others as strings");
        assertTrue(failures(data).get("4002").startsWith("1140 Customer earn limit reached."), failures(data).toString());
        assertEquals(JsonValue.ValueType.NUMBER, data.get("expiresOn").getValueType());
        assertEquals("Loyalty", data.getJsonObject("triggeredBy").getString("ownerType"));

        // the customers' earns are ordinary earns: the limit now holds for 4001 too
        api.post("customer/earn", EarnIT.earn(badge, 4001, EarnIT.rid()).build().toString())
                .expectError(409, 1140, "customerConstraints");
        // and their requestIds are taken: requestId#customerId replays the bulk's earn
        JsonObject single = api.post("customer/earn", EarnIT.earn(badge, 4001, requestId + "#4001").build().toString())
                .expectError(400, 809, "requestId").data();
        assertEquals(data.getJsonArray("earnedBadgesList").getJsonObject(0).getString("earnedBadgeId"),
                single.getString("earnedBadgeId"));
    }

    @Test
    void aRepeatAnswers809WithTheOriginalOutcomesAndEarnsNothingMore() throws Exception {
        String badge = badge(null);
        String requestId = "bulk-" + UUID.randomUUID();
        String body = bulk(badge, requestId, "a", "b", "c").build().toString();
        List<Api.Reply> replies = Concurrently.run(6, i -> api.post("customer/earnBulk", body));
        List<Api.Reply> firsts = replies.stream().filter(r -> r.status() == 200).toList();
        assertEquals(1, firsts.size(), "one of six concurrent duplicates runs");
        JsonObject original = firsts.get(0).data();
        for (Api.Reply r : replies) {
            if (r.status() != 200) {
                r.expectError(400, 809, "requestId");
                assertEquals(original, r.data(), "a repeat carries the original answer");
            }
        }
        JsonObject badgeNow = api.get("badgeMeta/" + badge).expect(200).data();
        assertEquals(3, badgeNow.getInt("earnedCount"), "three earns, not eighteen");
        api.post("customer/earnBulk", bulk(badge, requestId, "a", "b").build().toString())
                .expectError(400, 809, "requestId");
        assertTrue(api.post("customer/earnBulk", bulk(badge, requestId, "a", "b").build().toString()).json()
                .isNull("data"), "other content under a used requestId: no data");
    }

    @Test
    void badgeLevelFailuresFailTheWholeRequestAndBadInputIsRefusedUpFront() {
        String unclaimed = Badges.create(api, Badges.earnBadge(Badges.uniqueName("Unclaimed")));
        api.post("customer/earnBulk", bulk(unclaimed, "r-" + UUID.randomUUID(), "a", "b").build().toString())
                .expectError(409, 810, "triggeredBy");
        api.post("customer/earnBulk", bulk("000000000000000000000000", "r-" + UUID.randomUUID(), "a").build().toString())
                .expectError(404, 404, "badgeMetaId");
        String badge = badge(null);
        Object[] many = new Object[1001];
        for (int i = 0; i < many.length; i++) {
            many[i] = 10_000 + i;
        }
        api.post("customer/earnBulk", bulk(badge, "r-" + UUID.randomUUID(), many).build().toString())
                .expectError(400, 1127, "customerIds");
        api.post("customer/earnBulk", bulk(badge, "r-" + UUID.randomUUID()).build().toString())
                .expectError(400, 812, "customerIds");
        api.post("customer/earnBulk", Json.createObjectBuilder(bulk(badge, "x", "a").build()).remove("requestId")
                .build().toString()).expectError(400, 804, "requestId");
        api.post("customer/earnBulk", bulk(badge, "r".repeat(100), "a").build().toString())
                .expectError(400, 1103, "requestId");
        assertEquals(0, api.get("badgeMeta/" + badge).expect(200).data().getInt("earnedCount"), "nothing earned");
        Object[] thousand = new Object[1000];
        for (int i = 0; i < thousand.length; i++) {
            thousand[i] = 20_000 + i;
        }
        JsonObject full = api.post("customer/earnBulk", bulk(badge, "r-" + UUID.randomUUID(), thousand).build()
                .toString()).expect(200).data();
        assertEquals(1000, full.getInt("earnedCount"));
        assertEquals(1000, api.get("badgeMeta/" + badge).expect(200).data().getInt("earnedCount"));
    }
}
