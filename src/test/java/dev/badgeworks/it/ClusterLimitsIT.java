package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two instances on one PostgreSQL database, as an operator runs them behind a load balancer: earns racing for the
 * same limit through both instances still end with exactly the limit, and a customer's standing stays exact. (An
 * embedded H2 file belongs to one process: on H2 this class is skipped.)
 */
class ClusterLimitsIT {

    private static BadgeworksServer first;
    private static BadgeworksServer second;

    @BeforeAll
    static void startTwoInstances() {
        assumeTrue(BadgeworksServer.onPostgres(), "several instances share only a PostgreSQL database");
        first = BadgeworksServer.create("cluster", java.util.Map.of("BADGEWORKS_BOOTSTRAP_PASSWORD",
                BadgeworksServer.ADMIN_PASSWORD));
        first.start();
        second = first.sharingDatabase("cluster-2");
        second.start();
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.stop();
        }
        if (first != null) {
            first.stop();
        }
    }

    /** A new org's caller on the first instance and the same caller on the second. */
    private static Api[] apis(String prefix) {
        Api one = first.admin().newOrg(prefix);
        return new Api[] {one, one.on(second)};
    }

    private static Api.Reply earn(Api api, String badge, String customer) {
        return api.post("customer/earn", EarnIT.earn(badge, customer, "c-" + UUID.randomUUID()).build().toString());
    }

    private static String limitedBadge(Api api, String customerConstraints, String badgeConstraints) {
        var body = Badges.earnBadge(Badges.uniqueName("Cluster"));
        if (customerConstraints != null) {
            body = Badges.with(body, "customerConstraints", LimitsIT.constraints(customerConstraints));
        }
        if (badgeConstraints != null) {
            body = Badges.with(body, "badgeConstraints", LimitsIT.constraints(badgeConstraints));
        }
        return Badges.createClaimed(api, body, "Loyalty", "program-1");
    }

    @Test
    void fiftyEarnsOfOneCustomerThroughTwoInstancesAgainstALimitOfTenGiveTen() throws Exception {
        Api[] apis = apis("cluster-customer");
        String badge = limitedBadge(apis[0], "[{'constraintType':'CUSTOMER_BADGE_FIXED_VALUE','maxEarnLimit':10}]", null);
        List<Api.Reply> replies = Concurrently.run(50, i -> earn(apis[i % 2], badge, "shared-customer"));
        LimitsIT.assertOutcomes(replies, 10, 1140);
    }

    @Test
    void fiftyCustomersThroughTwoInstancesAgainstABadgeLimitOfTenGiveTen() throws Exception {
        Api[] apis = apis("cluster-badge");
        String badge = limitedBadge(apis[0], null, "[{'constraintType':'BADGE_FIXED_VALUE','maxEarnLimit':10}]");
        List<Api.Reply> replies = Concurrently.run(50, i -> earn(apis[i % 2], badge, "customer-" + i));
        LimitsIT.assertOutcomes(replies, 10, 1141);
    }

    /**
     * A badge-wide window's kept count (issue 31) through two instances: earns race for its last slots while
     * revocations free some and migrated earns, which are not refused, take some; afterwards exactly the slots left
     * are given, no more.
     */
    @ParameterizedTest
    @CsvSource({"fixed", "rolling"})
    void aBadgeWideWindowStaysExactWhenEarnsAndRevocationsRaceThroughBothInstances(String kind) throws Exception {
        Api[] apis = apis("cluster-window");
        // started days ago (a migration may start a badge in the past) so that now is well inside its cycle
        JsonObject body = Badges.with(Badges.with(Badges.earnBadge(Badges.uniqueName("Cluster")), "startOn",
                Instant.now().minus(Duration.ofDays(LimitsIT.startedForTwoDayCycles())).getEpochSecond()),
                "badgeConstraints", LimitsIT.constraints((kind.equals("fixed") ? LimitsIT.FIXED_TWO_DAYS
                        : LimitsIT.ROLLING_DAY).formatted(10)));
        String badge = apis[0].post("badgeMeta", body.toString(), Map.of("X-CAP-BADGES-MIGRATION", "migration"))
                .expect(201).data().getString("id");
        apis[0].post("badgeMeta/" + badge + "/claim", "{\"ownerType\":\"Loyalty\",\"referenceId\":\"program-1\"}")
                .expect(200);
        Instant event = Instant.now().minus(Duration.ofMinutes(1));
        List<Api.Reply> first = Concurrently.run(50, i -> earn(apis[i % 2], badge, "w-" + i, event));
        LimitsIT.assertOutcomes(first, 10, 1141);
        List<Api.Reply> earned = first.stream().filter(r -> r.status() == 200).toList();
        List<Api.Reply> race = Concurrently.run(38, i -> i < 5
                ? apis[i % 2].post("customer/revokeEarn", "{\"badgeMetaId\":\"" + badge + "\",\"customerId\":\""
                        + earned.get(i).data().getString("customerId") + "\",\"earnedBadgeId\":\""
                        + earned.get(i).data().getString("earnedBadgeId") + "\"}")
                : i < 8 ? migrate(apis[i % 2], badge, "m-" + i + "-" + UUID.randomUUID(), event)
                : earn(apis[i % 2], badge, "late-" + i, event));
        race.subList(0, 8).forEach(r -> r.expect(200));
        race.subList(5, 8).forEach(r -> assertTrue(r.body().startsWith("[{\"data\":{"), r.body()));
        long admitted = race.subList(8, 38).stream().filter(r -> r.status() == 200).count();
        race.subList(8, 38).stream().filter(r -> r.status() != 200)
                .forEach(r -> r.expectError(409, 1141, "badgeConstraints"));
        assertEquals(5 + 3 + admitted, apis[1].get("badgeMeta/" + badge).expect(200).data().getInt("earnedCount"),
                "five left after the revocations, three migrated, and the late earns admitted");
        long free = Math.max(0, 10 - (8 + admitted));
        LimitsIT.assertOutcomes(Concurrently.run(20, i -> earn(apis[i % 2], badge, "last-" + i, event)),
                (int) free, 1141);
        assertEquals(8 + admitted + free, apis[0].get("badgeMeta/" + badge).expect(200).data().getInt("earnedCount"));
    }

    /** One earn migrated through the historical import, which checks no limit. */
    private static Api.Reply migrate(Api api, String badge, String customer, Instant event) {
        return api.post("import/customerBadges", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("badgeMetaId", badge).add("customerId", customer).add("earnEventDateISO", event.toString())
                .add("earnExpiresOnISO", event.plus(Duration.ofDays(30)).toString())).build().toString());
    }

    private static Api.Reply earn(Api api, String badge, String customer, Instant event) {
        return api.post("customer/earn", EarnIT.earn(badge, customer, "c-" + UUID.randomUUID())
                .add("earnEventDateISO", event.toString()).build().toString());
    }

    @Test
    void aCustomersStandingStaysExactWhenEarnsBulkEarnsAndRevocationsRaceThroughBothInstances() throws Exception {
        Api[] api = apis("cluster-standing");
        String badge = Badges.createClaimed(api[0], Badges.earnBadge(Badges.uniqueName("Standing")), "Loyalty",
                "program-1");
        String customer = "cl-" + UUID.randomUUID();
        List<Api.Reply> earned = Concurrently.run(20, i -> earn(api[i % 2], badge, customer));
        earned.forEach(r -> r.expect(200));
        String bulk = EarnBulkIT.bulk(badge, "bulk-" + customer, customer, "other-" + customer).build().toString();
        List<Api.Reply> mixed = Concurrently.run(20, i -> i < 10 ? api[i % 2].post("customer/earnBulk", bulk)
                : api[i % 2].post("customer/revokeEarn", Json.createObjectBuilder()
                        .add("badgeMetaId", badge).add("customerId", customer)
                        .add("earnedBadgeId", earned.get(i).data().getString("earnedBadgeId")).build().toString()));
        assertEquals(1, mixed.subList(0, 10).stream()
                .filter(r -> r.status() == 200).count(), "one bulk runs, nine answer 809");
        mixed.subList(10, 20).forEach(r -> r.expect(200));
        for (Api a : api) {
            var listed = a.get("customer/" + customer + "?badgeType=EARNED").expect(200).data().getJsonArray("badges")
                    .getJsonObject(0);
            var counted = a.get("management/" + customer + "/badge/" + badge).expect(200).data();
            assertEquals(11, listed.getInt("earnedCount"), "20 + 1 earned, 10 revoked");
            assertEquals(11, counted.getInt("activeEarnedCount"),
                    "the earns table agrees with the standing row");
        }
    }
}
