package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, finding 2: a number with an absurd exponent (`1e100000000`) cost minutes of a core before its 400.
 * Every path that reads a client's number answers it at once, with the field's usual error.
 */
class HostileNumbersIT {

    private static final String HUGE = "1e100000000";

    private final Api api = BadgeworksServer.shared().admin().newOrg("numbers");

    @Test
    void absurdNumbersAreRefusedAtOnceWhereverTheyAreSent() {
        String badge = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Numbers")), "Loyalty", "program-1");
        String trigger = "\"triggeredBy\": {\"ownerType\": \"Loyalty\", \"referenceId\": \"program-1\"}";
        Instant started = Instant.now();

        api.post("customer/earn", "{\"badgeMetaId\": \"" + badge + "\", \"customerId\": 1, \"requestId\": \"n-1\","
                + " \"earnEventDate\": " + HUGE + ", " + trigger + "}").expectError(400, 1104, "earnEventDate");
        api.post("customer/earn", "{\"badgeMetaId\": \"" + badge + "\", \"customerId\": " + HUGE + ", \"requestId\": "
                + "-" + HUGE + ", " + trigger + "}").expectError(400, 1102, "customerId");
        api.post("customer/earnBulk", "{\"badgeMetaId\": \"" + badge + "\", \"customerIds\": [1], \"requestId\": \"n-2\","
                + " \"earnEventDate\": 1e-100000000, " + trigger + "}").expectError(400, 1104, "earnEventDate");
        api.post("badgeMeta", Badges.with(Badges.earnBadge(Badges.uniqueName("Huge")), "badgeRank",
                number(HUGE)).toString()).expectError(400, 1102, "badgeRank");
        api.post("badgeMeta", Badges.with(Badges.earnBadge(Badges.uniqueName("Huge")), "startOn", number(HUGE))
                .toString()).expectError(400, 1104, "startOn");
        api.get("badgeMeta?startOn=" + HUGE).expectError(400, 1104, "startOn");

        StringBuilder migration = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            migration.append(i == 0 ? "" : ",").append("{\"badgeMetaId\": \"").append(badge)
                    .append("\", \"customerId\": ").append(i).append(", \"earnEventDate\": ").append(HUGE)
                    .append(", \"earnExpiresOn\": ").append(HUGE).append("}");
        }
        JsonArray answers = jakarta.json.Json.createReader(new StringReader(
                api.post("import/customerBadges", migration.append("]").toString()).expect(200).body())).readArray();
        assertEquals(100, answers.size());
        answers.forEach(a -> assertEquals(1104, a.asJsonObject().getJsonArray("errors").getJsonObject(0).getInt("code")));

        Duration took = Duration.between(started, Instant.now());
        assertTrue(took.toSeconds() < 10, "refused at once, not after minutes of arithmetic: " + took);
        assertEquals(0, api.get("badgeMeta/" + badge).expect(200).data().getInt("earnedCount"), "nothing was earned");
    }

    private static JsonValue number(String text) {
        return jakarta.json.Json.createReader(new StringReader(text)).readValue();
    }
}
