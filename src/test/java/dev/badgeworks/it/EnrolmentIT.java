package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ISSUE_EARN badges: enrol (issueBulk), earn against the enrolment, revoke enrolments. */
class EnrolmentIT {

    Api api;
    String badge;

    @BeforeEach
    void liveClaimedIssueEarnBadge() {
        api = BadgeworksServer.shared().admin().newOrg("enrol");
        badge = Badges.createClaimed(api, Badges.issueEarnBadge(Badges.uniqueName("Enrol first")), "Loyalty", "program-1");
    }

    private String enrol(String requestId, String... customers) {
        var list = Json.createArrayBuilder();
        for (String c : customers) {
            list.add(c);
        }
        var body = Json.createObjectBuilder().add("badgeMetaId", badge).add("customers", list)
                .add("triggeredBy", Json.createObjectBuilder().add("ownerType", "Loyalty").add("referenceId", "program-1"));
        if (requestId != null) {
            body.add("requestId", requestId);
        }
        return body.build().toString();
    }

    private String earnBody(String customer) {
        return EarnIT.earn(badge, customer, EarnIT.rid()).build().toString();
    }

    @Test
    void anEnrolledCustomerEarnsAgainstTheEnrolmentOthersGet811() {
        api.post("customer/earn", earnBody("alice")).expectError(409, 811, "customerId");
        JsonObject enrolled = api.post("badgeMeta/customer/issueBulk", enrol(null, "alice", "bob")).expect(200).data();
        JsonArray items = enrolled.getJsonArray("issuedBadges");
        assertEquals(2, items.size());
        JsonObject alice = items.getJsonObject(0);
        assertEquals("alice", alice.getString("customerId"));
        assertEquals("ACTIVE", alice.getString("status"));
        assertTrue(alice.isNull("error"));
        Instant expires = Instant.parse(enrolled.getString("expiresOnISO"));
        Instant event = Instant.parse(enrolled.getString("issueEventDateISO"));
        assertEquals(Duration.ofDays(10).toSeconds(), Duration.between(event, expires).toSeconds(), 5);

        JsonObject earned = api.post("customer/earn", earnBody("alice")).expect(200).data();
        assertEquals(alice.getString("issuedId"), earned.getString("issuedId"));
        api.post("customer/earn", earnBody("carol")).expectError(409, 811, "customerId");
        api.post("customer/earn", EarnIT.earn(badge, "alice", EarnIT.rid()).add("earnEventDateISO",
                event.minus(Duration.ofDays(1)).toString()).build().toString()).expectError(409, 1123, "earnEventDate");
    }

    @Test
    void overlappingEnrolmentsAreRefusedPerCustomer() {
        // another customer's enrolment first, so an answer pointing at the wrong enrolment cannot pass by luck
        api.post("badgeMeta/customer/issueBulk", enrol(null, "zed")).expect(200);
        String first = api.post("badgeMeta/customer/issueBulk", enrol(null, "dave")).expect(200).data()
                .getJsonArray("issuedBadges").getJsonObject(0).getString("issuedId");
        JsonObject again = api.post("badgeMeta/customer/issueBulk", enrol(null, "dave", "erin")).expect(200).data();
        JsonObject dave = again.getJsonArray("issuedBadges").getJsonObject(0);
        assertEquals("dave", dave.getString("customerId"));
        assertEquals(1040, dave.getJsonObject("error").getInt("code"));
        assertEquals(first, dave.getString("issuedId"), "points at the enrolment that overlaps");
        JsonObject erin = again.getJsonArray("issuedBadges").getJsonObject(1);
        assertTrue(erin.isNull("error"));
        assertNotEquals(first, erin.getString("issuedId"), "erin's own, new enrolment");
    }

    @Test
    void aRepeatedEnrolmentRequestReplaysItsResult() {
        String requestId = "enrol-" + UUID.randomUUID();
        JsonObject first = api.post("badgeMeta/customer/issueBulk", enrol(requestId, "fay")).expect(200).data();
        Api.Reply repeat = api.post("badgeMeta/customer/issueBulk", enrol(requestId, "fay")).expectError(400, 809, "requestId");
        assertEquals(first, repeat.data());
        api.post("badgeMeta/customer/issueBulk", enrol(requestId, "gus")).expectError(400, 809, "requestId");
        assertTrue(api.post("badgeMeta/customer/issueBulk", enrol(requestId, "gus")).json().isNull("data"));
    }

    @Test
    void enrolmentErrors() {
        String direct = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Direct")), "Loyalty", "program-1");
        api.post("badgeMeta/customer/issueBulk", enrol(null, "x").replace(badge, direct)).expectError(409, 1124, "badgeMetaId");
        api.post("badgeMeta/customer/issueBulk", Json.createObjectBuilder(Json.createReader(new java.io.StringReader(
                enrol(null, "x"))).readObject()).add("issueEventDateISO", Instant.now().minus(Duration.ofDays(3)).toString())
                .build().toString()).expectError(400, 816, "issueEventDate");
        api.post("badgeMeta/customer/issueBulk", enrol(null)).expectError(400, 1101, "customers");
        api.post("badgeMeta/customer/issueBulk", enrol(null, "x").replace("program-1", "program-2"))
                .expectError(409, 810, "triggeredBy");
        api.post("badgeMeta/customer/issueBulk", enrol(null, "x").replace(badge, "000000000000000000000000"))
                .expectError(404, 404, "badgeMetaId");
    }

