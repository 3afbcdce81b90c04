package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events as a loyalty program receives them (issue 13): a real receiver on this machine that answers, fails,
 * times out and batches on purpose; every event arrives, signed, once per change that committed.
 */
class EventsIT {

    private static final long WAIT_MS = 20_000;

    Api user;
    Api admin;
    String badge;
    Receiver receiver;

    @BeforeEach
    void orgWithAnAdminAndAReceiver() throws Exception {
        user = BadgeworksServer.shared().admin().newOrg("events");
        admin = orgAdmin(user);
        badge = Badges.createClaimed(user, Badges.earnBadge(Badges.uniqueName("Evented")), "Loyalty", "program-1");
        receiver = new Receiver();
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    static Api orgAdmin(Api orgUser) {
        return BadgeworksServer.shared().admin().orgAdminOf(orgUser);
    }

    /** Subscribes the receiver; answers the created endpoint (with its secret). */
    private JsonObject subscribe(int batchSize, String... types) {
        var body = Json.createObjectBuilder().add("url", receiver.url()).add("batchSize", batchSize);
        if (types.length > 0) {
            body.add("eventTypes", Json.createArrayBuilder(List.of(types)));
        }
        return admin.post("webhooks", body.build().toString()).expect(201).data();
    }

    private String earn(Object customer, String requestId) {
        return user.post("customer/earn", EarnIT.earn(badge, customer, requestId).build().toString()).expect(200).data()
                .getString("earnedBadgeId");
    }

    @Test
    void anEarnArrivesSignedInTheReferencesShapeOnceAndItsRevocationToo() throws Exception {
        JsonObject hook = subscribe(1);
        assertEquals(64, hook.getString("secret").length(), "a generated secret, shown once");
        assertFalse(admin.get("webhooks/" + hook.getString("id")).expect(200).data().containsKey("secret")
                && !admin.get("webhooks/" + hook.getString("id")).data().isNull("secret"), "never shown again");
        // another org's endpoint hears nothing of this org
        Api other = BadgeworksServer.shared().admin().newOrg("events-other");
        try (Receiver elsewhere = new Receiver()) {
            orgAdmin(other).post("webhooks", "{\"url\":\"" + elsewhere.url() + "\"}").expect(201);

            long before = System.currentTimeMillis();
            String requestId = "req-" + UUID.randomUUID();
            String earnId = earn(90001, requestId);
            user.post("customer/earn", EarnIT.earn(badge, 90001, requestId).build().toString())
                    .expectError(400, 809, "requestId");

            JsonObject event = receiver.await(e -> e.size() >= 1, WAIT_MS).get(0);
            Receiver.Post post = receiver.posts().get(0);
            assertTrue(post.verifies(hook.getString("secret")), "HMAC-SHA256 over timestamp.body with the secret");
            assertFalse(post.verifies("another-secret-of-some-length"));
            assertEquals(hook.getString("id"), post.webhookId());
            assertEquals("badgeEarned", event.getString("eventName"));
            assertEquals(36, event.getString("eventId").length());
            assertEquals(user.orgId(), event.getJsonNumber("orgId").longValueExact());
            assertEquals(user.orgId() + "_" + earnId, event.getString("refId"));
            assertEquals(requestId, event.getString("apiRequestId"));
            long createdAt = event.getJsonNumber("createdAt").longValueExact();
            assertTrue(createdAt >= before - 1000 && createdAt <= System.currentTimeMillis(), "epoch milliseconds");
            JsonObject data = event.getJsonObject("data");
            assertEquals(90001, data.getJsonObject("customerIdentifiers").getJsonNumber("customerId").longValueExact());
            assertEquals(badge, data.getString("badgeId"));
            assertEquals(earnId, data.getString("earnId"));
            assertEquals("LIVE", data.getString("source"));
            assertTrue(data.getJsonNumber("earnedOn").longValueExact() >= before - 1000);

            String revoke = Json.createObjectBuilder().add("badgeMetaId", badge).add("customerId", 90001)
                    .add("earnedBadgeId", earnId).build().toString();
            user.post("customer/revokeEarn", revoke).expect(200);
            user.post("customer/revokeEarn", revoke).expectError(409, 814, "earnedBadgeId");
            List<JsonObject> events = receiver.await(e -> Receiver.countOf(e, "badgeEarnRevoked") >= 1, WAIT_MS);
            sleepPastAFewTurns();
            events = receiver.events();
            assertEquals(2, events.size(), "the repeat (809) and the refused revoke tell nothing: " + events);
            assertEquals(earnId, events.get(1).getJsonObject("data").getString("earnId"));
            assertEquals(0, elsewhere.events().size(), "events go to the earning org's endpoints only");
        }
        JsonObject status = admin.get("webhooks/" + hook.getString("id")).expect(200).data().getJsonObject("status");
        assertNotNull(status.getString("lastSuccessOnISO"));
        assertEquals(0, status.getInt("backlog"));
        assertTrue(status.isNull("oldestPendingAgeSeconds"), "nothing pending, no age: " + status);
        String metrics = BadgeworksServer.shared().admin().get("admin/metrics").expect(200).body();
        assertTrue(metrics.contains("badgeworks_events_deliveries_total{outcome=\"delivered\"}"), metrics);
        double lag = metrics.lines().filter(l -> l.startsWith("badgeworks_events_lag_seconds "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElseThrow();
        assertTrue(lag < 60, "the oldest undelivered event's age (0 when none), not the epoch: " + lag);
    }

    @Test
    void issuesAndTheirRevocationsArriveAndUnsubscribedTypesDoNot() {
        String issueBadge = Badges.createClaimed(user, Badges.issueEarnBadge(Badges.uniqueName("Issued")), "Loyalty",
                "program-1");
        subscribe(1, "badgeIssued", "badgeIssueRevoked");
        String enrol = Json.createObjectBuilder().add("badgeMetaId", issueBadge)
                .add("customers", Json.createArrayBuilder().add("ann").add("ben"))
                .add("triggeredBy", Json.createObjectBuilder().add("ownerType", "Loyalty").add("referenceId", "program-1"))
                .build().toString();
        JsonArray issued = user.post("badgeMeta/customer/issueBulk", enrol).expect(200).data()
                .getJsonArray("issuedBadges");
        user.post("customer/earn", EarnIT.earn(issueBadge, "ann", EarnIT.rid()).build().toString()).expect(200);
        user.post("badgeMeta/customer/revokeIssue", "{\"badgeMetaId\":\"" + issueBadge + "\",\"customers\":[\"ben\"]}")
                .expect(200);
        List<JsonObject> events = receiver.await(e -> e.size() >= 3, WAIT_MS);
        sleepPastAFewTurns();
        events = receiver.events();
        assertEquals(2, Receiver.countOf(events, "badgeIssued"));
        assertEquals(1, Receiver.countOf(events, "badgeIssueRevoked"));
        assertEquals(0, Receiver.countOf(events, "badgeEarned"), "not subscribed");
        Set<String> issualIds = events.stream().map(e -> e.getJsonObject("data").getString("issualId"))
                .collect(Collectors.toSet());
        assertTrue(issualIds.contains(issued.getJsonObject(0).getString("issuedId")));
        assertTrue(issualIds.contains(issued.getJsonObject(1).getString("issuedId")));
    }

    @Test
    void concurrentDuplicatesOfOneEarnCommitOnceAndTellOnce() throws Exception {
        subscribe(1);
        String requestId = "req-" + UUID.randomUUID();
        List<Integer> statuses = Concurrently.run(16, i -> user.post("customer/earn",
                EarnIT.earn(badge, 555, requestId).build().toString())).stream().map(Api.Reply::status).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "one earn: " + statuses);
        receiver.await(e -> e.size() >= 1, WAIT_MS);
        sleepPastAFewTurns();
        assertEquals(1, receiver.events().size(), "the rolled-back duplicates sent nothing");
    }

    @Test
    void aFailingReceiverGetsRetriesThatBackOffThenTheEvent() {
        JsonObject hook = subscribe(1);
        receiver.failNext(3);
        earn("retried", EarnIT.rid());
        receiver.await(e -> e.size() >= 4, WAIT_MS);
        List<Receiver.Post> posts = receiver.posts();
        Set<String> ids = posts.stream().map(p -> p.events().get(0).getString("eventId")).collect(Collectors.toSet());
        assertEquals(1, ids.size(), "every retry carries the same eventId");
        for (int k = 1; k < 4; k++) {
            long gap = posts.get(k).atMs() - posts.get(k - 1).atMs();
            // back-off from 200 ms, doubled each time, jittered within its upper half
            assertTrue(gap >= (100L << (k - 1)) - 20, "retry " + k + " after " + gap + " ms");
        }
        sleepPastAFewTurns();
        assertEquals(4, receiver.posts().size(), "delivered: no more POSTs");
        JsonObject status = admin.get("webhooks/" + hook.getString("id")).data().getJsonObject("status");
        assertEquals("HTTP 503", status.getString("lastError"));
        assertEquals(0, status.getInt("failuresInRow"), "the success reset the run of failures");
        assertNotNull(status.getString("lastFailureOnISO"));
    }

    /**
     * A redirect is never followed — it could point anywhere, private addresses included — and is a failed attempt:
     * the event is sent again to the endpoint's own URL. The secret appears in no log line.
     */
    @Test
    void aRedirectIsAFailureNeverFollowedAndTheSecretIsNeverLogged() throws Exception {
        JsonObject hook = subscribe(1);
        try (Receiver elsewhere = new Receiver()) {
            receiver.redirectNext(2, elsewhere.url());
            earn("redirected", EarnIT.rid());
            receiver.await(e -> receiver.accepted().size() == 1, WAIT_MS);
            List<Receiver.Post> posts = receiver.posts();
            assertEquals(List.of(307, 307, 204), posts.stream().map(Receiver.Post::answered).toList());
            sleepPastAFewTurns();
            assertEquals(List.of(), elsewhere.posts(), "the redirect's target got nothing");
        }
        JsonObject status = admin.get("webhooks/" + hook.getString("id")).data().getJsonObject("status");
        assertEquals("HTTP 307", status.getString("lastError"));
        String secret = hook.getString("secret");
        assertTrue(secret.length() >= 16, secret);
        assertFalse(BadgeworksServer.shared().log().contains(secret), "the endpoint's secret is in the server log");
    }

    @Test
    void aReceiverTooSlowToAnswerIsRetriedAndReceiversDropTheDuplicateByEventId() {
        JsonObject hook = subscribe(1);
        receiver.slowNext(1, 2_500);
        earn("slow", EarnIT.rid());
        receiver.await(e -> e.size() >= 2, WAIT_MS);
        List<JsonObject> events = receiver.events();
        assertEquals(events.get(0).getString("eventId"), events.get(1).getString("eventId"));
        // the receiver records a POST before it answers: the delivery is recorded a moment later
        JsonArray delivered = awaitListed(hook.getString("id"), "DELIVERED");
        assertEquals(1, delivered.size());
        assertEquals(2, delivered.getJsonObject(0).getInt("attempts"), "one timed out, the second was taken");
    }

    @Test
    void deadEventsAreListedAndRedeliveredOnRequest() throws Exception {
        JsonObject hook = subscribe(1);
        String id = hook.getString("id");
        receiver.failNext(1_000);
        String earnId = earn("dead", EarnIT.rid());
        JsonArray dead = awaitListed(id, "DEAD");
        assertEquals(1, dead.size(), "dead after the retry period (4 s here)");
        assertEquals("HTTP 503", dead.getJsonObject(0).getString("lastError"));
        assertEquals(earnId, dead.getJsonObject(0).getJsonObject("event").getJsonObject("data").getString("earnId"));
        assertEquals(1, admin.get("webhooks/" + id).data().getJsonObject("status").getInt("dead"));
        int tries = receiver.posts().size();

        receiver.failNext(0);
        assertEquals(0, admin.post("webhooks/" + id + "/deliveries/redeliver", "{\"eventIds\":[\""
                + UUID.randomUUID() + "\"]}").expect(200).data().getInt("redelivered"), "an unknown id revives nothing");
        // admins racing to redeliver: the database revives the dead delivery once
        int revived = Concurrently.run(6, i -> admin.post("webhooks/" + id + "/deliveries/redeliver", "").expect(200))
                .stream().mapToInt(r -> r.data().getInt("redelivered")).sum();
        assertEquals(1, revived, "six concurrent redeliveries of one dead event");
        receiver.await(e -> e.size() > tries, WAIT_MS);
        assertEquals(dead.getJsonObject(0).getString("eventId"),
                receiver.events().get(receiver.events().size() - 1).getString("eventId"));
        assertEquals(0, admin.get("webhooks/" + id).data().getJsonObject("status").getInt("dead"));
    }

    @Test
    void aStoredBatchDiesListsItsEventsAndIsRedeliveredWholeByAnyOfItsEventIds() {
        String id = subscribe(10).getString("id");
        receiver.failNext(1_000);
        var customers = Json.createArrayBuilder();
        IntStream.range(0, 5).forEach(i -> customers.add(71_000 + i));
        user.post("customer/earnBulk", Json.createObjectBuilder().add("badgeMetaId", badge).add("customerIds", customers)
                .add("requestId", "bulk-" + UUID.randomUUID())
                .add("triggeredBy", Json.createObjectBuilder().add("ownerType", "Loyalty").add("referenceId", "program-1"))
                .build().toString()).expect(200);
        JsonArray dead = awaitListed(id, "DEAD");
        assertEquals(5, dead.size(), "the dead batch lists its five events");
        assertTrue(receiver.posts().stream().allMatch(p -> p.events().size() == 5), "tried as one POST each time");
        assertEquals(5, admin.get("webhooks/" + id).data().getJsonObject("status").getInt("dead"));
        admin.post("webhooks/" + id + "/deliveries/redeliver", "{\"eventIds\":[\"not-a-uuid\"]}")
                .expectError(400, 1105, "eventIds");
        receiver.failNext(0);
        int tries = receiver.posts().size();
        assertEquals(5, admin.post("webhooks/" + id + "/deliveries/redeliver", "{\"eventIds\":[\""
                + dead.getJsonObject(3).getString("eventId") + "\"]}").expect(200).data().getInt("redelivered"),
                "an event inside the batch revives the batch");
        receiver.await(e -> receiver.posts().size() > tries, WAIT_MS);
        Set<String> sent = new HashSet<>();
        receiver.posts().get(receiver.posts().size() - 1).events().forEach(e -> sent.add(e.getString("eventId")));
        Set<String> listed = new HashSet<>();
        dead.forEach(v -> listed.add(v.asJsonObject().getString("eventId")));
        assertEquals(listed, sent);
    }

    @Test
    void aBatchingEndpointGetsBulkEarnsAndImportedEarnsInBatches() {
        subscribe(50);
        var customers = Json.createArrayBuilder();
        IntStream.range(0, 120).forEach(i -> customers.add(70_000 + i));
        user.post("customer/earnBulk", Json.createObjectBuilder().add("badgeMetaId", badge).add("customerIds", customers)
                .add("requestId", "bulk-" + UUID.randomUUID())
                .add("triggeredBy", Json.createObjectBuilder().add("ownerType", "Loyalty").add("referenceId", "program-1"))
                .build().toString()).expect(200);
        String file = Imports.HEADER + "f1," + badge + ",file-a,,Loyalty,program-1\n"
                + "f2," + badge + ",,,Loyalty,program-1\n" + "f3," + badge + ",file-b,,Loyalty,program-1\n";
        String importId = Imports.upload(user, "evented.csv", "text/csv", file);
        Imports.await(user, importId, Duration.ofMinutes(1), "COMPLETED");
        List<JsonObject> events = receiver.await(e -> e.size() >= 122, WAIT_MS);
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.getString("eventId")));
        assertEquals(122, ids.size(), "120 bulk earns and the file's two good rows, each once");
        assertTrue(receiver.posts().stream().allMatch(p -> p.events().size() <= 50), "at most 50 per POST");
        assertTrue(receiver.posts().size() < 20, "batched: " + receiver.posts().size() + " POSTs");
        List<JsonObject> fromFile = events.stream().filter(e -> "FILE".equals(e.getJsonObject("data")
                .getString("source"))).toList();
        assertEquals(2, fromFile.size());
        assertEquals(importId, fromFile.get(0).getJsonObject("data").getString("importId"));
        assertTrue(receiver.posts().stream().allMatch(p -> p.body().startsWith("[")), "a batching endpoint gets arrays");
    }

