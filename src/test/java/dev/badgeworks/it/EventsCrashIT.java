package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox's promise across a crash (issue 13): events of earns that committed are delivered after a kill -9 of
 * the server that was to send them, once it is started again — none lost, none of another earn invented.
 */
class EventsCrashIT {

    private BadgeworksServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void eventsOfCommittedEarnsAreDeliveredAfterAKillAndRestart() throws Exception {
        Map<String, String> env = new HashMap<>(BadgeworksServer.FAST_EVENTS);
        env.put("BADGEWORKS_BOOTSTRAP_PASSWORD", BadgeworksServer.ADMIN_PASSWORD);
        // the receiver is down longer than the default test period: keep retrying through the restart
        env.put("BADGEWORKS_EVENTS_RETRY_FOR_MS", "600000");
        server = BadgeworksServer.create("events-crash", env);
        server.start();
        Api user = server.admin().newOrg("events-crash");
        Api admin = server.admin().orgAdminOf(user);
        String badge = Badges.createClaimed(user, Badges.earnBadge(Badges.uniqueName("Crash events")), "Loyalty",
                "program-1");
        try (Receiver receiver = new Receiver()) {
            admin.post("webhooks", "{\"url\":\"" + receiver.url() + "\"}").expect(201);
            receiver.failNext(Integer.MAX_VALUE);
            Set<String> earned = new TreeSet<>();
            for (int i = 0; i < 4; i++) {
                earned.add(earn(user, badge, 3000 + i));
            }
            // killed while a claim is being sent, right after an earn was answered
            receiver.await(e -> !e.isEmpty(), 20_000);
            earned.add(earn(user, badge, 3004));
            server.kill();
            // every earn answered 200 survived the kill, each with its event row (H2 kept commits in memory for
            // half a second and lost them before WRITE_DELAY=0)
            try (Connection c = server.database(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM badge_earn WHERE badge_id = '" + badge
                         + "'), (SELECT COUNT(*) FROM event_delivery WHERE event_type = 'badgeEarned')")) {
                rs.next();
                assertEquals(5, rs.getInt(1), "earns in the table after the kill");
                assertEquals(5, rs.getInt(2), "their events in the outbox after the kill");
            }
            receiver.failNext(0);
            server.start();

            List<jakarta.json.JsonObject> accepted = receiver.await(e -> earnIds(receiverAccepted(receiver)).size() >= 5,
                    60_000);
            assertEquals(earned, earnIds(receiverAccepted(receiver)), "each committed earn's event, after the crash");
            Imports.sleep(1_500);
            assertEquals(5, receiverAccepted(receiver).size(), "and each once: " + accepted.size());
        }
    }

    private static String earn(Api user, String badge, int customer) {
        return user.post("customer/earn", EarnIT.earn(badge, customer, EarnIT.rid()).build().toString()).expect(200)
                .data().getString("earnedBadgeId");
    }

    private static List<jakarta.json.JsonObject> receiverAccepted(Receiver receiver) {
        return receiver.accepted();
    }

    private static Set<String> earnIds(List<jakarta.json.JsonObject> events) {
        return events.stream().map(e -> e.getJsonObject("data").getString("earnId"))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
