package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Earn limits as a client meets them: each kind hit and not hit, back-dated earns, revocations, races, imports. */
class LimitsIT {

    private final Api api = BadgeworksServer.shared().admin().newOrg("limits");

    static JsonArray constraints(String json) {
        return Json.createReader(new java.io.StringReader(json.replace('\'', '"'))).readArray();
    }

    /** A claimed live badge with these limits that started {@code daysAgo} days ago. */
    String badge(String customerConstraints, String badgeConstraints, int daysAgo) {
        JsonObject body = Badges.earnBadge(Badges.uniqueName("Limited"));
        body = Badges.with(body, "startOn", Instant.now().minus(Duration.ofDays(daysAgo)).getEpochSecond());
        if (customerConstraints != null) {
            body = Badges.with(body, "customerConstraints", constraints(customerConstraints));
        }
        if (badgeConstraints != null) {
            body = Badges.with(body, "badgeConstraints", constraints(badgeConstraints));
        }
        String id = api.post("badgeMeta", body.toString(), Map.of("X-CAP-BADGES-MIGRATION", "migration"))
                .expect(201).data().getString("id");
        api.post("badgeMeta/" + id + "/claim", "{\"ownerType\":\"Loyalty\",\"referenceId\":\"program-1\"}").expect(200);
        return id;
    }

    Api.Reply earn(String badge, String customer, Instant event) {
        var body = EarnIT.earn(badge, customer, "r-" + UUID.randomUUID());
        if (event != null) {
            body.add("earnEventDateISO", event.toString());
        }
        return api.post("customer/earn", body.build().toString());
    }

    static String message(Api.Reply reply) {
        return reply.errors().getJsonObject(0).getString("message");
    }

    @Test
    void aCustomerFixedValueCapsEachCustomerAndARevokedEarnFreesItsSlot() {
        String badge = badge("[{'constraintType':'CUSTOMER_BADGE_FIXED_VALUE','maxEarnLimit':2}]", null, 1);
        String first = earn(badge, "alice", null).expect(200).data().getString("earnedBadgeId");
        earn(badge, "alice", null).expect(200);
        String third = EarnIT.earn(badge, "alice", "third-" + UUID.randomUUID()).build().toString();
        Api.Reply refused = api.post("customer/earn", third).expectError(409, 1140, "customerConstraints");
        assertEquals("Customer earn limit reached. CUSTOMER_BADGE_FIXED_VALUE: customer limit 2 over the badge's life"
                + " reached.", message(refused));
        assertTrue(refused.json().isNull("data"), refused.body());
        earn(badge, "bob", null).expect(200);
        api.post("customer/revokeEarn", "{\"badgeMetaId\":\"" + badge + "\",\"customerId\":\"alice\","
                + "\"earnedBadgeId\":\"" + first + "\"}").expect(200);
        // the refused request consumed nothing: the same requestId goes through once a slot is free
        api.post("customer/earn", third).expect(200);
        earn(badge, "alice", null).expectError(409, 1140, "customerConstraints");
    }

    @Test
    void aRollingWindowCountsByProcessingTimeSoABackDatedEarnDoesNotDodgeIt() {
        String badge = badge("[{'constraintType':'CUSTOMER_BADGE_ROLLING_WINDOW','maxEarnForDays':1,'rollForDays':7}]",
                null, 60);
        earn(badge, "carol", null).expect(200);
        Api.Reply refused = earn(badge, "carol", Instant.now().minus(Duration.ofDays(30)))
                .expectError(409, 1140, "customerConstraints");
        assertTrue(message(refused).contains("customer limit 1 per 7 days (rolling, by processing time) reached"),
                refused.body());
        earn(badge, "dave", Instant.now().minus(Duration.ofDays(30))).expect(200);
    }

