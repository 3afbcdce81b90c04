package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** GET /stats/earnsPerDay as the console's overview and any client read it: every day, org-scoped, revocations. */
class EarnStatsIT {

    @Test
    void everyDayOfTheSpanWithTheOrgsEarnsOnTheDayTheyWereProcessed() {
        BadgeworksServer server = BadgeworksServer.shared();
        Api api = server.admin().newOrg("stats");
        Api other = server.admin().newOrg("stats-other");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // live since ten days (a migration may start in the past), so an earn three days ago fits its window
        String first = api.post("badgeMeta", Badges.with(Badges.earnBadge(Badges.uniqueName("Daily")), "startOn",
                Instant.now().minus(Duration.ofDays(10)).getEpochSecond()).toString(), BadgeMetaIT.MIGRATION)
                .expect(201).data().getString("id");
        api.post("badgeMeta/" + first + "/claim", "{\"ownerType\":\"Loyalty\",\"referenceId\":\"program-1\"}")
                .expect(200);
        String second = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Also")), "Loyalty", "program-1");
        String revoked = null;
        for (String customer : new String[] {"c1", "c2", "c3"}) {
            revoked = api.post("customer/earn", EarnIT.earn(first, customer, EarnIT.rid()).build().toString())
                    .expect(200).data().getString("earnedBadgeId");
        }
        api.post("customer/earn", EarnIT.earn(second, "c1", EarnIT.rid()).build().toString()).expect(200);
        api.post("customer/revokeEarn", Json.createObjectBuilder().add("badgeMetaId", first).add("customerId", "c3")
                .add("earnedBadgeId", revoked).build().toString()).expect(200);
        // a migrated earn counts as processed on its event's day: three days ago
        Instant threeDaysAgo = today.minusDays(3).atTime(12, 0).toInstant(ZoneOffset.UTC);
        api.post("import/customerBadges", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("badgeMetaId", first).add("customerId", "c9").add("earnEventDateISO", threeDaysAgo.toString())
                .add("earnExpiresOnISO", threeDaysAgo.plus(Duration.ofDays(400)).toString())).build().toString())
                .expect(200);
        // another org's earns never count
        String theirs = Badges.createClaimed(other, Badges.earnBadge(Badges.uniqueName("Theirs")), "Loyalty",
                "program-1");
        other.post("customer/earn", EarnIT.earn(theirs, "c1", EarnIT.rid()).build().toString()).expect(200);

        JsonObject week = api.get("stats/earnsPerDay?days=7").expect(200).data();
        assumeTrue(today.equals(LocalDate.now(ZoneOffset.UTC)), "the test ran across midnight (UTC)");
        assertEquals(today.toString(), week.getString("lastDate"));
        assertEquals(today.minusDays(6).toString(), week.getString("firstDate"));
        assertEquals("UTC", week.getString("timeZone"));
        JsonArray days = week.getJsonArray("days");
        assertEquals(7, days.size(), "every day of the span, days without earns as zero");
        for (int i = 0; i < 7; i++) {
            JsonObject day = days.getJsonObject(i);
            assertEquals(today.minusDays(6 - i).toString(), day.getString("date"), "oldest first");
            int earned = i == 6 ? 4 : i == 3 ? 1 : 0;
            assertEquals(earned, day.getInt("earned"), day::toString);
            assertEquals(i == 6 ? 1 : 0, day.getInt("revoked"), day::toString);
        }
        assertEquals(5, week.getInt("earned"));
        assertEquals(1, week.getInt("revoked"));

        JsonObject one = api.get("stats/earnsPerDay?days=2&badgeId=" + second).expect(200).data();
        assertEquals(second, one.getString("badgeId"));
        assertEquals(2, one.getJsonArray("days").size());
        assertEquals(1, one.getInt("earned"), "one badge's earns only");
        assertEquals(30, api.get("stats/earnsPerDay").expect(200).data().getJsonArray("days").size(), "30 by default");
        assertEquals(1, other.get("stats/earnsPerDay").expect(200).data().getInt("earned"), "the other org's own");

        // another org's badge is answered as an unknown one; bad spans are refused with the field
        Api.Reply foreign = other.get("stats/earnsPerDay?badgeId=" + first);
        Api.Reply unknown = other.get("stats/earnsPerDay?badgeId=" + OrgIsolationIT.unknownId());
        foreign.expectError(404, 404, "badgeId");
        assertEquals(unknown.errors(), foreign.errors());
        for (String bad : new String[] {"0", "-1", "367", "ten", "1.5"}) {
            api.get("stats/earnsPerDay?days=" + bad).expectError(400, 1105, "days");
        }
        api.anonymous().get("stats/earnsPerDay").expect(401);
    }
}
