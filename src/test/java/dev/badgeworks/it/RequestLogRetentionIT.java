package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Request logs are not kept for ever: a server that keeps bulk earns' logs 3 s deletes the old ones when the
 * retention runs, keeps a fresh one and every enrolment's (their only idempotency). A bulk repeated after its log
 * is gone is answered from the stored earns, earning nothing twice.
 */
class RequestLogRetentionIT {

    static BadgeworksServer server;

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void oldBulkLogsArePurgedAndARepeatedBulkStillEarnsNothingTwice() throws Exception {
        Map<String, String> env = new HashMap<>(BadgeworksServer.FAST_EVENTS);
        env.put("BADGEWORKS_BOOTSTRAP_PASSWORD", BadgeworksServer.ADMIN_PASSWORD);
        env.put("BADGEWORKS_REQUEST_LOG_KEEP_MS", "3000");
        server = BadgeworksServer.create("requestlog", env);
        server.start();
        Api org = server.admin().newOrg("requestlog");
        String badge = Badges.createClaimed(org, Badges.earnBadge(Badges.uniqueName("Kept")), "Loyalty", "program-1");
        String issueBadge = Badges.createClaimed(org, Badges.issueEarnBadge(Badges.uniqueName("Enrol")), "Loyalty",
                "program-1");

        String old = "old-" + UUID.randomUUID();
        JsonObject first = org.post("customer/earnBulk", EarnBulkIT.bulk(badge, old, "a", "b").build().toString())
                .expect(200).data();
        String enrolment = "enrol-" + UUID.randomUUID();
        String enrolBody = Json.createObjectBuilder().add("badgeMetaId", issueBadge).add("requestId", enrolment)
                .add("customers", Json.createArrayBuilder().add("a"))
                .add("triggeredBy", Json.createObjectBuilder().add("ownerType", "Loyalty").add("referenceId", "program-1"))
                .build().toString();
        org.post("badgeMeta/customer/issueBulk", enrolBody).expect(200);
        Thread.sleep(3_500);
        String fresh = "fresh-" + UUID.randomUUID();
        org.post("customer/earnBulk", EarnBulkIT.bulk(badge, fresh, "c").build().toString()).expect(200);

        org.post("admin/requestLogs/purge", "").expectError(403, 403, null);
        // two runs at once (every instance runs it daily): together they delete the old log once
        List<Api.Reply> runs = Concurrently.run(2, i -> server.admin().post("admin/requestLogs/purge", ""));
        JsonObject purged = runs.get(0).expect(200).data();
        assertEquals(3000, purged.getJsonNumber("bulkEarnKeepMs").longValue());
        assertEquals(0, purged.getJsonNumber("enrolmentKeepMs").longValue(), "enrolments' logs: kept for ever");
        assertEquals(1, purged.getJsonNumber("deleted").longValue()
                + runs.get(1).expect(200).data().getJsonNumber("deleted").longValue(), "the old bulk's log only, once");

        // the old bulk again: no logged answer any more, each customer's earn found under its own requestId
        JsonObject again = org.post("customer/earnBulk", EarnBulkIT.bulk(badge, old, "a", "b").build().toString())
                .expect(200).data();
        assertEquals(earnedIds(first), earnedIds(again), "the stored earns, not new ones");
        assertEquals(3, org.get("badgeMeta/" + badge).expect(200).data().getInt("earnedCount"), "a, b, c once each");
        // the fresh bulk's log is kept: other content under its requestId is still refused
        org.post("customer/earnBulk", EarnBulkIT.bulk(badge, fresh, "d").build().toString())
                .expectError(400, 809, "requestId");
        // and the enrolment's: repeated, it is a repeat
        org.post("badgeMeta/customer/issueBulk", enrolBody).expectError(400, 809, "requestId");
    }

    private static List<String> earnedIds(JsonObject bulk) {
        return bulk.getJsonArray("earnedBadgesList").stream().map(JsonValue::asJsonObject)
                .map(e -> e.getString("earnedBadgeId")).toList();
    }
}
