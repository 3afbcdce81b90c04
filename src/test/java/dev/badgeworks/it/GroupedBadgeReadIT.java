package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Concurrent badge GETs share reads: every client still gets the answer it would get alone — its own org's badge
 * as last changed and counted before it asked, another org's badge or an unknown id not found — whatever else was
 * read with it.
 */
class GroupedBadgeReadIT {

    static final int MAX_ROUNDS = 10;
    static final int CLIENTS = 60;

    @Test
    void aCrowdOfGetsSeesEachOrgsOwnBadgesAsChangedJustBeforeAndTheyWereGrouped() throws Exception {
        Api operator = BadgeworksServer.shared().admin();
        Api first = operator.newOrg("grouped-read");
        Api second = operator.newOrg("grouped-read-other");
        JsonObject edited = first.post("badgeMeta", Badges.earnBadge(Badges.uniqueName("Edited")).toString())
                .expect(201).data();
        String editedId = edited.getString("id");
        String earned = Badges.createClaimed(first, Badges.earnBadge(Badges.uniqueName("Earned")), "Loyalty", "program-1");
        String foreign = Badges.create(second, Badges.earnBadge(Badges.uniqueName("Foreign")));
        JsonObject definition = Badges.with(Badges.with(Badges.earnBadge(edited.getString("name")), "id", editedId),
                "startOn", edited.getJsonNumber("startOn"));

        double grouped = 0;
        String scraped = MetricsIT.scrape(operator);
        double sharedBefore = MetricsIT.sharedSoFar(scraped, "badgeGet");
        for (int round = 1; round <= MAX_ROUNDS && grouped < 1; round++) {
            // changed and earned just before the crowd asks: every read of the crowd must see both
            String words = "round " + round + " " + UUID.randomUUID();
            Api.Reply put = first.put("badgeMeta", Badges.with(definition, "description", words).toString()).expect(200);
            String tag = put.headers().get("etag").get(0);
            first.post("customer/earn", EarnIT.earn(earned, "c-" + round, EarnIT.rid()).build().toString()).expect(200);

            List<Api.Reply> replies = Concurrently.run(CLIENTS, i -> switch (i % 6) {
                case 0, 1 -> first.get("badgeMeta/" + editedId);
                case 2 -> first.get("badgeMeta/" + earned);
                case 3 -> first.get("badgeMeta/" + foreign);
                case 4 -> first.get("badgeMeta/" + "0123456789abcdef01234567");
                default -> second.get("badgeMeta/" + foreign);
            });
            for (int i = 0; i < CLIENTS; i++) {
                Api.Reply r = replies.get(i);
                switch (i % 6) {
                    case 0, 1 -> {
                        assertEquals(words, r.expect(200).data().getString("description"), "the change made before");
                        assertEquals(editedId, r.data().getString("id"));
                        assertEquals(tag, r.headers().get("etag").get(0), "the changed version's tag");
                    }
                    case 2 -> assertEquals(round, r.expect(200).data().getInt("earnedCount"), "the earns before");
                    case 3, 4 -> r.expectError(404, 404, "badgeId");
                    default -> assertEquals(foreign, r.expect(200).data().getString("id"), "its own org's badge");
                }
            }
            scraped = MetricsIT.scrape(operator);
            grouped = MetricsIT.sharedSoFar(scraped, "badgeGet") - sharedBefore;
        }
        assertTrue(grouped >= 1, "no GETs shared a read in " + MAX_ROUNDS + " rounds of " + CLIENTS + " clients");
    }
}
