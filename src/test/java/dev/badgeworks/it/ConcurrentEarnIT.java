package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Concurrent duplicates end with exactly one earn; concurrent distinct requests all earn. */
class ConcurrentEarnIT {

    static final int CLIENTS = 50;

    @Test
    void fiftyParallelEarnsWithOneRequestIdGiveOneEarnAnd49Repeats() throws Exception {
        oneRequestIdRacing(BadgeworksServer.shared().admin().newOrg("race"));
    }

    @Test
    void fiftyParallelEarnsWithDistinctRequestIdsGiveFiftyEarns() throws Exception {
        distinctRequestsRacing(BadgeworksServer.shared().admin().newOrg("crowd"));
    }

    /** Also run through a load balancer over two instances (ClusterIT). */
    static List<Api.Reply> oneRequestIdRacing(Api api) throws Exception {
        String badge = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Race")), "Loyalty", "program-1");
        String body = EarnIT.earn(badge, "racer", "same-" + UUID.randomUUID()).build().toString();
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
        assertEquals(1, api.get("badgeMeta/" + badge).data().getInt("earnedCount"), "one earn stored");
        return replies;
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
