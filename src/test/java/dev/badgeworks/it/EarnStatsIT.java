package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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

    /**
     * Days that are over are kept after a view (issue 31: a year of a large org is millions of earns to count on each
     * view); a back-dated earn or a revocation of an earn of such a day after the view is in the next one.
     */
    @Test
    void aPastDayChangedAfterItWasViewedIsCountedAgain() {
        Api api = BadgeworksServer.shared().admin().newOrg("stats-kept");
        String badge = pastBadge(api);
        Instant threeDaysAgo = LocalDate.now(ZoneOffset.UTC).minusDays(3).atTime(12, 0).toInstant(ZoneOffset.UTC);
        migrate(api, badge, "k1", threeDaysAgo);
        assertEquals(1, threeDaysAgo(api).getInt("earned"));

        String second = migrate(api, badge, "k2", threeDaysAgo.plusSeconds(60));
        JsonObject after = threeDaysAgo(api);
        assertEquals(2, after.getInt("earned"), "a back-dated earn after the view: " + after);
        assertEquals(0, after.getInt("revoked"));

        api.post("customer/revokeEarn", Json.createObjectBuilder().add("badgeMetaId", badge).add("customerId", "k2")
                .add("earnedBadgeId", second).build().toString()).expect(200);
        JsonObject revoked = threeDaysAgo(api);
        assertEquals(2, revoked.getInt("earned"), revoked::toString);
        assertEquals(1, revoked.getInt("revoked"), "a revocation after the view: " + revoked);
        assertEquals(1, api.get("stats/earnsPerDay?days=7").expect(200).data().getInt("revoked"), "and again");
    }

    /**
     * Today is kept up to an hour ago too (issue 31: an org earning 200,000 a day counted them all again on each
     * view), and the view counts only the earns since. Earns processed hours ago (back-dated into today), a revocation
     * of one of them and a live earn after a view are all in the next one, whatever the time of day (before 03:00 UTC
     * some of them are yesterday's).
     */
    @Test
    void earnsOfTheLastHoursChangedAfterAViewAreInTheNext() throws Exception {
        BadgeworksServer server = BadgeworksServer.shared();
        Api api = server.admin().newOrg("stats-today");
        String badge = pastBadge(api);
        Instant now = Instant.now();
        Instant threeHoursAgo = now.minus(Duration.ofHours(3));
        Instant twoHoursAgo = now.minus(Duration.ofHours(2));
        migrate(api, badge, "t1", threeHoursAgo);
        String second = migrate(api, badge, "t2", twoHoursAgo);
        String live = api.post("customer/earn", EarnIT.earn(badge, "t3", EarnIT.rid()).build().toString())
                .expect(200).data().getString("earnedBadgeId");
        java.util.Map<String, int[]> expected = new java.util.TreeMap<>();
        for (Instant at : List.of(threeHoursAgo, twoHoursAgo, now)) {
            expected.computeIfAbsent(LocalDate.ofInstant(at, ZoneOffset.UTC).toString(), d -> new int[2])[0]++;
        }
        assertLastDays(api, expected, "the first view");

        if (BadgeworksServer.onPostgres()) { // an embedded H2 file opens only while its server is down
            assertKeptUpToAnHourAgo(server, api, now, List.of(threeHoursAgo, twoHoursAgo));
        }

        api.post("customer/revokeEarn", Json.createObjectBuilder().add("badgeMetaId", badge).add("customerId", "t2")
                .add("earnedBadgeId", second).build().toString()).expect(200);
        expected.get(LocalDate.ofInstant(twoHoursAgo, ZoneOffset.UTC).toString())[1]++;
        assertLastDays(api, expected, "a revocation of an earn of two hours ago");

        migrate(api, badge, "t4", twoHoursAgo.plusSeconds(60));
        expected.get(LocalDate.ofInstant(twoHoursAgo, ZoneOffset.UTC).toString())[0]++;
        api.post("customer/revokeEarn", Json.createObjectBuilder().add("badgeMetaId", badge).add("customerId", "t3")
                .add("earnedBadgeId", live).build().toString()).expect(200);
        api.post("customer/earn", EarnIT.earn(badge, "t5", EarnIT.rid()).build().toString()).expect(200);
        int[] latest = expected.computeIfAbsent(LocalDate.now(ZoneOffset.UTC).toString(), d -> new int[2]);
        latest[0]++;
        expected.get(LocalDate.ofInstant(now, ZoneOffset.UTC).toString())[1]++;
        assertLastDays(api, expected, "an earn back-dated two hours, a live earn and a revocation of another");
    }

    /**
     * The view kept the day of an hour ago (today; yesterday in the first hour of the day, or whole from 01:00 to
     * 01:10) up to then, rounded down to ten minutes, with the earns before that moment.
     */
    private static void assertKeptUpToAnHourAgo(BadgeworksServer server, Api api, Instant viewedAfter,
                                                List<Instant> earned) throws java.sql.SQLException {
        long day = 86_400_000L;
        long keptUntil = Math.floorDiv(viewedAfter.toEpochMilli() - 3_600_000L, 600_000L) * 600_000L;
        long keptDay = Math.floorDiv(keptUntil - 1, day);
        try (var db = server.database(); var q = db.prepareStatement("SELECT counted_until_ms, earned"
                + " FROM earn_day_tally WHERE org_id = ? AND epoch_day = ?")) {
            q.setLong(1, api.orgId());
            q.setLong(2, keptDay);
            try (var rs = q.executeQuery()) {
                assertTrue(rs.next(), "the day of an hour ago is kept");
                long until = rs.getLong(1);
                long reached = rs.wasNull() ? (keptDay + 1) * day : until;
                assertTrue(reached >= keptUntil && reached < viewedAfter.toEpochMilli() - 3_000_000L,
                        "kept up to " + Instant.ofEpochMilli(reached) + ", viewed after " + viewedAfter);
                long before = earned.stream().mapToLong(Instant::toEpochMilli)
                        .filter(at -> at < reached && Math.floorDiv(at, day) == keptDay).count();
                assertEquals(before, rs.getLong(2), "the kept count is the earns before that moment");
            }
        }
    }

    /** The chart's last days hold these earned and revoked counts by date (other days none). */
    private static void assertLastDays(Api api, java.util.Map<String, int[]> expected, String after) {
        JsonObject chart = api.get("stats/earnsPerDay?days=3").expect(200).data();
        for (JsonObject day : chart.getJsonArray("days").getValuesAs(JsonObject.class)) {
            int[] counts = expected.getOrDefault(day.getString("date"), new int[2]);
            assertEquals(counts[0], day.getInt("earned"), after + ": " + chart);
            assertEquals(counts[1], day.getInt("revoked"), after + ": " + chart);
        }
    }

    /**
     * Clients migrating earns into past days, and revoking earns of two hours ago (a part of the day a view keeps),
     * while support agents keep the chart open: however a view's count and the writes interleave, the chart ends
     * with every earn and every revocation that was answered.
     */
    @Test
    void earnsRacingIntoPastDaysWhileTheChartIsReadAreAllCounted() throws Exception {
        pastDaysRacing(BadgeworksServer.shared().admin().newOrg("stats-race"));
    }

    /** The race above, for any org's admin (ClusterIT runs it through a balancer over two instances). */
    static void pastDaysRacing(Api api) throws Exception {
        String badge = pastBadge(api);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // earns of two hours ago (today's, or yesterday's before 02:00 UTC), kept by a view before the race
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        int recentDay = (int) (6 - java.time.temporal.ChronoUnit.DAYS.between(
                LocalDate.ofInstant(twoHoursAgo, ZoneOffset.UTC), today));
        List<String> recent = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            recent.add(migrate(api, badge, "recent-" + i, twoHoursAgo.plusSeconds(i)));
        }
        JsonObject before = api.get("stats/earnsPerDay?days=7").expect(200).data().getJsonArray("days")
                .getJsonObject(recentDay);
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(11);
        try {
            List<java.util.concurrent.Future<?>> readers = new java.util.ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    while (writing.get()) {
                        api.get("stats/earnsPerDay?days=7").expect(200);
                    }
                }));
            }
            List<java.util.concurrent.Future<Integer>> writers = new java.util.ArrayList<>();
            for (int w = 0; w < 6; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        // two past days, so that writers also lock more than one day of the org
                        Instant at = today.minusDays(2 + i % 2).atTime(10, writer).toInstant(ZoneOffset.UTC);
                        migrate(api, badge, "r" + writer + "-" + i, at);
                    }
                    return 40;
                }));
            }
            List<java.util.concurrent.Future<?>> revokers = new java.util.ArrayList<>();
            for (int v = 0; v < 2; v++) {
                int revoker = v;
                revokers.add(pool.submit(() -> {
                    for (int i = revoker; i < recent.size(); i += 2) {
                        api.post("customer/revokeEarn", Json.createObjectBuilder().add("badgeMetaId", badge)
                                .add("customerId", "recent-" + i).add("earnedBadgeId", recent.get(i)).build()
                                .toString()).expect(200);
                    }
                }));
            }
            int written = 0;
            for (var writer : writers) {
                written += writer.get(3, java.util.concurrent.TimeUnit.MINUTES);
            }
            for (var revoker : revokers) {
                revoker.get(3, java.util.concurrent.TimeUnit.MINUTES);
            }
            writing.set(false);
            for (var reader : readers) {
                reader.get(1, java.util.concurrent.TimeUnit.MINUTES);
            }
            JsonObject week = api.get("stats/earnsPerDay?days=7").expect(200).data();
            assumeTrue(today.equals(LocalDate.now(ZoneOffset.UTC)), "the test ran across midnight (UTC)");
            JsonArray days = week.getJsonArray("days");
            // the org's live earns (other races on the same org) are today's; its past days hold these alone
            assertEquals(written / 2, days.getJsonObject(4).getInt("earned"), "two days ago: " + week);
            assertEquals(written / 2, days.getJsonObject(3).getInt("earned"), "three days ago: " + week);
            JsonObject after = days.getJsonObject(recentDay);
            assertEquals(before.getInt("earned"), after.getInt("earned"), "two hours ago: " + week);
            assertEquals(before.getInt("revoked") + recent.size(), after.getInt("revoked"),
                    "every earn of two hours ago revoked: " + week);
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
    }

    private static JsonObject threeDaysAgo(Api api) {
        JsonObject week = api.get("stats/earnsPerDay?days=7").expect(200).data();
        return week.getJsonArray("days").getJsonObject(3);
    }

    /** A claimed badge live since ten days, so that earns migrated into the last days fit its window. */
    private static String pastBadge(Api api) {
        String badge = api.post("badgeMeta", Badges.with(Badges.earnBadge(Badges.uniqueName("Kept")), "startOn",
                Instant.now().minus(Duration.ofDays(10)).getEpochSecond()).toString(), BadgeMetaIT.MIGRATION)
                .expect(201).data().getString("id");
        api.post("badgeMeta/" + badge + "/claim", "{\"ownerType\":\"Loyalty\",\"referenceId\":\"program-1\"}")
                .expect(200);
        return badge;
    }

    /** One earn migrated to {@code at} (processed on its event's day); its earn id. */
    private static String migrate(Api api, String badge, String customer, Instant at) {
        String body = Json.createArrayBuilder().add(Json.createObjectBuilder().add("badgeMetaId", badge)
                .add("customerId", customer).add("earnEventDateISO", at.toString())
                .add("earnExpiresOnISO", at.plus(Duration.ofDays(400)).toString())).build().toString();
        JsonObject answer = Json.createReader(new java.io.StringReader(
                api.post("import/customerBadges", body).expect(200).body())).readArray().getJsonObject(0);
        assertEquals(true, answer.isNull("errors"), answer::toString);
        return answer.getJsonObject("data").getString("earnedBadgeId");
    }
}