    @Test
    void aFixedWindowCountsEachEarnInItsEventDatesCycleWhateverTheOrder() {
        String badge = badge("[{'constraintType':'CUSTOMER_BADGE_FIXED_WINDOW','durationType':'WEEKS',"
                + "'startDayOfTheWeek':'MONDAY','maxEarnLimit':1}]", null, 40);
        Instant thisMonday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant twoWeeksAgo = thisMonday.minus(Duration.ofDays(14)).plus(Duration.ofHours(10));
        earn(badge, "erin", null).expect(200);
        earn(badge, "erin", twoWeeksAgo).expect(200);
        Api.Reply refused = earn(badge, "erin", twoWeeksAgo.plus(Duration.ofDays(2)))
                .expectError(409, 1140, "customerConstraints");
        assertTrue(message(refused).contains("(the event date's cycle " + thisMonday.minus(Duration.ofDays(14))),
                refused.body());
        earn(badge, "erin", thisMonday.minus(Duration.ofMillis(1))).expect(200);
        earn(badge, "erin", thisMonday).expectError(409, 1140, "customerConstraints");
    }

    @Test
    void badgeLimitsCountAllCustomersAndEveryLimitMustHold() {
        String badge = badge("[{'constraintType':'CUSTOMER_BADGE_FIXED_VALUE','maxEarnLimit':1}]",
                "[{'constraintType':'BADGE_ROLLING_WINDOW','rollType':'DAYS','rollValue':1,'maxEarnLimit':3}]", 1);
        earn(badge, "c1", null).expect(200);
        earn(badge, "c1", null).expectError(409, 1140, "customerConstraints");
        earn(badge, "c2", null).expect(200);
        earn(badge, "c3", null).expect(200);
        Api.Reply refused = earn(badge, "c4", null).expectError(409, 1141, "badgeConstraints");
        assertTrue(message(refused).startsWith("Badge earn limit reached. BADGE_ROLLING_WINDOW: badge limit 3 per 1 day"),
                refused.body());
    }

    @Test
    void fiftyConcurrentEarnsOfOneCustomerAgainstALimitOfTenGiveTen() throws Exception {
        String badge = badge("[{'constraintType':'CUSTOMER_BADGE_FIXED_VALUE','maxEarnLimit':10}]", null, 1);
        List<Api.Reply> replies = Concurrently.run(50, i -> earn(badge, "racer", null));
        assertOutcomes(replies, 10, 1140);
    }

    @Test
    void fiftyConcurrentCustomersAgainstABadgeLimitOfTenGiveTen() throws Exception {
        String badge = badge(null, "[{'constraintType':'BADGE_FIXED_VALUE','maxEarnLimit':10}]", 1);
        List<Api.Reply> replies = Concurrently.run(50, i -> earn(badge, "customer-" + i, null));
        assertOutcomes(replies, 10, 1141);
    }

    @Test
    void limitsAddedToABadgeWithEarnsCountTheEarnsMadeBefore() {
        String badge = badge(null, null, 1);
        earn(badge, "early", null).expect(200);
        earn(badge, "early", null).expect(200);
        JsonObject stored = api.get("badgeMeta/" + badge).expect(200).data();
        api.put("badgeMeta", Badges.with(stored, "customerConstraints",
                constraints("[{'constraintType':'CUSTOMER_BADGE_FIXED_VALUE','maxEarnLimit':2}]")).toString()).expect(200);
        earn(badge, "early", null).expectError(409, 1140, "customerConstraints");
        earn(badge, "late", null).expect(200);
    }

