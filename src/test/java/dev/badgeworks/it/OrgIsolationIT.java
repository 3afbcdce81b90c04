package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: earns, revocations, enrolments and imports of one org are out of reach of another org's user, who
 * gets exactly the answer an unknown id gets (AuthIT covers badge definitions). Comparing with the unknown id's
 * answer, not only with a 404, is what shows nothing leaks: no other code, field, message or status.
 */
class OrgIsolationIT {

    Api a;
    Api b;
    String badgeOfA;
    String issueBadgeOfA;
    String earnOfA;
    String enrolmentOfA;
    String importOfA;
    String bBadge;
    String bIssueBadge;

    @BeforeEach
    void twoOrgsAndAsData() {
        BadgeworksServer server = BadgeworksServer.shared();
        a = server.admin().newOrg("iso-a");
        b = server.admin().newOrg("iso-b");
        badgeOfA = Badges.createClaimed(a, Badges.earnBadge(Badges.uniqueName("A's")), "Loyalty", "program-1");
        issueBadgeOfA = Badges.createClaimed(a, Badges.issueEarnBadge(Badges.uniqueName("A's enrol")), "Loyalty",
                "program-1");
        earnOfA = a.post("customer/earn", EarnIT.earn(badgeOfA, "alice", EarnIT.rid()).build().toString()).expect(200)
                .data().getString("earnedBadgeId");
        enrolmentOfA = a.post("badgeMeta/customer/issueBulk", enrol(issueBadgeOfA, "ann")).expect(200).data()
                .getJsonArray("issuedBadges").getJsonObject(0).getString("issuedId");
        importOfA = Imports.upload(a, "a.csv", "text/csv", Imports.HEADER + "a-1," + badgeOfA + ",al,,Loyalty,program-1\n");
        Imports.await(a, importOfA, Duration.ofSeconds(60), "COMPLETED");
        // B's own badges, claimed by the same program, so B's requests are well-formed and only the ids are A's
        bBadge = Badges.createClaimed(b, Badges.earnBadge(Badges.uniqueName("B's")), "Loyalty", "program-1");
        bIssueBadge = Badges.createClaimed(b, Badges.issueEarnBadge(Badges.uniqueName("B's enrol")), "Loyalty",
                "program-1");
    }

    static String enrol(String badge, String customer) {
        return "{\"badgeMetaId\":\"" + badge + "\",\"customers\":[\"" + customer + "\"],"
                + "\"triggeredBy\":{\"ownerType\":\"Loyalty\",\"referenceId\":\"program-1\"}}";
    }

    /** An id of the product's shape that names nothing. */
    static String unknownId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    /**
     * B's request naming A's id is answered as the same request naming an unknown id: same status, same body once
     * the id is swapped. {@code request} takes the id to put in.
     */
    void sameAsUnknown(String aId, java.util.function.Function<String, Api.Reply> request, int status) {
        String unknown = unknownId();
        Api.Reply theirs = request.apply(aId);
        Api.Reply none = request.apply(unknown);
        assertEquals(status, none.status(), () -> "the unknown id's answer: " + none.body());
        assertEquals(none.status(), theirs.status(), () -> "A's id " + aId + ": " + theirs.body());
        assertEquals(none.json(), new Api.Reply(theirs.status(), theirs.body().replace(aId, unknown),
                theirs.headers()).json(), "A's id " + aId);
    }

