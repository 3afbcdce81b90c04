package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Custom field definitions (§2.9, §3.19) and org meta (§2.10): their endpoints and rules, and badges held to them.
 */
class CustomFieldsIT {

    static String field(Api api, String body) {
        return api.post("customField", body).expect(201).data().getString("id");
    }

    @Test
    void aFieldIsCreatedReadUpdatedAndListedWhileActive() {
        Api api = BadgeworksServer.shared().admin().newOrg("fields");
        JsonObject created = api.post("customField", "{\"name\":\"Colour\",\"dataType\":\"string\"}").expect(201).data();
        String colour = created.getString("id");
        assertEquals("STRING", created.getString("dataType"));
        assertFalse(created.getBoolean("isMandatory"));
        assertTrue(created.getBoolean("isActive"));
        assertTrue(created.isNull("defaultValue"));
        assertTrue(created.containsKey("createdOnISO") && created.containsKey("lastUpdatedOnISO"), created.toString());
        String weight = field(api, "{\"name\":\"Weight\",\"dataType\":\"INTEGER\",\"isMandatory\":true,"
                + "\"defaultValue\":5}");
        assertEquals("5", api.get("customField/" + weight).expect(200).data().getString("defaultValue"));

        JsonObject renamed = api.put("customField/" + colour, "{\"name\":\"Hue\",\"dataType\":\"STRING\","
                + "\"isMandatory\":true,\"defaultValue\":\"red\"}").expect(200).data();
        assertEquals("Hue", renamed.getString("name"));
        assertTrue(renamed.getBoolean("isMandatory"));
        JsonObject list = api.get("customField").expect(200).data();
        assertEquals(List.of(colour, weight), ids(list), "latest update first");
        assertEquals(List.of(weight, colour), ids(api.get("customField?order=ASC&sortOn=LAST_UPDATED_DATE").data()));
        assertEquals(2, list.getJsonObject("pagination").getInt("total"));
        api.get("customField?sortOn=NAME").expectError(400, 400, "sortOn");

        api.put("customField/" + colour, "{\"name\":\"Hue\",\"dataType\":\"STRING\",\"isActive\":false}").expect(200);
        assertEquals(List.of(weight), ids(api.get("customField").expect(200).data()), "GETs show active fields only");
        api.get("customField/" + colour).expectError(404, 1162, "customFieldId");
        api.put("customField/" + colour, "{\"name\":\"Hue\",\"dataType\":\"STRING\",\"isActive\":true}")
                .expectError(409, 1165, "isActive");
        field(api, "{\"name\":\"Hue\",\"dataType\":\"BOOLEAN\"}");

        Api other = BadgeworksServer.shared().admin().newOrg("fields-other");
        other.get("customField/" + weight).expectError(404, 1162, "customFieldId");
        other.put("customField/" + weight, "{\"name\":\"Weight\",\"dataType\":\"INTEGER\"}")
                .expectError(404, 1162, "customFieldId");
        assertEquals(0, other.get("customField").expect(200).data().getJsonArray("customFieldROList").size());
    }

    private static List<String> ids(JsonObject list) {
        return list.getJsonArray("customFieldROList").stream().map(v -> v.asJsonObject().getString("id")).toList();
    }

