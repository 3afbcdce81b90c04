package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Concurrent duplicates end with exactly one earn; concurrent distinct requests all earn. */
class ConcurrentEarnIT {

    static final int CLIENTS = 50;

    /** Rounds of 50 racing earns tried before the test gives up on seeing one race lost. */
    static final int MAX_ROUNDS = 20;

    static final String EARN_RACES = "badgeworks_request_races_total{request=\"earn\"}";

    /**
     * The race must have happened, not only the right answers: the server counts each earn that lost its requestId
     * to a concurrent earn and ran again (a plain repeat of a finished earn is not counted), and rounds go on until
     * it counted one. Each round's customer has one earn in the table: one row for its requestId.
     */
    @Test
    void fiftyParallelEarnsWithOneRequestIdGiveOneEarnAnd49Repeats() throws Exception {
        BadgeworksServer server = BadgeworksServer.shared();
        Api operator = server.admin();
        Api api = operator.newOrg("race");
        String badge = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Race")), "Loyalty", "program-1");
        double before = MetricsIT.value(MetricsIT.scrape(operator), EARN_RACES);
        double lost = 0;
        Map<String, String> requestIdByCustomer = new LinkedHashMap<>();
        for (int round = 1; round <= MAX_ROUNDS && lost < 1; round++) {
            String customer = "racer-" + round;
            String requestId = "same-" + UUID.randomUUID();
            requestIdByCustomer.put(customer, requestId);
            oneRequestIdRacing(api, badge, customer, requestId);
            lost = MetricsIT.value(MetricsIT.scrape(operator), EARN_RACES) - before;
        }
        assertTrue(lost >= 1, "no requestId race lost in " + MAX_ROUNDS + " rounds of " + CLIENTS + " clients");
        assertEquals(requestIdByCustomer.size(), api.get("badgeMeta/" + badge).data().getInt("earnedCount"));
        for (String customer : requestIdByCustomer.keySet()) {
            // counted in badge_earn (the customer's earns of the badge), not from the badge's own counter
            assertEquals(1, api.get("management/" + customer + "/badge/" + badge + "?includeStatistics=true")
                    .expect(200).data().getJsonObject("earnDetails").getInt("earnCount"), customer);
        }
        if (BadgeworksServer.onPostgres()) {
            // the table itself (an embedded H2 file cannot be opened while its server runs)
            try (Connection c = server.database();
                 PreparedStatement rows = c.prepareStatement("SELECT request_id, COUNT(*) FROM badge_earn"
                         + " WHERE badge_id = ? GROUP BY request_id")) {
                rows.setString(1, badge);
                Map<String, Integer> perRequestId = new HashMap<>();
                try (ResultSet rs = rows.executeQuery()) {
                    while (rs.next()) {
                        perRequestId.put(rs.getString(1), rs.getInt(2));
                    }
                }
                Map<String, Integer> once = new HashMap<>();
                requestIdByCustomer.values().forEach(r -> once.put(r, 1));
                assertEquals(once, perRequestId, "one row per requestId in badge_earn");
            }
        }
    }

    /**
     * The unique key refuses a repeat of a finished earn as it refuses a racing one, but a repeat raced nobody: the
     * counter the race test relies on must not move for it.
     */
    @Test
    void aRepeatOfAFinishedEarnIsNoRace() {
        Api operator = BadgeworksServer.shared().admin();
        Api api = operator.newOrg("repeat");
        String badge = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Repeat")), "Loyalty", "program-1");
        String body = EarnIT.earn(badge, "repeater", EarnIT.rid()).build().toString();
        api.post("customer/earn", body).expect(200);
        double before = MetricsIT.value(MetricsIT.scrape(operator), EARN_RACES);
        for (int i = 0; i < 5; i++) {
            api.post("customer/earn", body).expectError(400, 809, "requestId");
        }
        assertEquals(before, MetricsIT.value(MetricsIT.scrape(operator), EARN_RACES), "repeats are no races");
    }

    /** Also run through a load balancer over two instances (ClusterIT). */
    static List<Api.Reply> oneRequestIdRacing(Api api) throws Exception {
        String badge = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Race")), "Loyalty", "program-1");
        List<Api.Reply> replies = oneRequestIdRacing(api, badge, "racer", "same-" + UUID.randomUUID());
        assertEquals(1, api.get("badgeMeta/" + badge).data().getInt("earnedCount"), "one earn stored");
        return replies;
    }

    /** {@value #CLIENTS} clients send one earn at once: one earns, the others are repeats answering its earn. */
    static List<Api.Reply> oneRequestIdRacing(Api api, String badge, String customer, String requestId)
            throws Exception {
        String body = EarnIT.earn(badge, customer, requestId).build().toString();
        List<Api.Reply> replies = Concurrently.run(CLIENTS, i -> api.post("customer/earn", body));

        List<Api.Reply> earned = replies.stream().filter(r -> r.status() == 200).toList();
        assertEquals(1, earned.size(), () -> "exactly one earn; statuses " + replies.stream().map(Api.Reply::status).toList());
        String earnedBadgeId = earned.get(0).data().getString("earnedBadgeId");
        for (Api.Reply r : replies) {
            if (r.status() != 200) {
                r.expectError(400, 809, "requestId");
                assertEquals(earnedBadgeId, r.data().getString("earnedBadgeId"));
            }
        }
        return replies;
    }

    @Test
    void fiftyParallelEarnsWithDistinctRequestIdsGiveFiftyEarns() throws Exception {
        distinctRequestsRacing(BadgeworksServer.shared().admin().newOrg("crowd"));
    }

    static List<Api.Reply> distinctRequestsRacing(Api api) throws Exception {
        String badge = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Crowd")), "Loyalty", "program-1");
        List<Api.Reply> replies = Concurrently.run(CLIENTS, i -> api.post("customer/earn",
                EarnIT.earn(badge, "customer-" + i, "distinct-" + i + "-" + UUID.randomUUID()).build().toString()));
        Set<String> ids = new HashSet<>();
        for (Api.Reply r : replies) {
            ids.add(r.expect(200).data().getString("earnedBadgeId"));
        }
        assertEquals(CLIENTS, ids.size());
        assertEquals(CLIENTS, api.get("badgeMeta/" + badge).data().getInt("earnedCount"), "all stored");
        return replies;
    }
}
