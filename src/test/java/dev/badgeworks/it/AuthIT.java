package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP Basic, org scoping and the admin endpoints, as a client sees them. */
class AuthIT {

    static BadgeworksServer server;
    static Api admin;

    @BeforeAll
    static void startServer() {
        server = BadgeworksServer.shared();
        admin = server.admin();
    }

    @Test
    void missingOrWrongCredentialsGet401WithTheEnvelope() {
        Api.Reply anonymous = admin.anonymous().get("badgeMeta").expectError(401, 401, null);
        assertTrue(anonymous.headers().get("www-authenticate").get(0).startsWith("Basic"));
        admin.as("admin", "wrong-password").get("badgeMeta").expectError(401, 401, null);
        admin.as("nobody", "whatever-password").post("badgeMeta", "{}").expectError(401, 401, null);
        admin.anonymous().send("GET", "badgeMeta", null, java.util.Map.of("Authorization", "Basic !!!notbase64"))
                .expectError(401, 401, null);
    }

    @Test
    void adminCreatesOrgsAndUsersThatWorkImmediately() {
        Api user = admin.newOrg("auth");
        user.get("badgeMeta").expect(200);
        assertEquals(0, user.get("badgeMeta").data().getJsonObject("pagination").getInt("total"));
    }

    @Test
    void adminEndpointsRefuseNonAdminUsers() {
        Api user = admin.newOrg("plain");
        user.post("admin/orgs", "{\"name\":\"sneaky\"}").expectError(403, 403, null);
        user.get("admin/orgs").expectError(403, 403, null);
    }

    @Test
    void adminValidationErrorsNameTheField() {
        String name = Badges.uniqueName("dup-org");
        admin.post("admin/orgs", "{\"name\":\"" + name + "\"}").expect(201);
        admin.post("admin/orgs", "{\"name\":\"" + name + "\"}").expectError(409, 1110, "name");
        admin.post("admin/orgs", "{}").expectError(400, 1101, "name");
        admin.post("admin/orgs/999999/users", "{\"username\":\"u-x\",\"password\":\"long-enough-password\"}")
                .expectError(404, 1112, "orgId");
        admin.post("admin/orgs/1/users", "{\"username\":\"short-pw\",\"password\":\"short\"}")
                .expectError(400, 1105, "password");
        admin.post("admin/orgs/1/users", "{\"username\":\"admin\",\"password\":\"long-enough-password\"}")
                .expectError(409, 1111, "username");
    }

    @Test
    void anotherOrgsBadgeIsSimplyNotFound() {
        Api alice = admin.newOrg("alice");
        Api bob = admin.newOrg("bob");
        String id = Badges.create(alice, Badges.earnBadge(Badges.uniqueName("Private")));
        bob.get("badgeMeta/" + id).expectError(404, 404, "badgeId");
        bob.put("badgeMeta/" + id + "/deactivate", null).expectError(404, 404, "badgeId");
        bob.post("badgeMeta/" + id + "/claim", "{\"ownerType\":\"Loyalty\",\"referenceId\":\"1\"}")
                .expectError(404, 404, "badgeId");
        assertEquals(0, bob.get("badgeMeta").data().getJsonObject("pagination").getInt("total"));
        alice.get("badgeMeta/" + id).expect(200);
    }

    @Test
    void unknownPathsAndMethodsAnswerWithTheEnvelope() {
        admin.get("noSuchThing").expectError(404, 404, null);
        admin.send("DELETE", "badgeMeta", null, java.util.Map.of()).expectError(405, 405, null);
    }
}