    @Test
    void earnsAndRevocationsOfAnotherOrgAreUnknownIds() {
        sameAsUnknown(badgeOfA, id -> b.post("customer/earn", EarnIT.earn(id, "bob", EarnIT.rid()).build().toString()),
                404);
        sameAsUnknown(badgeOfA, id -> b.post("customer/earnBulk",
                EarnBulkIT.bulk(id, "r-" + UUID.randomUUID(), "bob").build().toString()), 404);
        String revoke = "{\"badgeMetaId\":\"%s\",\"customerId\":\"alice\",\"earnedBadgeId\":\"%s\"}";
        sameAsUnknown(badgeOfA, id -> b.post("customer/revokeEarn", revoke.formatted(id, earnOfA)), 404);
        // B's own badge with A's earn: the earn is unknown to B
        sameAsUnknown(earnOfA, id -> b.post("customer/revokeEarn", revoke.formatted(bBadge, id)), 409);
        sameAsUnknown(badgeOfA, id -> b.get("management/alice/badge/" + id + "?includeStatistics=true"), 404);
        assertEquals(0, b.get("customer/alice?badgeType=EARNED&includeExpired=true").expect(200).data()
                .getJsonArray("badges").size());

        JsonObject still = a.get("management/alice/badge/" + badgeOfA + "?includeStatistics=true").expect(200).data()
                .getJsonObject("earnDetails");
        assertEquals(1, still.getInt("earnCount"), "B's attempts changed nothing of A's: " + still);
        assertEquals(earnOfA, still.getJsonArray("earns").getJsonObject(0).getString("earnedBadgeId"));
        assertEquals("LIVE", still.getJsonArray("earns").getJsonObject(0).getString("earnStatus"), "not revoked");
    }

    @Test
    void enrolmentsOfAnotherOrgAreUnknownIds() {
        sameAsUnknown(issueBadgeOfA, id -> b.post("badgeMeta/customer/issueBulk", enrol(id, "bea")), 404);
        sameAsUnknown(issueBadgeOfA, id -> b.post("badgeMeta/customer/revokeIssue",
                "{\"badgeMetaId\":\"" + id + "\",\"customers\":[\"ann\"]}"), 404);
        sameAsUnknown(issueBadgeOfA, id -> b.post("badgeMeta/customer/revokeIssue", "{\"badgeMetaId\":\"" + id
                + "\",\"revokeIssuals\":[{\"customerId\":\"ann\",\"issueId\":\"" + enrolmentOfA + "\"}]}"), 404);
        // B's own badge with A's enrolment: an unknown enrolment, answered per item
        sameAsUnknown(enrolmentOfA, id -> b.post("badgeMeta/customer/revokeIssue", "{\"badgeMetaId\":\"" + bIssueBadge
                + "\",\"revokeIssuals\":[{\"customerId\":\"ann\",\"issueId\":\"" + id + "\"}]}"), 200);
        sameAsUnknown(issueBadgeOfA, id -> b.get("badgeMeta/getFixedWindowDetails?badgeMetaId=" + id
                + "&customerId=ann"), 404);

        // A's enrolment is intact: ann still earns against it
        JsonObject earned = a.post("customer/earn", EarnIT.earn(issueBadgeOfA, "ann", EarnIT.rid()).build().toString())
                .expect(200).data();
        assertEquals(enrolmentOfA, earned.getString("issuedId"));
    }

    @Test
    void importsOfAnotherOrgAreUnknownIds() {
        sameAsUnknown(importOfA, id -> b.get("imports/" + id), 404);
        sameAsUnknown(importOfA, id -> b.post("imports/" + id + "/stop", null), 404);
        sameAsUnknown(importOfA, id -> b.post("imports/" + id + "/restart", null), 404);
        JsonObject list = b.get("imports").expect(200).data();
        assertEquals(0, list.getJsonObject("pagination").getInt("total"), list.toString());
        assertFalse(list.toString().contains(importOfA));
        assertEquals("COMPLETED", a.get("imports/" + importOfA).expect(200).data().getString("status"));

        // a file of B naming A's badge: its row is refused as a row naming an unknown badge
        String unknown = unknownId();
        String file = Imports.HEADER + "b-1," + badgeOfA + ",bo,,Loyalty,program-1\n"
                + "b-2," + unknown + ",bo,,Loyalty,program-1\n";
        String id = Imports.upload(b, "b.csv", "text/csv", file);
        JsonObject done = Imports.await(b, id, Duration.ofSeconds(60), "COMPLETED", "FAILED");
        assertEquals(0, done.getInt("rowsEarned"), done.toString());
        String rejects = Imports.rejectsFile(BadgeworksServer.shared().inbox().resolve(Long.toString(b.orgId())),
                "done", id);
        String[] lines = rejects.split("\r?\n");
        assertEquals(3, lines.length, rejects);
        assertTrue(lines[1].startsWith("2,404,badgeMetaId,"), rejects);
        assertEquals(lines[1].replace(badgeOfA, unknown).replace("2,404", "3,404").replace("b-1", "b-2"), lines[2]);
    }
}