    /** The badge's whole life, as its counters count it: earns made before the limit count, revoked ones do not. */
    @Test
    void aLifetimeBadgeLimitCountsTheActiveEarnsMadeBeforeItAndFreesARevokedOne() {
        String badge = badge(null, null, 1);
        earn(badge, "life-a", null).expect(200);
        String revoked = earn(badge, "life-b", null).expect(200).data().getString("earnedBadgeId");
        earn(badge, "life-c", null).expect(200);
        api.post("customer/revokeEarn", "{\"badgeMetaId\":\"" + badge + "\",\"customerId\":\"life-b\","
                + "\"earnedBadgeId\":\"" + revoked + "\"}").expect(200);
        JsonObject stored = api.get("badgeMeta/" + badge).expect(200).data();
        api.put("badgeMeta", Badges.with(stored, "badgeConstraints",
                constraints("[{'constraintType':'BADGE_FIXED_VALUE','maxEarnLimit':3}]")).toString()).expect(200);
        String d = earn(badge, "life-d", null).expect(200).data().getString("earnedBadgeId");
        earn(badge, "life-e", null).expectError(409, 1141, "badgeConstraints");
        api.post("customer/revokeEarn", "{\"badgeMetaId\":\"" + badge + "\",\"customerId\":\"life-d\","
                + "\"earnedBadgeId\":\"" + d + "\"}").expect(200);
        earn(badge, "life-e", null).expect(200);
        assertEquals(3, api.get("badgeMeta/" + badge).expect(200).data().getInt("earnedCount"));
    }

    @Test
    void concurrentRevokesOfOneEarnRevokeItOnce() throws Exception {
        String badge = badge("[{'constraintType':'CUSTOMER_BADGE_FIXED_VALUE','maxEarnLimit':1}]", null, 1);
        String earned = earn(badge, "revoked", null).expect(200).data().getString("earnedBadgeId");
        String revoke = "{\"badgeMetaId\":\"" + badge + "\",\"customerId\":\"revoked\",\"earnedBadgeId\":\"" + earned + "\"}";
        List<Api.Reply> replies = Concurrently.run(20, i -> api.post("customer/revokeEarn", revoke));
        assertEquals(1, replies.stream().filter(r -> r.status() == 200).count(),
                () -> "statuses " + replies.stream().map(Api.Reply::status).toList());
        replies.stream().filter(r -> r.status() != 200).forEach(r -> r.expectError(409, 814, "earnedBadgeId"));
        assertEquals(0, api.get("badgeMeta/" + badge).expect(200).data().getInt("earnedCount"));
        earn(badge, "revoked", null).expect(200);
        earn(badge, "revoked", null).expectError(409, 1140, "customerConstraints");
        assertEquals(1, api.get("badgeMeta/" + badge).expect(200).data().getInt("earnedCount"));
    }

    /** Cycles of two days: with {@link #startedForTwoDayCycles} the cycle of now is at least 12 hours from its ends. */
    static final String FIXED_TWO_DAYS = "[{'constraintType':'BADGE_FIXED_WINDOW','durationType':'DAYS',"
            + "'refreshRate':2,'maxEarnLimit':%d}]";
    static final String ROLLING_DAY = "[{'constraintType':'BADGE_ROLLING_WINDOW','rollType':'DAYS','rollValue':1,"
            + "'maxEarnLimit':%d}]";

    /**
     * Days a badge must have started ago for its two-day cycles (anchored at the start's day) to put now at least 12
     * hours from the ends of its cycle: in the morning (UTC) the cycle began yesterday, in the afternoon today.
     */
    static int startedForTwoDayCycles() {
        return java.time.LocalTime.now(ZoneOffset.UTC).getHour() >= 12 ? 10 : 11;
    }

