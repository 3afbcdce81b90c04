package dev.badgeworks.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Badge request bodies as clients write them, and small edits of them. */
public final class Badges {

    private Badges() {
    }

    public static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A live EARN badge: started now, ends in a year, owned by Loyalty and Milestones, earned badges last 30 days. */
    public static JsonObject earnBadge(String name) {
        Instant now = Instant.now();
        return Json.createObjectBuilder()
                .add("name", name)
                .add("description", "Given for a first purchase")
                .add("startOn", now.getEpochSecond())
                .add("expiresOnISO", now.plus(Duration.ofDays(365)).toString())
                .add("earnType", "EARN")
                .add("active", true)
                .add("earnedBadgeExpiry", Json.createObjectBuilder()
                        .add("expiryType", "RELATIVE").add("relativeExpirytype", "DAYS").add("value", 30))
                .add("ownership", Json.createObjectBuilder()
                        .add("restrictedToOwners", Json.createArrayBuilder().add("Loyalty").add("Milestones")))
                .build();
    }

    /** A live ISSUE_EARN badge whose enrolments last 10 days. */
    public static JsonObject issueEarnBadge(String name) {
        return with(with(earnBadge(name), "earnType", Json.createValue("ISSUE_EARN")), "issuedBadgeExpiry",
                Json.createObjectBuilder().add("expiryType", "RELATIVE").add("relativeExpirytype", "DAYS")
                        .add("value", 10).build());
    }

    public static JsonObject with(JsonObject base, String key, JsonValue value) {
        return Json.createObjectBuilder(base).add(key, value).build();
    }

    public static JsonObject with(JsonObject base, String key, long value) {
        return with(base, key, Json.createValue(value));
    }

    public static JsonObject with(JsonObject base, String key, String value) {
        return with(base, key, Json.createValue(value));
    }

    public static JsonObject without(JsonObject base, String... keys) {
        JsonObjectBuilder b = Json.createObjectBuilder(base);
        for (String key : keys) {
            b.remove(key);
        }
        return b.build();
    }

    /** Creates the badge and returns its id. */
    public static String create(Api api, JsonObject badge) {
        return api.post("badgeMeta", badge.toString()).expect(201).data().getString("id");
    }

    public static String createClaimed(Api api, JsonObject badge, String ownerType, String referenceId) {
        String id = create(api, badge);
        api.post("badgeMeta/" + id + "/claim",
                "{\"ownerType\":\"" + ownerType + "\",\"referenceId\":\"" + referenceId + "\"}").expect(200);
        return id;
    }
}
