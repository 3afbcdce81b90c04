package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, finding 10: control characters, NUL, bidirectional overrides and half surrogate pairs were stored in
 * names and ids; badges named "?" and "\ud800" both passed the unique-name rule and then both listed as "?".
 * Stored text is NFC, visible, and whole. Bodies are written as JSON text here, escapes and all, since a JSON
 * library would never send half a surrogate pair.
 */
class HostileTextIT {

    private final Api api = BadgeworksServer.shared().admin().newOrg("text");

    /** A badge body whose name is given as raw JSON string content (escapes are sent as written). */
    private static String badgeNamed(String jsonEscapedName) {
        return Badges.earnBadge("NAME-SLOT").toString().replace("NAME-SLOT", jsonEscapedName);
    }

    @Test
    void invisibleAndBrokenCharactersAreRefusedInNamesAndNothingIsStored() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        for (String name : List.of("half \\ud800 pair " + tag, "nul \\u0000 " + tag, "bell \\u0007 " + tag,
                "\\u202Eevil " + tag, "zero\\u200Bwidth " + tag, "line\\nbreak " + tag)) {
            api.post("badgeMeta", badgeNamed(name)).expectError(400, 1105, "name");
        }
        assertEquals(0, api.get("badgeMeta").data().getJsonObject("pagination").getInt("total"));
    }

    @Test
    void theSameNameSpelledComposedOrDecomposedIsOneName() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String id = Badges.create(api, Json.createReader(new java.io.StringReader(badgeNamed("Caf\\u00e9 " + tag)))
                .readObject());
        api.post("badgeMeta", badgeNamed("Cafe\\u0301 " + tag)).expectError(400, 725, "name");
        assertEquals("Caf\u00e9 " + tag, api.get("badgeMeta/" + id).data().getString("name"));
    }

    @Test
    void descriptionsKeepLineBreaksAndNamesKeepEmoji() {
        String name = "Family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 " + UUID.randomUUID().toString().substring(0, 6);
        JsonObject badge = Badges.with(Badges.earnBadge(name), "description", "First line\nsecond line");
        String id = Badges.create(api, badge);
        JsonObject stored = api.get("badgeMeta/" + id).data();
        assertEquals(name, stored.getString("name"));
        assertEquals("First line\nsecond line", stored.getString("description"));
    }

    @Test
    void customFieldsAndCustomerIdsAreHeldToTheSameRules() {
        String body = Badges.with(Badges.earnBadge(Badges.uniqueName("Fields")), "customFields",
                Json.createObjectBuilder().add("colour", "SLOT").build()).toString().replace("SLOT", "blue\\u0000");
        api.post("badgeMeta", body).expectError(400, 1105, "customFields.colour");
        String badge = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Ids")), "Loyalty", "program-1");
        api.post("customer/earn", "{\"badgeMetaId\": \"" + badge + "\", \"customerId\": \"cust\\u200b-1\","
                + " \"requestId\": \"t-1\", \"triggeredBy\": {\"ownerType\": \"Loyalty\", \"referenceId\": \"program-1\"}}")
                .expectError(400, 1105, "customerId");
        api.post("customer/earn", "{\"badgeMetaId\": \"" + badge + "\", \"customerId\": \"cust-1\","
                + " \"requestId\": \"t-\\udc00\", \"triggeredBy\": {\"ownerType\": \"Loyalty\", \"referenceId\": \"program-1\"}}")
                .expectError(400, 1105, "requestId");
    }
}
