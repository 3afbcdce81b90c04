package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, finding 6: the admin flag was global, so an admin created inside one org could create users in every
 * other org and read its data. The platform operator manages orgs; an org's admin manages only its own users.
 */
class AdminScopesIT {

    private static final String PASSWORD = "a-long-enough-password";

    private final Api operator = BadgeworksServer.shared().admin();

    private record Org(long id, Api admin) {
    }

    private Org orgWithAdmin(String prefix) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long orgId = operator.post("admin/orgs", "{\"name\": \"" + prefix + "-" + suffix + "\"}").expect(201)
                .data().getJsonNumber("id").longValue();
        String username = prefix + "-admin-" + suffix;
        JsonObject created = operator.post("admin/orgs/" + orgId + "/users", "{\"username\": \"" + username
                + "\", \"password\": \"" + PASSWORD + "\", \"role\": \"ORG_ADMIN\"}").expect(201).data();
        assertEquals("ORG_ADMIN", created.getString("role"));
        assertTrue(created.getBoolean("admin"));
        return new Org(orgId, operator.as(username, PASSWORD));
    }

    private static String user(String username) {
        return "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD + "\"}";
    }

    @Test
    void anOrgAdminCannotReachAnotherOrg() {
        Org mine = orgWithAdmin("scope-mine");
        Org theirs = orgWithAdmin("scope-theirs");
        String badge = Badges.create(theirs.admin(), Badges.earnBadge(Badges.uniqueName("Theirs")));

        mine.admin().post("admin/orgs/" + theirs.id() + "/users", user("intruder-" + UUID.randomUUID()))
                .expectError(404, 1112, "orgId");
        mine.admin().get("admin/orgs/" + theirs.id() + "/users").expectError(404, 1112, "orgId");
        mine.admin().get("admin/orgs").expectError(403, 403, null);
        mine.admin().post("admin/orgs", "{\"name\": \"my-own-org-" + UUID.randomUUID() + "\"}").expectError(403, 403, null);
        mine.admin().get("badgeMeta/" + badge).expectError(404, 404, "badgeId");
        // and cannot make itself (or anyone) an operator
        mine.admin().post("admin/orgs/" + mine.id() + "/users", "{\"username\": \"op-" + UUID.randomUUID()
                + "\", \"password\": \"" + PASSWORD + "\", \"role\": \"PLATFORM_OPERATOR\"}").expectError(403, 403, "role");
        long operatorId = operator.get("admin/orgs/1/users").json().getJsonArray("data").getJsonObject(0)
                .getJsonNumber("id").longValue();
        mine.admin().put("admin/orgs/1/users/" + operatorId, "{\"disabled\": true}").expectError(404, 1112, "orgId");
        operator.get("badgeMeta").expect(200);
    }

    @Test
    void anOrgAdminManagesItsOwnUsers() {
        Org org = orgWithAdmin("scope-own");
        String username = "member-" + UUID.randomUUID();
        JsonObject member = org.admin().post("admin/orgs/" + org.id() + "/users", user(username)).expect(201).data();
        assertEquals("USER", member.getString("role"));
        assertFalse(member.getBoolean("disabled"));
        long memberId = member.getJsonNumber("id").longValue();
        Api memberApi = operator.as(username, PASSWORD);
        memberApi.get("badgeMeta").expect(200);
        memberApi.get("admin/orgs/" + org.id() + "/users").expectError(403, 403, null);

        List<String> names = org.admin().get("admin/orgs/" + org.id() + "/users").json().getJsonArray("data")
                .getValuesAs(JsonObject.class).stream().map(u -> u.getString("username")).toList();
        assertEquals(List.of(org.admin().username(), username), names);
        assertFalse(org.admin().get("admin/orgs/" + org.id() + "/users").body().contains("pbkdf2"), "no hashes shown");

        // disabled: refused at once, on this instance
        org.admin().put("admin/orgs/" + org.id() + "/users/" + memberId, "{\"disabled\": true}").expect(200);
        memberApi.get("badgeMeta").expectError(401, 401, null);
        org.admin().put("admin/orgs/" + org.id() + "/users/" + memberId, "{\"disabled\": false}").expect(200);
        memberApi.get("badgeMeta").expect(200);

        // a new password: the old one stops working at once
        org.admin().put("admin/orgs/" + org.id() + "/users/" + memberId, "{\"password\": \"a-brand-new-password\"}")
                .expect(200);
        memberApi.get("badgeMeta").expectError(401, 401, null);
        Api renewed = operator.as(username, "a-brand-new-password");
        renewed.get("badgeMeta").expect(200);

        // the user changes its own password, proving the current one
        renewed.put("account/password", "{\"currentPassword\": \"wrong-current-pw\", \"newPassword\": \"x-third-password\"}")
                .expectError(400, 1105, "currentPassword");
        renewed.put("account/password", "{\"currentPassword\": \"a-brand-new-password\", \"newPassword\": \"short\"}")
                .expectError(400, 1105, "newPassword");
        renewed.put("account/password", "{\"currentPassword\": \"a-brand-new-password\","
                + " \"newPassword\": \"x-third-password\"}").expect(200);
        operator.as(username, "x-third-password").get("badgeMeta").expect(200);

        // nobody removes their own access
        long adminId = org.admin().get("admin/orgs/" + org.id() + "/users").json().getJsonArray("data")
                .getJsonObject(0).getJsonNumber("id").longValue();
        org.admin().put("admin/orgs/" + org.id() + "/users/" + adminId, "{\"disabled\": true}")
                .expectError(409, 1114, "userId");
        org.admin().send("DELETE", "admin/orgs/" + org.id() + "/users/" + adminId, null, Map.of())
                .expectError(409, 1114, "userId");

        // deleted: gone, and its name free again
        org.admin().send("DELETE", "admin/orgs/" + org.id() + "/users/" + memberId, null, Map.of()).expect(200);
        operator.as(username, "x-third-password").get("badgeMeta").expectError(401, 401, null);
        org.admin().get("admin/orgs/" + org.id() + "/users/" + memberId).expectError(404, 1113, "userId");
        org.admin().post("admin/orgs/" + org.id() + "/users", user(username)).expect(201);
    }

    @Test
    void twoOperatorsRemovingEachOtherAtOnceLeaveOne() throws Exception {
        // its own server: the race needs exactly two operators, and the shared server's must stay
        BadgeworksServer server = BadgeworksServer.create("operators", Map.of("BADGEWORKS_BOOTSTRAP_PASSWORD",
                BadgeworksServer.ADMIN_PASSWORD));
        server.start();
        try {
            Api first = server.admin();
            long firstId = first.get("admin/orgs/1/users").json().getJsonArray("data").getJsonObject(0)
                    .getJsonNumber("id").longValue();
            long secondId = first.post("admin/orgs/1/users", "{\"username\": \"second-operator\", \"password\": \""
                    + PASSWORD + "\", \"role\": \"PLATFORM_OPERATOR\"}").expect(201).data().getJsonNumber("id").longValue();
            Api second = first.as("second-operator", PASSWORD);
            second.get("admin/orgs").expect(200);

            List<Api.Reply> replies = Concurrently.run(2, i -> i == 0
                    ? first.put("admin/orgs/1/users/" + secondId, "{\"disabled\": true}")
                    : second.put("admin/orgs/1/users/" + firstId, "{\"role\": \"USER\"}"));
            long won = replies.stream().filter(r -> r.status() == 200).count();
            assertEquals(1, won, replies.toString());
            // the loser is refused either by the database (409: the last operator stays) or, when the winner
            // committed before the loser signed in, as the disabled (401) or demoted (403) caller it now is
            Api.Reply lost = replies.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
            switch (lost.status()) {
                case 409 -> lost.expectError(409, 1115, "userId");
                case 401 -> lost.expectError(401, 401, null);
                case 403 -> lost.expectError(403, 403, null);
                default -> fail("the loser got " + lost);
            }
            long activeOperators = first.as("second-operator", PASSWORD).get("admin/orgs").status() == 200 ? 1 : 0;
            activeOperators += first.get("admin/orgs").status() == 200 ? 1 : 0;
            assertEquals(1, activeOperators, "exactly one operator is left");
        } finally {
            server.stop();
        }
    }
}
