package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** POST /import/customerBadges: an array in, an array of envelopes out, through the same earn service. */
class HistoricalImportIT {

    @Test
    void importsEarnsWithTheirGivenExpiryAndReportsEachElement() {
        Api api = BadgeworksServer.shared().admin().newOrg("history");
        String badge = Badges.create(api, Badges.earnBadge(Badges.uniqueName("Migrated")));
        Instant expiry = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String body = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("badgeMetaId", badge).add("customerId", 5001)
                        .add("earnEventDateISO", Instant.now().toString()).add("earnExpiresOn", expiry.getEpochSecond()))
                .add(Json.createObjectBuilder().add("badgeMetaId", "000000000000000000000000").add("customerId", 5002)
                        .add("earnExpiresOn", expiry.getEpochSecond()))
                .add(Json.createObjectBuilder().add("badgeMetaId", badge).add("customerId", 5003))
                .build().toString();

        JsonArray answers = parse(api.post("import/customerBadges", body).expect(200).body());
        assertEquals(3, answers.size());
        JsonObject earned = answers.getJsonObject(0).getJsonObject("data");
        assertEquals(5001, earned.getJsonNumber("customerId").longValueExact());
        assertEquals(expiry, Instant.parse(earned.getString("expiresOnISO")), "expiry taken as given");
        assertTrue(earned.getString("requestId").endsWith("_1"));
        assertTrue(earned.isNull("issuedId"));
        assertEquals(1054, answers.getJsonObject(1).getJsonArray("errors").getJsonObject(0).getInt("code"));
        assertEquals("earnExpiresOn", answers.getJsonObject(2).getJsonArray("errors").getJsonObject(0).getString("reference"));

        JsonArray again = parse(api.send("PUT", "import/customerBadges", body, java.util.Map.of()).expect(200).body());
        JsonObject repeat = again.getJsonObject(0);
        assertEquals(809, repeat.getJsonArray("errors").getJsonObject(0).getInt("code"), "the same body earns nothing twice");
        assertEquals(earned.getString("earnedBadgeId"), repeat.getJsonObject("data").getString("earnedBadgeId"));

        api.post("import/customerBadges", "{\"not\":\"an array\"}").expectError(400, 400, null);

        // issue 9, finding 12: an expiry before its own event is refused (an expiry in the past is not)
        Instant event = Instant.now();
        JsonArray backwards = parse(api.post("import/customerBadges", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("badgeMetaId", badge).add("customerId", 5004)
                        .add("earnEventDateISO", event.toString()).add("earnExpiresOn", -1))
                .add(Json.createObjectBuilder().add("badgeMetaId", badge).add("customerId", 5005)
                        .add("earnEventDateISO", event.toString())
                        .add("earnExpiresOnISO", event.plusMillis(1).toString()))
                .build().toString()).expect(200).body());
        JsonObject refused = backwards.getJsonObject(0).getJsonArray("errors").getJsonObject(0);
        assertEquals(1105, refused.getInt("code"));
        assertEquals("earnExpiresOn", refused.getString("reference"));
        assertTrue(backwards.getJsonObject(1).isNull("errors"), "an expiry right after its event: earned");
    }

    /** Issue 15: more than 1,000 elements is refused whole with 1127, nothing earned; 1,000 is one answer each. */
    @Test
    void atMostAThousandElementsPerRequest() {
        Api api = BadgeworksServer.shared().admin().newOrg("history-limit");
        String badge = Badges.create(api, Badges.earnBadge(Badges.uniqueName("Migrated")));
        long expiry = Instant.now().plus(Duration.ofDays(3)).getEpochSecond();
        var tooMany = Json.createArrayBuilder();
        var thousand = Json.createArrayBuilder();
        for (int i = 0; i < 1001; i++) {
            var element = Json.createObjectBuilder().add("badgeMetaId", badge).add("customerId", 60_000 + i)
                    .add("earnExpiresOn", expiry);
            tooMany.add(element);
            if (i < 1000) {
                thousand.add(Json.createObjectBuilder().add("badgeMetaId", badge).add("customerId", 60_000 + i)
                        .add("earnExpiresOn", expiry));
            }
        }
        Api.Reply refused = api.post("import/customerBadges", tooMany.build().toString()).expectError(400, 1127, null);
        assertTrue(refused.errors().getJsonObject(0).getString("message").contains("1000"), refused.body());
        assertEquals(0, api.get("badgeMeta/" + badge).expect(200).data().getInt("earnedCount"), "nothing earned");

        JsonArray answers = parse(api.post("import/customerBadges", thousand.build().toString()).expect(200).body());
        assertEquals(1000, answers.size());
        assertTrue(answers.stream().allMatch(a -> a.asJsonObject().isNull("errors")), "all earned");
        assertEquals(1000, api.get("badgeMeta/" + badge).expect(200).data().getInt("earnedCount"));
    }

    private static JsonArray parse(String body) {
        return Json.createReader(new StringReader(body)).readArray();
    }
}