    /**
     * A badge-wide window's count is kept between earns (issue 31) and must stay exact when the badge's earns change
     * without the badge's lock: a revocation, a migrated earn, earns made while the limit was gone. All earns fall in
     * the window in progress: the cycle of now, or processed now (a migrated one an hour ago: it counts as processed
     * at its event date).
     */
    @ParameterizedTest
    @CsvSource({"fixed", "rolling"})
    void aBadgeWideWindowStaysExactThroughRevocationsMigrationsAndALimitThatCameAndWent(String kind) {
        String window = kind.equals("fixed") ? FIXED_TWO_DAYS : ROLLING_DAY;
        String badge = badge(null, window.formatted(3), startedForTwoDayCycles());
        Instant event = Instant.now().minus(Duration.ofHours(1));
        String a = earn(badge, "w-a", event).expect(200).data().getString("earnedBadgeId");
        String b = earn(badge, "w-b", event).expect(200).data().getString("earnedBadgeId");
        earn(badge, "w-c", event).expect(200);
        earn(badge, "w-d", event).expectError(409, 1141, "badgeConstraints");
        revoke(badge, "w-b", b);
        assertEquals(2, windowCountSeenBySupport(badge, "w-a"), "the support view: the revocation counted");
        String d = earn(badge, "w-d", event).expect(200).data().getString("earnedBadgeId");
        earn(badge, "w-e", event).expectError(409, 1141, "badgeConstraints");
        // a migrated earn is not refused (4 in the cycle now) and counts: freeing one slot is not enough
        Api.Reply migrated = api.post("import/customerBadges", "[{\"badgeMetaId\":\"" + badge + "\","
                + "\"customerId\":\"w-m\",\"earnEventDateISO\":\"" + event + "\",\"earnExpiresOnISO\":\""
                + event.plus(Duration.ofDays(30)) + "\"}]").expect(200);
        assertTrue(migrated.body().startsWith("[{\"data\":{"), migrated.body());
        revoke(badge, "w-d", d);
        assertEquals(3, windowCountSeenBySupport(badge, "w-a"));
        earn(badge, "w-e", event).expectError(409, 1141, "badgeConstraints");
        revoke(badge, "w-a", a);
        earn(badge, "w-e", event).expect(200);
        // without the limit earns are not counted as they are made; once it is back they are (c, e, m, f, g: 5)
        JsonObject stored = api.get("badgeMeta/" + badge).expect(200).data();
        api.put("badgeMeta", Badges.with(stored, "badgeConstraints", constraints("[]")).toString()).expect(200);
        earn(badge, "w-f", event).expect(200);
        earn(badge, "w-g", event).expect(200);
        stored = api.get("badgeMeta/" + badge).expect(200).data();
        api.put("badgeMeta", Badges.with(stored, "badgeConstraints", constraints(window.formatted(6)))
                .toString()).expect(200);
        earn(badge, "w-h", event).expect(200);
        earn(badge, "w-i", event).expectError(409, 1141, "badgeConstraints");
        assertEquals(6, api.get("badgeMeta/" + badge).expect(200).data().getInt("earnedCount"));
        assertEquals(6, windowCountSeenBySupport(badge, "w-c"));
    }

    /** The badge-wide window's count in the support view of one customer's badge, with its statistics. */
    int windowCountSeenBySupport(String badge, String customer) {
        return api.get("management/" + customer + "/badge/" + badge + "?includeStatistics=true").expect(200).data()
                .getJsonArray("badgeConstraints").getJsonObject(0).getJsonObject("earnConstraintBlockStatistics")
                .getInt("currentEarnCount");
    }

    @ParameterizedTest
    @CsvSource({"fixed", "rolling"})
    void fiftyConcurrentCustomersAgainstABadgeWideWindowOfTenGiveTenThenOneFreedSlotGivesOne(String kind)
            throws Exception {
        String badge = badge(null, (kind.equals("fixed") ? FIXED_TWO_DAYS : ROLLING_DAY).formatted(10),
                startedForTwoDayCycles());
        Instant event = Instant.now().minus(Duration.ofHours(1));
        List<Api.Reply> replies = Concurrently.run(50, i -> earn(badge, "window-" + i, event));
        assertOutcomes(replies, 10, 1141);
        Api.Reply first = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        revoke(badge, first.data().getString("customerId"), first.data().getString("earnedBadgeId"));
        assertOutcomes(Concurrently.run(20, i -> earn(badge, "window-late-" + i, event)), 1, 1141);
        assertEquals(10, api.get("badgeMeta/" + badge).expect(200).data().getInt("earnedCount"));
    }