    @Test
    void migrationsTellNothing() {
        subscribe(1);
        user.post("import/customerBadges", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("badgeMetaId", badge).add("customerId", 6001)).build().toString()).expect(200);
        earn("after-migration", EarnIT.rid());
        List<JsonObject> events = receiver.await(e -> e.size() >= 1, WAIT_MS);
        sleepPastAFewTurns();
        assertEquals(1, receiver.events().size(), "only the live earn: " + events);
        assertEquals("after-migration", Receiver.text(receiver.events().get(0), "data", "customerIdentifiers",
                "customerId"));
    }

    @Test
    void onlyAnOrgAdminManagesItsOwnEndpointsAndBadURLsAreRefused() {
        user.post("webhooks", "{\"url\":\"" + receiver.url() + "\"}").expectError(403, 403, null);
        String id = subscribe(1).getString("id");
        Api otherAdmin = orgAdmin(BadgeworksServer.shared().admin().newOrg("events-intruder"));
        otherAdmin.get("webhooks/" + id).expectError(404, 1150, "webhookId");
        otherAdmin.send("DELETE", "webhooks/" + id, null, java.util.Map.of()).expectError(404, 1150, "webhookId");
        admin.post("webhooks", "{\"url\":\"ftp://example.com/x\"}").expectError(400, 1105, "url");
        admin.post("webhooks", "{\"url\":\"http://user:pw@example.com/x\"}").expectError(400, 1105, "url");
        admin.post("webhooks", "{}").expectError(400, 1101, "url");
        admin.post("webhooks", "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"badgeBurned\"]}")
                .expectError(400, 1105, "eventTypes");
        admin.post("webhooks", "{\"url\":\"" + receiver.url() + "\",\"batchSize\":0}").expectError(400, 1105, "batchSize");
        admin.post("webhooks", "{\"url\":\"" + receiver.url() + "\",\"secret\":\"short\"}")
                .expectError(400, 1105, "secret");
        JsonObject changed = admin.put("webhooks/" + id, "{\"active\":false,\"batchSize\":10}").expect(200).data();
        assertFalse(changed.getBoolean("active"));
        assertEquals(10, changed.getInt("batchSize"));
        assertEquals(receiver.url(), changed.getString("url"), "absent fields keep their values");
        assertEquals(1, admin.get("webhooks").expect(200).json().getJsonArray("data").size());
        admin.send("DELETE", "webhooks/" + id, null, java.util.Map.of()).expect(200);
        admin.get("webhooks/" + id).expectError(404, 1150, "webhookId");
    }

    /** Polls the endpoint's deliveries in this state until there are some (or the wait is over). */
    private JsonArray awaitListed(String webhookId, String status) {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        JsonArray listed = Json.createArrayBuilder().build();
        while (listed.isEmpty() && System.currentTimeMillis() < deadline) {
            Imports.sleep(100);
            listed = admin.get("webhooks/" + webhookId + "/deliveries?status=" + status).expect(200).json()
                    .getJsonArray("data");
        }
        return listed;
    }

    /** Long enough for several dispatcher turns (200 ms each here): whatever was still to come has come. */
    private static void sleepPastAFewTurns() {
        Imports.sleep(1_500);
    }
}
