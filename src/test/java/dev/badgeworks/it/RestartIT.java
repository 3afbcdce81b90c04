package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A production-like start: no bootstrap password given, then a restart on the same database. */
class RestartIT {

    static BadgeworksServer server;

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void firstStartGeneratesAnUnguessablePasswordAndDataSurvivesARestart() {
        server = BadgeworksServer.create("restart", Map.of());
        server.start();
        String firstStart = server.log();
        Matcher generated = Pattern.compile("admin user 'admin' and generated password '([^']+)'").matcher(firstStart);
        assertTrue(generated.find(), "the generated bootstrap password is logged once");
        String password = generated.group(1);
        assertTrue(password.length() >= 20);
        Api admin = new Api(server.baseUri(), "admin", password);
        admin.as("admin", "badgeworks-dev-password").get("badgeMeta").expectError(401, 401, null);

        String id = Badges.create(admin, Badges.earnBadge(Badges.uniqueName("Survivor")));
        server.stop();
        server.start();

        assertEquals(id, admin.get("badgeMeta/" + id).expect(200).data().getString("id"));
        assertEquals(1, admin.get("admin/orgs").expect(200).json().getJsonArray("data").size());
        String secondStart = server.log();
        // the line looked for below is the one the first start wrote, and the second start's log was read: an
        // empty or unreadable log would pass the absence check
        assertTrue(firstStart.contains("Created bootstrap org"), "the bootstrap's line as it is logged");
        assertTrue(secondStart.contains("Schema at version") && secondStart.contains("(0 migrations applied now)"),
                "the second start's log, on the same database");
        assertFalse(secondStart.contains("Created bootstrap org"), "bootstrap runs only on an empty database");
        assertFalse(secondStart.contains(password), "the generated password is not logged again");
    }
}
