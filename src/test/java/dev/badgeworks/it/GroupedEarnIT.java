package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Concurrent single earns share transactions (group commit): every client still gets the answer it would get alone,
 * whatever else its group held — new earns of two orgs, repeats of a finished earn, a requestId reused for another
 * customer, a badge the org does not have — and each new earn is stored once.
 */
class GroupedEarnIT {

    static final int MAX_ROUNDS = 10;

    @Test
    void aCrowdOfMixedEarnsGetsTheAnswersEachWouldGetAloneAndTheyWereGrouped() throws Exception {
        Api operator = BadgeworksServer.shared().admin();
        Api first = operator.newOrg("grouped");
        Api second = operator.newOrg("grouped-other");
        String badge = Badges.createClaimed(first, Badges.earnBadge(Badges.uniqueName("Grouped")), "Loyalty", "program-1");
        String otherBadge = Badges.createClaimed(second, Badges.earnBadge(Badges.uniqueName("Grouped")), "Loyalty",
                "program-1");
        String finishedBody = EarnIT.earn(badge, "finished", EarnIT.rid()).build().toString();
        String finishedRequestId = jsonString(finishedBody, "requestId");
        String finishedId = first.post("customer/earn", finishedBody).expect(200).data().getString("earnedBadgeId");
        String reused = EarnIT.earn(badge, "someone-else", finishedRequestId).build().toString();

        double grouped = 0;
        int newEarns = 0;
        int otherEarns = 0;
        String scraped = MetricsIT.scrape(operator);
        double sharedBefore = MetricsIT.sharedSoFar(scraped, "earn");
        for (int round = 1; round <= MAX_ROUNDS && grouped < 1; round++) {
            String wave = UUID.randomUUID().toString().substring(0, 8);
            List<Api.Reply> replies = Concurrently.run(60, i -> {
                if (i < 40) {
                    return first.post("customer/earn",
                            EarnIT.earn(badge, "c-" + wave + "-" + i, "new-" + wave + "-" + i).build().toString());
                } else if (i < 45) {
                    return first.post("customer/earn", finishedBody);
                } else if (i < 50) {
                    return first.post("customer/earn", reused);
                } else if (i < 55) {
                    return first.post("customer/earn",
                            EarnIT.earn(otherBadge, "c-" + wave + "-" + i, "foreign-" + wave + "-" + i).build().toString());
                }
                return second.post("customer/earn",
                        EarnIT.earn(otherBadge, "o-" + wave + "-" + i, "other-" + wave + "-" + i).build().toString());
            });
            Set<String> earnedIds = new HashSet<>();
            for (int i = 0; i < 60; i++) {
                Api.Reply r = replies.get(i);
                if (i < 40 || i >= 55) {
                    String customer = (i < 40 ? "c-" : "o-") + wave + "-" + i;
                    assertEquals(customer, r.expect(200).data().getString("customerId"), "its own earn");
                    assertTrue(earnedIds.add(r.data().getString("earnedBadgeId")), "a new earn each");
                } else if (i < 45) {
                    assertEquals(finishedId, r.expectError(400, 809, "requestId").data().getString("earnedBadgeId"),
                            "a repeat answers the finished earn");
                } else if (i < 50) {
                    r.expectError(400, 809, "requestId");
                    assertTrue(r.json().isNull("data"), "a reused requestId shows nobody's earn: " + r.body());
                } else {
                    r.expectError(404, 404, "badgeMetaId");
                }
            }
            newEarns += 40;
            otherEarns += 5;
            scraped = MetricsIT.scrape(operator);
            grouped = MetricsIT.sharedSoFar(scraped, "earn") - sharedBefore;
        }
        assertTrue(grouped >= 1, "no earns shared a transaction in " + MAX_ROUNDS + " rounds of 60 clients");
        assertTrue(scraped.contains("\nbadgeworks_earns_waiting 0.0\n"), "every client answered, none waiting");
        assertEquals(1 + newEarns, first.get("badgeMeta/" + badge).data().getInt("earnedCount"), "each stored once, the reused requestId earned nothing");
        assertEquals(otherEarns, second.get("badgeMeta/" + otherBadge).data().getInt("earnedCount"));
        assertEquals(1, first.get("management/finished/badge/" + badge + "?includeStatistics=true").expect(200)
                .data().getJsonObject("earnDetails").getInt("earnCount"));
    }

    private static String jsonString(String json, String field) {
        return jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject().getString(field);
    }
}