    @Test
    void theFieldRulesAreEnforced() {
        Api api = BadgeworksServer.shared().admin().newOrg("field-rules");
        String size = field(api, "{\"name\":\"Size\",\"dataType\":\"INTEGER\"}");
        api.post("customField", "{\"name\":\"Size\",\"dataType\":\"STRING\"}").expectError(409, 1163, "name");
        field(api, "{\"name\":\"size\",\"dataType\":\"STRING\"}");
        api.post("customField", "{\"name\":\"Must\",\"dataType\":\"STRING\",\"isMandatory\":true}")
                .expectError(400, 1166, "defaultValue");
        api.post("customField", "{\"name\":\"Count\",\"dataType\":\"INTEGER\",\"defaultValue\":\"many\"}")
                .expectError(400, 1102, "defaultValue");
        api.post("customField", "{\"name\":\"When\",\"dataType\":\"DATE\",\"defaultValue\":\"soon\"}")
                .expectError(400, 1102, "defaultValue");
        field(api, "{\"name\":\"When\",\"dataType\":\"DATE\",\"defaultValue\":\"2026-03-05\"}");
        field(api, "{\"name\":\"Flag\",\"dataType\":\"BOOLEAN\",\"defaultValue\":true}");
        api.post("customField", "{\"name\":\"Kind\",\"dataType\":\"DECIMAL\"}").expectError(400, 400, "dataType");
        api.post("customField", "{\"name\":\"Typeless\"}").expectError(400, 1101, "dataType");
        api.put("customField/" + size, "{\"name\":\"Size\",\"dataType\":\"STRING\"}").expectError(400, 1164, "dataType");
        api.put("customField/" + size, "{\"name\":\"size\",\"dataType\":\"INTEGER\"}").expectError(409, 1163, "name");
        assertEquals("Size", api.get("customField/" + size).expect(200).data().getString("name"), "unchanged");
    }

    @Test
    void badgesGetMandatoryDefaultsAndValuesOfTheirFieldsTypes() {
        Api api = BadgeworksServer.shared().admin().newOrg("field-badges");
        field(api, "{\"name\":\"Tier\",\"dataType\":\"INTEGER\",\"isMandatory\":true,\"defaultValue\":\"1\"}");
        field(api, "{\"name\":\"Shiny\",\"dataType\":\"BOOLEAN\"}");
        String gone = field(api, "{\"name\":\"Gone\",\"dataType\":\"STRING\"}");
        api.put("customField/" + gone, "{\"name\":\"Gone\",\"dataType\":\"STRING\",\"isActive\":false}").expect(200);

        JsonObject plain = api.post("badgeMeta", Badges.earnBadge(Badges.uniqueName("Plain")).toString()).expect(201)
                .data();
        assertEquals(Json.createObjectBuilder().add("Tier", "1").build(), plain.getJsonObject("customFields"));
        JsonObject set = api.post("badgeMeta", Badges.with(Badges.earnBadge(Badges.uniqueName("Set")), "customFields",
                Json.createObjectBuilder().add("Tier", 3).add("Shiny", true).build()).toString()).expect(201).data();
        assertEquals("3", set.getJsonObject("customFields").getString("Tier"));
        assertEquals("true", set.getJsonObject("customFields").getString("Shiny"));

        api.post("badgeMeta", Badges.with(Badges.earnBadge(Badges.uniqueName("Wrong")), "customFields",
                Json.createObjectBuilder().add("Tier", "gold").add("Shiny", "yes").build()).toString())
                .expectError(400, 1102, "customFields.Tier").expectError(400, 1102, "customFields.Shiny");
        api.post("badgeMeta", Badges.with(Badges.earnBadge(Badges.uniqueName("Unknown")), "customFields",
                Json.createObjectBuilder().add("Gone", "x").build()).toString())
                .expectError(400, 1105, "customFields.Gone");
        api.put("badgeMeta", Badges.with(Badges.with(Badges.earnBadge(plain.getString("name")), "id",
                plain.getString("id")), "customFields", Json.createObjectBuilder().add("Tier", "x").build())
                .toString()).expectError(400, 1102, "customFields.Tier");
        assertEquals("1", api.get("badgeMeta/" + plain.getString("id")).data().getJsonObject("customFields")
                .getString("Tier"), "a refused update changes nothing");
    }

    @Test
    void concurrentOrgMetaCreatesLeaveOneAndConcurrentUpdatesAreAnsweredNeverFailed() throws Exception {
        Api api = BadgeworksServer.shared().admin().newOrg("org-meta-race");
        String body = "{\"tags\": [{\"key\": \"region\", \"dataType\": \"STRING\"}]}";
        List<Api.Reply> creates = Concurrently.run(8, i -> api.post("orgMeta", body));
        assertEquals(1, creates.stream().filter(r -> r.status() == 201).count(), () -> statuses(creates));
        creates.stream().filter(r -> r.status() != 201).forEach(r -> r.expectError(409, 999999, null));
        // last writer wins; one that lost the row to a concurrent update is 409 1125, to be retried
        List<Api.Reply> updates = Concurrently.run(8, i -> api.put("orgMeta", body.replace("region", "key" + i)));
        assertTrue(updates.stream().anyMatch(r -> r.status() == 200), () -> statuses(updates));
        updates.stream().filter(r -> r.status() != 200).forEach(r -> r.expectError(409, 1125, null));
    }