    void revoke(String badge, String customer, String earnedBadgeId) {
        api.post("customer/revokeEarn", "{\"badgeMetaId\":\"" + badge + "\",\"customerId\":\"" + customer
                + "\",\"earnedBadgeId\":\"" + earnedBadgeId + "\"}").expect(200);
    }

    static void assertOutcomes(List<Api.Reply> replies, int earned, int refusalCode) {
        List<Integer> statuses = replies.stream().map(Api.Reply::status).toList();
        assertEquals(earned, statuses.stream().filter(s -> s == 200).count(), () -> "statuses " + statuses);
        replies.stream().filter(r -> r.status() != 200)
                .forEach(r -> r.expectError(409, refusalCode, refusalCode == 1140 ? "customerConstraints" : "badgeConstraints"));
    }

    /** Migrated earns, here already expired, are not refused by a limit but count toward it like any earn. */
    @Test
    void aMigrationIsNotRefusedByALimitButCountsTowardIt() {
        String badge = badge("[{'constraintType':'CUSTOMER_BADGE_FIXED_VALUE','maxEarnLimit':1}]", null, 10);
        String expires = Instant.now().minus(Duration.ofHours(1)).toString();
        String element = "{\"badgeMetaId\":\"" + badge + "\",\"customerId\":\"migrated\",\"earnExpiresOnISO\":\""
                + expires + "\",\"earnEventDateISO\":\"%s\"}";
        Api.Reply reply = api.post("import/customerBadges", "[" + element.formatted(Instant.now().minus(Duration.ofDays(2)))
                + "," + element.formatted(Instant.now().minus(Duration.ofDays(1))) + "]").expect(200);
        assertTrue(reply.body().matches("\\[\\{\"data\":\\{.*\\},\\{\"data\":\\{.*"), reply.body());
        assertTrue(!reply.body().contains("1140"), reply.body());
        earn(badge, "migrated", null).expectError(409, 1140, "customerConstraints");
    }

    @Test
    void anImportBreakingALimitHalfwayRejectsExactlyTheRowsPastItAndARerunChangesNothing() {
        String badge = badge("[{'constraintType':'CUSTOMER_BADGE_FIXED_VALUE','maxEarnLimit':3}]", null, 30);
        StringBuilder csv = new StringBuilder("requestId,badgeMetaId,customerId,earnEventDate,ownerType,referenceId\n");
        for (int i = 1; i <= 6; i++) {
            csv.append("lim-").append(i).append(',').append(badge).append(",frank,")
                    .append(Instant.now().minus(Duration.ofDays(10 - i))).append(",Loyalty,program-1\n");
        }
        csv.append("lim-7,").append(badge).append(",grace,").append(Instant.now().minus(Duration.ofDays(1)))
                .append(",Loyalty,program-1\n");
        String first = Imports.upload(api, "limits.csv", "text/csv", csv.toString());
        JsonObject report = Imports.await(api, first, Duration.ofSeconds(60), "COMPLETED");
        assertEquals(4, report.getInt("rowsEarned"), report.toString());
        assertEquals(3, report.getInt("rowsRejected"), report.toString());
        assertEquals(3, report.getJsonObject("errorCounts").getInt("1140"), report.toString());
        String rejects = Imports.rejectsFile(BadgeworksServer.shared().inbox().resolve(Long.toString(api.orgId())),
                "done", first);
        assertTrue(rejects.contains("\n5,1140,") && rejects.contains("\n6,1140,") && rejects.contains("\n7,1140,")
                && !rejects.contains("\n8,"), rejects);
        String again = Imports.upload(api, "limits-again.csv", "text/csv", csv.toString());
        JsonObject rerun = Imports.await(api, again, Duration.ofSeconds(60), "COMPLETED");
        assertEquals(0, rerun.getInt("rowsEarned"), rerun.toString());
        assertEquals(4, rerun.getInt("rowsDuplicate"), rerun.toString());
        assertEquals(3, rerun.getJsonObject("errorCounts").getInt("1140"), rerun.toString());
        earn(badge, "grace", null).expect(200);
    }
}
