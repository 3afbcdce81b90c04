package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: a state change is decided by the database, so of identical concurrent calls — on one instance or
 * several sharing PostgreSQL — exactly one changes the state and the others get the answer a later call would.
 */
class ConcurrentChangesIT {

    static final int CLIENTS = 20;

    Api api;

    @BeforeEach
    void org() {
        api = BadgeworksServer.shared().admin().newOrg("races");
    }

    @Test
    void concurrentRevokesOfOneEarnRevokeItOnceAndCountItOnce() throws Exception {
        revokeEarnRacing(api);
    }

    /** Also run through a load balancer over two instances (ClusterIT). */
    static void revokeEarnRacing(Api api) throws Exception {
        String badge = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Revoke race")), "Loyalty", "program-1");
        String earned = api.post("customer/earn", EarnIT.earn(badge, "rita", EarnIT.rid()).build().toString())
                .expect(200).data().getString("earnedBadgeId");
        api.post("customer/earn", EarnIT.earn(badge, "rita", EarnIT.rid()).build().toString()).expect(200);
        String revoke = Json.createObjectBuilder().add("badgeMetaId", badge).add("customerId", "rita")
                .add("earnedBadgeId", earned).build().toString();

        List<Api.Reply> replies = Concurrently.run(CLIENTS, i -> api.post("customer/revokeEarn", revoke));

        assertEquals(1, replies.stream().filter(r -> r.status() == 200).count(), () -> statuses(replies));
        replies.stream().filter(r -> r.status() != 200).forEach(r -> r.expectError(409, 814, "earnedBadgeId"));
        assertEquals(1, api.get("badgeMeta/" + badge).expect(200).data().getInt("earnedCount"), "two earned, one revoked");
        JsonObject standing = api.get("management/rita/badge/" + badge + "?includeStatistics=true").expect(200).data();
        assertEquals(1, standing.getInt("activeEarnedCount"));
        assertEquals(1, api.get("customer/rita?badgeType=EARNED").expect(200).data().getJsonArray("badges")
                .getJsonObject(0).getInt("earnedCount"), "the standing row is recounted once");
    }

    @Test
    void concurrentRevokesOfOneEnrolmentRevokeItOnce() throws Exception {
        String badge = Badges.createClaimed(api, Badges.issueEarnBadge(Badges.uniqueName("Issue race")), "Loyalty", "program-1");
        JsonObject enrolled = api.post("badgeMeta/customer/issueBulk", Json.createObjectBuilder().add("badgeMetaId", badge)
                .add("customers", Json.createArrayBuilder().add("ivy").add("ian"))
                .add("triggeredBy", Json.createObjectBuilder().add("ownerType", "Loyalty").add("referenceId", "program-1"))
                .build().toString()).expect(200).data();
        String issueId = enrolled.getJsonArray("issuedBadges").getJsonObject(0).getString("issuedId");
        // half name the enrolment, half the customer: both ways must lose the same way
        String byIssual = "{\"badgeMetaId\":\"" + badge + "\",\"revokeIssuals\":[{\"customerId\":\"ivy\",\"issueId\":\""
                + issueId + "\"}]}";
        String byCustomer = "{\"badgeMetaId\":\"" + badge + "\",\"customers\":[\"ivy\"]}";

        List<Api.Reply> replies = Concurrently.run(CLIENTS, i -> api.post("badgeMeta/customer/revokeIssue",
                i % 2 == 0 ? byIssual : byCustomer));

        int revoked = 0;
        for (Api.Reply r : replies) {
            List<JsonObject> items = r.expect(200).data().getJsonArray("revokedIssuedBadges").getValuesAs(JsonObject.class);
            assertEquals(1, items.size(), r.body());
            if (items.get(0).isNull("error")) {
                assertEquals(issueId, items.get(0).getString("issuedId"));
                revoked++;
            } else {
                assertEquals(404, items.get(0).getJsonObject("error").getInt("code"), r.body());
            }
        }
        assertEquals(1, revoked, "exactly one revocation");
        assertEquals(1, api.get("badgeMeta/" + badge).expect(200).data().getInt("issuedCount"), "two enrolled, one revoked");
    }

    @Test
    void concurrentUnclaimsUnclaimOnce() throws Exception {
        unclaimRacing(api);
    }

    /** Also run through a load balancer over two instances (ClusterIT). */
    static void unclaimRacing(Api api) throws Exception {
        String badge = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Unclaim race")), "Loyalty", "program-1");
        String body = "{\"ownerType\":\"Loyalty\",\"referenceId\":\"program-1\"}";

        List<Api.Reply> replies = Concurrently.run(CLIENTS, i -> api.post("badgeMeta/" + badge + "/unclaim", body));

        List<Api.Reply> won = replies.stream().filter(r -> r.status() == 200).toList();
        assertEquals(1, won.size(), () -> statuses(replies));
        assertFalse(won.get(0).data().getBoolean("isActive"));
        replies.stream().filter(r -> r.status() != 200).forEach(r -> r.expectError(404, 737, "referenceId"));
        api.post("badgeMeta/" + badge + "/unclaim", body).expectError(404, 737, "referenceId");
    }