    @Test
    void revokingEnrolments() {
        JsonObject enrolled = api.post("badgeMeta/customer/issueBulk", enrol(null, "hal", "ida")).expect(200).data();
        String idaIssue = enrolled.getJsonArray("issuedBadges").getJsonObject(1).getString("issuedId");
        JsonObject byCustomer = api.post("badgeMeta/customer/revokeIssue",
                "{\"badgeMetaId\":\"" + badge + "\",\"customers\":[\"hal\",\"nobody\"]}").expect(200).data();
        JsonArray items = byCustomer.getJsonArray("revokedIssuedBadges");
        assertTrue(items.getJsonObject(0).isNull("error"));
        assertEquals(404, items.getJsonObject(1).getJsonObject("error").getInt("code"));
        api.post("customer/earn", earnBody("hal")).expectError(409, 811, "customerId");

        JsonObject wrongOwner = api.post("badgeMeta/customer/revokeIssue", "{\"badgeMetaId\":\"" + badge
                + "\",\"revokeIssuals\":[{\"customerId\":\"hal\",\"issueId\":\"" + idaIssue + "\"}]}").expect(200).data();
        assertEquals(1126, wrongOwner.getJsonArray("revokedIssuedBadges").getJsonObject(0).getJsonObject("error").getInt("code"));
        JsonObject byIssual = api.post("badgeMeta/customer/revokeIssue", "{\"badgeMetaId\":\"" + badge
                + "\",\"customers\":[\"hal\"],\"revokeIssuals\":[{\"customerId\":\"ida\",\"issueId\":\"" + idaIssue + "\"}]}")
                .expect(200).data();
        assertEquals(idaIssue, byIssual.getJsonArray("revokedIssuedBadges").getJsonObject(0).getString("issuedId"));
        assertEquals(1, byIssual.getJsonArray("revokedIssuedBadges").size(), "revokeIssuals wins over customers");
        api.post("badgeMeta/customer/revokeIssue", "{\"badgeMetaId\":\"" + badge + "\"}").expectError(400, 1051, "revokeIssuals");
        // issue 15: at most 20 entries; 21 is refused whole and jo's enrolment stays
        api.post("badgeMeta/customer/issueBulk", enrol(null, "jo")).expect(200);
        StringBuilder many = new StringBuilder("{\"badgeMetaId\":\"" + badge + "\",\"customers\":[\"jo\"");
        for (int i = 1; i <= 20; i++) {
            many.append(",\"c").append(i).append('"');
        }
        api.post("badgeMeta/customer/revokeIssue", many.append("]}").toString()).expectError(400, 1127, "customers");
        api.post("customer/earn", earnBody("jo")).expect(200);

        JsonObject reEnrolled = api.post("badgeMeta/customer/issueBulk", enrol(null, "hal")).expect(200).data();
        assertNotEquals(enrolled.getJsonArray("issuedBadges").getJsonObject(0).getString("issuedId"),
                reEnrolled.getJsonArray("issuedBadges").getJsonObject(0).getString("issuedId"));
        api.post("customer/earn", earnBody("hal")).expect(200);
    }

    @Test
    void aThousandCustomersEnrolledAtOnceAreReplayedWholeOnARepeat() {
        String[] customers = new String[1000];
        for (int i = 0; i < customers.length; i++) {
            customers[i] = Integer.toString(300_000 + i);
        }
        // issue 15: one customer more is refused whole, and none of them is enrolled (the 1,000 below all succeed)
        String[] tooMany = java.util.Arrays.copyOf(customers, 1001);
        tooMany[1000] = "301000";
        api.post("badgeMeta/customer/issueBulk", enrol("big-" + java.util.UUID.randomUUID(), tooMany))
                .expectError(400, 1127, "customers");
        String body = enrol("big-" + java.util.UUID.randomUUID(), customers);
        JsonObject first = api.post("badgeMeta/customer/issueBulk", body).expect(200).data();
        assertEquals(1000, first.getJsonArray("issuedBadges").size());
        assertTrue(first.getJsonArray("issuedBadges").stream().allMatch(i -> i.asJsonObject().isNull("error")),
                "no enrolment was left by the refused request");
        assertEquals(300_000, first.getJsonArray("issuedBadges").getJsonObject(0).getJsonNumber("customerId")
                .longValueExact(), "numeric customer ids are answered as numbers");
        Api.Reply repeat = api.post("badgeMeta/customer/issueBulk", body).expectError(400, 809, "requestId");
        assertEquals(first, repeat.data(), "the logged answer of 1,000 customers comes back whole");
    }
}
