package dev.badgeworks.it;

import static dev.badgeworks.it.Badges.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /customer/earn and revokeEarn as a client sees them: success, repeats and every error code. */
class EarnIT {

    Api api;
    String badge;

    @BeforeEach
    void liveClaimedBadge() {
        api = BadgeworksServer.shared().admin().newOrg("earn");
        badge = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Earnable")), "Loyalty", "program-1");
    }

    static JsonObjectBuilder earn(String badgeId, Object customerId, Object requestId) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("badgeMetaId", badgeId)
                .add("triggeredBy", Json.createObjectBuilder().add("ownerType", "Loyalty").add("referenceId", "program-1"));
        add(b, "customerId", customerId);
        add(b, "requestId", requestId);
        return b;
    }

    private static void add(JsonObjectBuilder b, String key, Object value) {
        if (value instanceof Number n) {
            b.add(key, n.longValue());
        } else if (value != null) {
            b.add(key, value.toString());
        }
    }

    static String rid() {
        return "req-" + UUID.randomUUID();
    }

    @Test
    void earnAnswersTheEarnedBadgeWithItsExpiryAndTheEchoedIds() {
        Instant before = Instant.now();
        JsonObject data = api.post("customer/earn", earn(badge, 90001, 12345).build().toString()).expect(200).data();
        assertEquals(badge, data.getString("badgeMetaId"));
        assertEquals(90001, data.getJsonNumber("customerId").longValueExact(), "a numeric customerId is a number");
        assertEquals(12345, data.getJsonNumber("requestId").longValueExact(), "requestId echoed as it was sent");
        assertEquals(24, data.getString("earnedBadgeId").length());
        assertTrue(data.isNull("issuedId"));
        Instant event = Instant.parse(data.getString("earnEventDateISO"));
        assertFalse(event.isBefore(before.minusSeconds(1)), "event defaults to now");
        Instant expires = Instant.parse(data.getString("expiresOnISO"));
        assertEquals(Duration.ofDays(30).toSeconds(), Duration.between(event, expires).toSeconds(), 5,
                "RELATIVE 30 days from processing");
        assertEquals(expires.toEpochMilli(), data.getJsonNumber("expiresOn").bigDecimalValue().movePointRight(3).longValue());
    }

    @Test
    void aRepeatedRequestGets809WithTheOriginalResultAndADifferentPayload809WithoutData() {
        String requestId = rid();
        String body = earn(badge, "c-1", requestId).add("earnEventDateISO", Instant.now().toString())
                .build().toString();
        JsonObject first = api.post("customer/earn", body).expect(200).data();
        Api.Reply repeat = api.post("customer/earn", body).expectError(400, 809, "requestId");
        assertEquals(first, repeat.data(), "the original result, so a client that timed out can reconcile");

        String other = earn(badge, "c-2", requestId).build().toString();
        Api.Reply conflict = api.post("customer/earn", other).expectError(400, 809, "requestId");
        assertTrue(conflict.json().isNull("data"));
        assertTrue(conflict.errors().getJsonObject(0).getString("message").contains("different request"));

        Api otherOrg = BadgeworksServer.shared().admin().newOrg("earn-other");
        String theirs = Badges.createClaimed(otherOrg, Badges.earnBadge(Badges.uniqueName("Theirs")), "Loyalty", "program-1");
        otherOrg.post("customer/earn", earn(theirs, "c-1", requestId).build().toString()).expect(200);
    }

    @Test
    void validationErrorsNameTheFieldAndConsumeNoRequestId() {
        String requestId = rid();
        api.post("customer/earn", "{\"badgeMetaId\":").expectError(400, 400, null);
        api.post("customer/earn", earn(badge, null, requestId).build().toString()).expectError(400, 812, "customerId");
        api.post("customer/earn", earn(badge, "c", null).build().toString()).expectError(400, 804, "requestId");
        api.post("customer/earn", Json.createObjectBuilder(earn(badge, "c", requestId).build()).remove("triggeredBy")
                .build().toString()).expectError(400, 716, "triggeredBy.ownerType");
        api.post("customer/earn", Json.createObjectBuilder(earn(badge, "c", requestId).build())
                .add("triggeredBy", Json.createObjectBuilder().add("ownerType", "Loyalty")).build().toString())
                .expectError(400, 717, "triggeredBy.referenceId");
        api.post("customer/earn", Json.createObjectBuilder(earn(badge, "c", requestId).build())
                .add("triggeredBy", Json.createObjectBuilder().add("ownerType", "Membercare").add("referenceId", "p"))
                .build().toString()).expectError(400, 400, "triggeredBy.ownerType");
        api.post("customer/earn", earn(badge, "c", requestId).add("earnEventDate", "last tuesday").build().toString())
                .expectError(400, 1104, "earnEventDate");
        api.post("customer/earn", earn(badge, "c", requestId).add("earnEventDateISO",
                Instant.now().plus(Duration.ofHours(25)).toString()).build().toString())
                .expectError(400, 750, "earnEventDate");
        api.post("customer/earn", earn("000000000000000000000000", "c", requestId).build().toString())
                .expectError(404, 404, "badgeMetaId");
        api.post("customer/earn", Json.createObjectBuilder(earn(badge, "c", requestId).build())
                .add("triggeredBy", Json.createObjectBuilder().add("ownerType", "Loyalty").add("referenceId", "other"))
                .build().toString()).expectError(409, 810, "triggeredBy");
        api.post("customer/earn", earn(badge, "c", requestId).build().toString()).expect(200);
    }

    @Test
    void windowRulesUpcomingDeactivatedAndRetroEarns() {
        String upcoming = Badges.createClaimed(api, with(Badges.earnBadge(Badges.uniqueName("Soon")), "startOn",
                Instant.now().plus(Duration.ofDays(2)).getEpochSecond()), "Loyalty", "program-1");
        api.post("customer/earn", earn(upcoming, "c", rid()).build().toString()).expectError(409, 815, "badgeMetaId");

        api.put("badgeMeta/" + badge + "/deactivate", null).expect(200);
        api.post("customer/earn", earn(badge, "c", rid()).build().toString()).expectError(409, 1120, "badgeMetaId");

        Instant start = Instant.now().minus(Duration.ofDays(60));
        Instant end = Instant.now().minus(Duration.ofDays(30));
        JsonObject past = with(with(Badges.earnBadge(Badges.uniqueName("Last season")), "startOn", start.getEpochSecond()),
                "expiresOnISO", end.toString());
        String expired = api.post("badgeMeta", past.toString(), Map.of("X-CAP-BADGES-MIGRATION", "migration"))
                .expect(201).data().getString("id");
        api.post("badgeMeta/" + expired + "/claim", "{\"ownerType\":\"Loyalty\",\"referenceId\":\"program-1\"}").expect(200);
        Instant inside = start.plus(Duration.ofDays(10));
        JsonObject retro = api.post("customer/earn", earn(expired, "c", rid())
                .add("earnEventDate", inside.toEpochMilli()).build().toString()).expect(200).data();
        assertEquals(inside.toEpochMilli(), Instant.parse(retro.getString("earnEventDateISO")).toEpochMilli());
        api.post("customer/earn", earn(expired, "c", rid()).add("earnEventDateISO", end.plusSeconds(1).toString())
                .build().toString()).expectError(409, 1122, "earnEventDate");
        api.post("customer/earn", earn(expired, "c", rid()).add("earnEventDateISO", start.minusSeconds(1).toString())
                .build().toString()).expectError(409, 1122, "earnEventDate");
    }

    @Test
    void revokeEarn() {
        JsonObject earned = api.post("customer/earn", earn(badge, 77, rid()).build().toString()).expect(200).data();
        String body = Json.createObjectBuilder().add("badgeMetaId", badge).add("customerId", "77")
                .add("earnedBadgeId", earned.getString("earnedBadgeId")).build().toString();
        JsonObject revoked = api.post("customer/revokeEarn", body).expect(200).data();
        assertFalse(revoked.getBoolean("isActive"));
        assertEquals(earned.getString("earnedBadgeId"), revoked.getString("earnedBadgeId"));
        api.post("customer/revokeEarn", body).expectError(409, 814, "earnedBadgeId");
        api.post("customer/revokeEarn", Json.createObjectBuilder().add("badgeMetaId", badge).add("customerId", "78")
                .add("earnedBadgeId", earned.getString("earnedBadgeId")).build().toString())
                .expectError(409, 814, "earnedBadgeId");
        api.post("customer/revokeEarn", "{\"badgeMetaId\":\"" + badge + "\",\"customerId\":\"77\"}")
                .expectError(400, 1101, "earnedBadgeId");
    }
}