    private static String statuses(List<Api.Reply> replies) {
        return replies.stream().map(r -> r.status() + " " + r.body()).toList().toString();
    }

    @Test
    void orgMetaIsCreatedOnceReadAndUpdatedAndBadgeTagsAreHeldToIt() {
        Api api = BadgeworksServer.shared().admin().newOrg("org-meta");
        api.get("orgMeta").expectError(404, 1167, null);
        api.put("orgMeta", "{\"tags\":[]}").expectError(404, 1167, null);
        String free = Badges.create(api, Badges.with(Badges.earnBadge(Badges.uniqueName("Free tags")), "tags",
                Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "anything").add("value", "x"))
                        .build()));
        String body = "{\"orgID\":\"" + api.orgId() + "\",\"tags\":[{\"key\":\"region\",\"dataType\":\"STRING\","
                + "\"description\":\"Where\",\"mandatory\":true},{\"key\":\"level\",\"dataType\":\"INTEGER\"}]}";
        JsonObject created = api.post("orgMeta", body).expect(201).data();
        assertEquals(2, created.getJsonArray("tags").size());
        assertTrue(created.getJsonArray("tags").getJsonObject(0).getBoolean("mandatory"));
        assertFalse(created.getJsonArray("tags").getJsonObject(1).getBoolean("mandatory"));
        api.post("orgMeta", body).expectError(409, 999999, null);
        assertEquals("ORG_CONFIG_ALREADY_EXIST_PLEASE_USE_UPDATE_ORG_CONFIG_API",
                api.post("orgMeta", body).errors().getJsonObject(0).getString("message"));
        assertEquals(created.getString("id"), api.get("orgMeta").expect(200).data().getString("id"));
        api.post("orgMeta", "{\"tags\":[{\"key\":\"a\",\"dataType\":\"STRING\"},{\"key\":\"a\",\"dataType\":\"DATE\"}]}")
                .expectError(400, 1105, "tags[1].key");
        api.put("orgMeta", "{\"tags\":[{\"dataType\":\"STRING\"}]}").expectError(400, 1101, "tags[0].key");

        api.post("badgeMeta", Badges.earnBadge(Badges.uniqueName("Untagged")).toString()).expectError(400, 1101, "tags");
        api.post("badgeMeta", Badges.with(Badges.earnBadge(Badges.uniqueName("Tagged")), "tags", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "region").add("value", "EU"))
                .add(Json.createObjectBuilder().add("name", "level").add("value", "high"))
                .add(Json.createObjectBuilder().add("name", "colour").add("value", "red")).build()).toString())
                .expectError(400, 1102, "tags[1].value").expectError(400, 1105, "tags[2].name");
        Badges.create(api, Badges.with(Badges.earnBadge(Badges.uniqueName("Tagged")), "tags", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "region").add("value", "EU"))
                .add(Json.createObjectBuilder().add("name", "level").add("value", 2)).build()));

        JsonObject updated = api.put("orgMeta", "{\"tags\":[{\"key\":\"anything\",\"dataType\":\"STRING\"}]}").expect(200)
                .data();
        assertEquals("anything", updated.getJsonArray("tags").getJsonObject(0).getString("key"));
        assertTrue(api.get("badgeMeta/" + free).expect(200).data().getJsonArray("tags").size() == 1);
        Badges.create(api, Badges.earnBadge(Badges.uniqueName("Untagged again")));
        BadgeworksServer.shared().admin().newOrg("org-meta-other").get("orgMeta").expectError(404, 1167, null);
    }
}