    @Test
    void concurrentIdenticalClaimsAllAnswerTheOneClaimAsASequentialRepeatDoes() throws Exception {
        String badge = Badges.create(api, Badges.earnBadge(Badges.uniqueName("Claim race")));
        String body = "{\"ownerType\":\"Loyalty\",\"referenceId\":\"program-7\"}";

        List<Api.Reply> replies = Concurrently.run(CLIENTS, i -> api.post("badgeMeta/" + badge + "/claim", body));

        JsonObject repeat = api.post("badgeMeta/" + badge + "/claim", body).expect(200).data();
        for (Api.Reply r : replies) {
            assertEquals(repeat, r.expect(200).data(), "each answers as the sequential repeat does");
        }
        assertEquals(1, claims(badge).size(), "one claim stored");

        // and again from unclaimed: every concurrent claim reactivates the one claim
        api.post("badgeMeta/" + badge + "/unclaim", body).expect(200);
        Concurrently.run(CLIENTS, i -> api.post("badgeMeta/" + badge + "/claim", body))
                .forEach(r -> assertTrue(r.expect(200).data().getBoolean("isActive")));
        List<JsonObject> claims = claims(badge);
        assertEquals(1, claims.size());
        assertTrue(claims.get(0).getBoolean("isActive"));
    }

    @Test
    void aPutWithAStaleIfMatchIsRefusedAndChangesNothing() {
        Api.Reply create = api.post("badgeMeta", Badges.earnBadge(Badges.uniqueName("Etag")).toString()).expect(201);
        JsonObject created = create.data();
        String id = created.getString("id");
        String etag = etag(api.get("badgeMeta/" + id).expect(200));
        assertEquals(etag(create), etag, "the create answers the version a GET does");
        JsonObject base = putBody(created);

        Api.Reply first = put(Badges.with(base, "description", "first writer"), etag).expect(200);
        String newer = etag(first);
        assertNotEquals(etag, newer, "a change makes a new version");
        assertEquals(newer, etag(api.get("badgeMeta/" + id).expect(200)), "GET and the PUT answer agree");

        put(Badges.with(base, "description", "stale writer"), etag).expectError(412, 1128, "If-Match");
        Api.Reply after = api.get("badgeMeta/" + id).expect(200);
        assertEquals("first writer", after.data().getString("description"), "the stale write changed nothing");
        assertEquals(newer, etag(after));

        put(Badges.with(base, "description", "star"), "*").expect(200);
        put(Badges.with(base, "description", "weak"), "W/" + etag(api.get("badgeMeta/" + id)))
                .expectError(412, 1128, "If-Match");
        put(Badges.with(base, "description", "any of a list"), "\"x\", " + etag(api.get("badgeMeta/" + id))).expect(200);

        // a client that knows nothing of ETags keeps last-writer-wins
        api.put("badgeMeta", Badges.with(base, "description", "without If-Match").toString()).expect(200);
        assertEquals("without If-Match", api.get("badgeMeta/" + id).data().getString("description"));
    }

    @Test
    void ofConcurrentPutsWithOneIfMatchExactlyOneWins() throws Exception {
        JsonObject created = api.post("badgeMeta", Badges.earnBadge(Badges.uniqueName("Etag race")).toString())
                .expect(201).data();
        String id = created.getString("id");
        String etag = etag(api.get("badgeMeta/" + id).expect(200));
        JsonObject base = putBody(created);

        List<Api.Reply> replies = Concurrently.run(CLIENTS, i -> put(Badges.with(base, "description", "writer " + i), etag));

        List<Api.Reply> won = replies.stream().filter(r -> r.status() == 200).toList();
        assertEquals(1, won.size(), () -> statuses(replies));
        replies.stream().filter(r -> r.status() != 200).forEach(r -> r.expectError(412, 1128, "If-Match"));
        Api.Reply now = api.get("badgeMeta/" + id).expect(200);
        assertEquals(won.get(0).data().getString("description"), now.data().getString("description"));
        assertEquals(etag(won.get(0)), etag(now));
    }

    /** What a client PUTs back: the definition as created, with its id and stored start. */
    private static JsonObject putBody(JsonObject created) {
        JsonObject base = Badges.with(Badges.earnBadge(created.getString("name")), "id", created.getString("id"));
        return Badges.with(base, "startOn", created.getJsonNumber("startOn"));
    }

    private Api.Reply put(JsonObject body, String ifMatch) {
        return api.send("PUT", "badgeMeta", body.toString(), Map.of("If-Match", ifMatch));
    }

    private static String etag(Api.Reply reply) {
        List<String> values = reply.headers().get("ETag");
        assertNotNull(values, () -> "no ETag in " + reply.headers());
        return values.get(0);
    }

    private List<JsonObject> claims(String badge) {
        return api.get("badgeMeta/" + badge).expect(200).data().getJsonObject("ownership").getJsonArray("claims")
                .getValuesAs(JsonValue::asJsonObject);
    }

    private static String statuses(List<Api.Reply> replies) {
        return "statuses " + replies.stream().map(Api.Reply::status).toList() + "; first body "
                + replies.get(0).body();
    }

    /** Concurrent activations of one badge: each answers as if alone or 409 1125 (a lost optimistic lock), never 500. */
    @Test
    void concurrentActivationsAnswerEachOrLoseTheirOptimisticLock() throws Exception {
        String id = api.post("badgeMeta", Badges.earnBadge(Badges.uniqueName("Toggle race")).toString())
                .expect(201).data().getString("id");
        List<Api.Reply> replies = Concurrently.run(CLIENTS, i -> api.send("PUT", "badgeMeta/" + id + "/"
                + (i % 2 == 0 ? "deactivate" : "activate"), null, java.util.Map.of()));
        assertTrue(replies.stream().anyMatch(r -> r.status() == 200), () -> statuses(replies));
        replies.stream().filter(r -> r.status() != 200).forEach(r -> r.expectError(409, 1125, null));
    }
}
