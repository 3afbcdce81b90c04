package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Badges that earn themselves (issue 29): a badge's earnRule, activities one at a time and in bulk, the earns the
 * rule makes through the earn service, progress — and the same earns whatever order the activities come in.
 */
class ActivitiesIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static Api api;

    @BeforeAll
    static void org() {
        api = BadgeworksServer.shared().admin().newOrg("activities");
    }

    /** A badge live since 60 days (a migration, so back-dated activities fall in its window) with this rule. */
    static String ruleBadge(Api api, String rule, boolean claimed) {
        JsonObject body = Badges.with(Badges.with(Badges.earnBadge(Badges.uniqueName("Rule")), "startOn",
                NOW.minus(Duration.ofDays(60)).getEpochSecond()), "earnRule", Json.createReader(
                new java.io.StringReader(rule)).readObject());
        String id = api.post("badgeMeta", body.toString(), Map.of("X-CAP-BADGES-MIGRATION", "migration"))
                .expect(201).data().getString("id");
        if (claimed) {
            api.post("badgeMeta/" + id + "/claim", "{\"ownerType\":\"Milestones\",\"referenceId\":\"rule-1\"}")
                    .expect(200);
        }
        return id;
    }

    static final String THREE_PURCHASES = "{\"activity\":\"TransactionAdd\",\"measure\":\"COUNT\",\"target\":3,"
            + "\"triggeredBy\":{\"ownerType\":\"Milestones\",\"referenceId\":\"rule-1\"}}";

    static String activity(String requestId, String customer, String name, Instant at, String attributes) {
        return "{\"requestId\":\"" + requestId + "\",\"customerId\":\"" + customer + "\",\"activity\":\"" + name
                + "\",\"eventDateISO\":\"" + at + "\",\"attributes\":" + attributes + "}";
    }

    /** The answer's entry for this badge's rule (other tests' rule badges of the org may read the same activity). */
    static JsonObject ruleOf(JsonObject answer, String badge) {
        return answer.getJsonArray("rules").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("badgeMetaId").equals(badge)).findFirst().orElseThrow();
    }

    static String customer() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The customer's earns of the badge as the support view lists them: event dates, oldest first. */
    static List<Instant> earnDates(Api api, String customer, String badge) {
        JsonObject view = api.get("management/" + customer + "/badge/" + badge + "?includeStatistics=true")
                .expect(200).data();
        List<Instant> dates = new ArrayList<>();
        if (view.isNull("earnDetails")) {
            return dates;
        }
        view.getJsonObject("earnDetails").getJsonArray("earns").forEach(e ->
                dates.add(Instant.parse(e.asJsonObject().getString("earnEventDateISO"))));
        Collections.sort(dates);
        return dates;
    }

    @Test
    void aRuleIsPartOfTheBadgeDefinitionInItsCanonicalForm() {
        String id = ruleBadge(api, "{\"activity\":\"Transaction Add\",\"conditions\":[{\"attribute\":\"amount\","
                + "\"operator\":\"ge\",\"value\":50},{\"attribute\":\"storeId\",\"operator\":\"IN\","
                + "\"values\":[\"S1\",\"S2\"]}],\"measure\":{\"type\":\"SUM\",\"attribute\":\"amount\"},"
                + "\"target\":\"500\",\"window\":{\"type\":\"FIXED\",\"unit\":\"MONTHS\",\"timeZone\":\"Europe/Berlin\"},"
                + "\"repeat\":true,\"triggeredBy\":{\"ownerType\":\"MILESTONES\",\"referenceId\":\"rule-1\"}}", false);
        JsonObject rule = api.get("badgeMeta/" + id).expect(200).data().getJsonObject("earnRule");
        assertEquals("Transaction Add", rule.getString("activity"));
        JsonObject amount = rule.getJsonArray("conditions").getJsonObject(0);
        assertEquals("GE", amount.getString("operator"));
        assertEquals("NUMBER", amount.getString("type"), "the type of its value");
        assertEquals(50, amount.getJsonArray("values").getJsonNumber(0).intValue());
        assertEquals("STRING", rule.getJsonArray("conditions").getJsonObject(1).getString("type"));
        assertEquals("SUM", rule.getJsonObject("measure").getString("type"));
        assertEquals(500, rule.getJsonNumber("target").intValue());
        assertEquals(Json.createObjectBuilder().add("type", "FIXED").add("length", 1).add("unit", "MONTHS")
                .add("timeZone", "Europe/Berlin").build(), rule.getJsonObject("window"));
        assertEquals(0, rule.getInt("streak"));
        assertTrue(rule.getBoolean("repeat"));
        assertEquals("Milestones", rule.getJsonObject("triggeredBy").getString("ownerType"));

        // what a GET answers can be PUT back as it is
        JsonObject got = api.get("badgeMeta/" + id).expect(200).data();
        JsonObject put = api.put("badgeMeta", Json.createObjectBuilder(got).add("id", id).build().toString())
                .expect(200).data();
        assertEquals(rule, put.getJsonObject("earnRule"));
        assertTrue(api.get("badgeMeta/" + Badges.create(api, Badges.earnBadge(Badges.uniqueName("Plain"))))
                .expect(200).data().isNull("earnRule"), "a badge without a rule answers null");
    }

    @Test
    void aBadRuleIsRefusedNamingItsField() {
        JsonObject badge = Badges.earnBadge(Badges.uniqueName("Bad rule"));
        String[][] cases = {
                {"{\"activity\":\"A\",\"measure\":\"COUNT\",\"target\":2,\"window\":{\"type\":\"FIXED\",\"unit\":\"DAYS\","
                        + "\"timeZone\":\"Mars/Olympus\"},\"triggeredBy\":{\"ownerType\":\"Milestones\",\"referenceId\":\"r\"}}",
                        "1105", "earnRule.window.timeZone"},
                {"{\"activity\":\"A\",\"measure\":\"COUNT\",\"target\":2,\"conditions\":[{\"attribute\":\"amount\","
                        + "\"operator\":\"GT\",\"type\":\"NUMBER\",\"value\":\"lots\"}],"
                        + "\"triggeredBy\":{\"ownerType\":\"Milestones\",\"referenceId\":\"r\"}}",
                        "1102", "earnRule.conditions[0].values[0]"},
                {"{\"activity\":\"A\",\"measure\":\"COUNT\",\"target\":2,\"triggeredBy\":{\"ownerType\":\"Journeys\","
                        + "\"referenceId\":\"r\"}}", "714", "earnRule.triggeredBy.ownerType"},
                {"{\"activity\":\"A\",\"measure\":\"COUNT\",\"target\":2.5,"
                        + "\"triggeredBy\":{\"ownerType\":\"Milestones\",\"referenceId\":\"r\"}}", "1105", "earnRule.target"},
                {"{\"activity\":\"A\",\"measure\":{\"type\":\"SUM\"},\"target\":2,"
                        + "\"triggeredBy\":{\"ownerType\":\"Milestones\",\"referenceId\":\"r\"}}",
                        "1101", "earnRule.measure.attribute"},
                {"{\"activity\":\"A\",\"measure\":\"COUNT\",\"target\":2,\"streak\":3,"
                        + "\"triggeredBy\":{\"ownerType\":\"Milestones\",\"referenceId\":\"r\"}}", "1105", "earnRule.streak"},
                {"{\"activity\":\"A\",\"measure\":\"COUNT\",\"target\":2}", "716", "earnRule.triggeredBy"},
        };
        for (String[] c : cases) {
            JsonObject body = Badges.with(badge, "earnRule", Json.createReader(new java.io.StringReader(c[0]))
                    .readObject());
            api.post("badgeMeta", body.toString()).expectError(400, Integer.parseInt(c[1]), c[2]);
        }
    }

    @Test
    void reachingTheTargetEarnsOnceWithTheCompletingActivitysDateAndRepeatsAnswer809() {
        String badge = ruleBadge(api, THREE_PURCHASES, true);
        String customer = customer();
        Instant first = NOW.minus(Duration.ofDays(3));
        JsonObject one = api.post("activities", "{\"requestId\":7001,\"customerId\":\"" + customer + "\","
                + "\"activity\":\"TransactionAdd\",\"eventDate\":" + first.getEpochSecond() + ",\"attributes\":"
                + "{\"amount\":42.5,\"storeId\":\"S1\"}}").expect(200).data();
        assertEquals(7001, one.getJsonNumber("requestId").longValueExact(), "requestId echoed as sent");
        JsonObject rule = ruleOf(one, badge);
        assertEquals(badge, rule.getString("badgeMetaId"));
        assertEquals(1, rule.getJsonObject("progress").getInt("value"));
        assertEquals(3, rule.getJsonObject("progress").getInt("target"));
        assertEquals(0, rule.getJsonArray("earns").size());

        api.post("activities", activity("a2-" + customer, customer, "transactionADD", first.plusSeconds(60), "{}"))
                .expect(200);
        String third = activity("a3-" + customer, customer, "TransactionAdd", first.plusSeconds(120), "{}");
        JsonObject earned = api.post("activities", third).expect(200).data();
        JsonObject earn = ruleOf(earned, badge).getJsonArray("earns").getJsonObject(0);
        assertEquals("EARNED", earn.getString("status"));
        assertEquals(first.plusSeconds(120), Instant.parse(earn.getString("earnEventDateISO")),
                "the completing activity's date");
        assertTrue(ruleOf(earned, badge).getJsonObject("progress").getBoolean("finished"));
        assertEquals(List.of(first.plusSeconds(120)), earnDates(api, customer, badge));

        Api.Reply repeat = api.post("activities", third).expectError(400, 809, "requestId");
        assertEquals(earned, repeat.data(), "a repeat answers the first answer");
        api.post("activities", activity("a3-" + customer, customer, "TransactionAdd", first, "{}"))
                .expectError(400, 809, "requestId");
        assertTrue(api.post("activities", activity("a3-" + customer, customer, "TransactionAdd", first, "{}"))
                .json().isNull("data"), "a requestId used for other content answers no data");
        api.post("activities", activity("a4-" + customer, customer, "TransactionAdd", NOW, "{}")).expect(200);
        assertEquals(1, earnDates(api, customer, badge).size(), "the rule does not repeat: one earn");
    }

    @Test
    void aRefusedEarnIsReportedAndTheProgressKeptUntilItCanBeMade() throws InterruptedException {
        String badge = ruleBadge(api, THREE_PURCHASES, false);
        String customer = customer();
        Instant t = NOW.minus(Duration.ofDays(2));
        for (int i = 1; i <= 2; i++) {
            api.post("activities", activity("r" + i + "-" + customer, customer, "TransactionAdd", t.plusSeconds(i),
                    "{}")).expect(200);
        }
        JsonObject third = ruleOf(api.post("activities", activity("r3-" + customer, customer, "TransactionAdd",
                t.plusSeconds(3), "{}")).expect(200).data(), badge);
        JsonObject refused = third.getJsonArray("earns").getJsonObject(0);
        assertEquals("REFUSED", refused.getString("status"));
        assertEquals(810, refused.getInt("errorCode"), "the badge is not claimed");
        assertEquals(3, third.getJsonObject("progress").getInt("value"));
        assertEquals(List.of(), earnDates(api, customer, badge));

        api.post("badgeMeta/" + badge + "/claim", "{\"ownerType\":\"Milestones\",\"referenceId\":\"rule-1\"}")
                .expect(200);
        assertEquals(List.of(t.plusSeconds(3)), awaitEarns(api, customer, badge, 1),
                "the claim settles the rule's earns again: earned as of the activity that completed the rule");
        api.post("activities", activity("r4-" + customer, customer, "TransactionAdd", t.plusSeconds(4), "{}"))
                .expect(200);
        assertEquals(List.of(t.plusSeconds(3)), earnDates(api, customer, badge), "once");
    }

    @Test
    void theSameActivitiesInAnyOrderSplitAndRepeatedGiveTheSameEarns() {
        // every 50.00 of purchases earns again; activities of three weeks, most with an amount
        String badge = ruleBadge(api, "{\"activity\":\"TransactionAdd\",\"measure\":{\"type\":\"SUM\","
                + "\"attribute\":\"amount\"},\"target\":50,\"repeat\":true,\"conditions\":[{\"attribute\":\"storeId\","
                + "\"operator\":\"NE\",\"value\":\"S0\"}],\"triggeredBy\":{\"ownerType\":\"Milestones\","
                + "\"referenceId\":\"rule-1\"}}", true);
        Random random = new Random(29);
        List<Instant> dates = new ArrayList<>();
        List<String> amounts = new ArrayList<>();
        List<String> stores = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            dates.add(NOW.minus(Duration.ofHours(12L * (30 - i))).minusSeconds(random.nextInt(3600)));
            amounts.add(random.nextInt(5) == 0 ? null : (random.nextInt(2500) / 100.0) + "");
            stores.add("S" + random.nextInt(4));
        }
        String inOrder = customer();
        String shuffled = customer();
        for (int i = 0; i < 30; i++) {
            api.post("activities", activity("o" + i + inOrder, inOrder, "TransactionAdd", dates.get(i),
                    attributes(amounts.get(i), stores.get(i)))).expect(200);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        // the first 12 (shuffled) one at a time, the rest in two bulk requests, each with repeats of earlier ones
        for (int i : order.subList(0, 12)) {
            api.post("activities", activity("o" + i + shuffled, shuffled, "TransactionAdd", dates.get(i),
                    attributes(amounts.get(i), stores.get(i)))).expect(200);
        }
        for (List<Integer> part : List.of(order.subList(12, 21), order.subList(21, 30))) {
            JsonArrayBuilder items = Json.createArrayBuilder();
            for (int i : part) {
                items.add(json(activity("o" + i + shuffled, shuffled, "TransactionAdd", dates.get(i),
                        attributes(amounts.get(i), stores.get(i)))));
            }
            int again = order.get(random.nextInt(12));
            items.add(json(activity("o" + again + shuffled, shuffled, "TransactionAdd", dates.get(again),
                    attributes(amounts.get(again), stores.get(again)))));
            JsonObject result = api.post("activities/bulk", Json.createObjectBuilder().add("activities", items)
                    .build().toString()).expect(200).data();
            assertEquals(part.size(), result.getInt("recordedCount"));
            assertEquals(1, result.getInt("duplicateCount"));
        }
        List<Instant> expected = earnDates(api, inOrder, badge);
        assertTrue(expected.size() >= 3, "the activities earn several times: " + expected);
        assertEquals(expected, earnDates(api, shuffled, badge), "same count and event dates");
        JsonObject a = progressOf(api, inOrder, badge);
        JsonObject b = progressOf(api, shuffled, badge);
        assertEquals(a.getJsonObject("progress").getJsonNumber("value").bigDecimalValue(),
                b.getJsonObject("progress").getJsonNumber("value").bigDecimalValue());
        assertEquals(expected.size(), a.getInt("completions"));
        assertEquals(expected.size(), b.getInt("completions"));
    }

    private static String attributes(String amount, String store) {
        return amount == null ? "{\"storeId\":\"" + store + "\"}"
                : "{\"amount\":" + amount + ",\"storeId\":\"" + store + "\"}";
    }

    private static JsonObject json(String text) {
        return Json.createReader(new java.io.StringReader(text)).readObject();
    }

    static JsonObject progressOf(Api api, String customer, String badge) {
        JsonArray rules = api.get("customer/" + customer + "/progress").expect(200).data().getJsonArray("rules");
        return rules.stream().map(JsonValue::asJsonObject).filter(r -> r.getString("badgeMetaId").equals(badge))
                .findFirst().orElseThrow();
    }

    @Test
    void aBackDatedActivityMovesTheEarnToWhenTheTargetWasReallyReached() {
        String badge = ruleBadge(api, THREE_PURCHASES, true);
        String customer = customer();
        Instant t = NOW.minus(Duration.ofDays(5));
        for (int day : new int[] {1, 3, 4}) {
            api.post("activities", activity("b" + day + customer, customer, "TransactionAdd",
                    t.plus(Duration.ofDays(day)), "{}")).expect(200);
        }
        assertEquals(List.of(t.plus(Duration.ofDays(4))), earnDates(api, customer, badge));
        // yesterday's file brings day 2: the third purchase was on day 3
        JsonObject moved = ruleOf(api.post("activities", activity("b2" + customer, customer, "TransactionAdd",
                t.plus(Duration.ofDays(2)), "{}")).expect(200).data(), badge).getJsonArray("earns").getJsonObject(0);
        assertEquals("MOVED", moved.getString("status"));
        assertEquals(List.of(t.plus(Duration.ofDays(3))), earnDates(api, customer, badge), "one earn, moved");
    }

    /**
     * A move takes an earn out of the cycle in progress of a badge-wide fixed window and into an earlier one: the
     * kept count of the cycle in progress (issue 31) must not go on counting it.
     */
    @Test
    void aMovedEarnLeavesItsBadgeWideCycleFreeForAnother() {
        int daysAgo = 50 + LimitsIT.startedForTwoDayCycles();
        JsonObject body = Badges.with(Badges.with(Badges.with(Badges.earnBadge(Badges.uniqueName("Rule")), "startOn",
                NOW.minus(Duration.ofDays(daysAgo)).getEpochSecond()), "earnRule", Json.createReader(
                new java.io.StringReader(THREE_PURCHASES)).readObject()), "badgeConstraints",
                LimitsIT.constraints(LimitsIT.FIXED_TWO_DAYS.formatted(1)));
        String badge = api.post("badgeMeta", body.toString(), Map.of("X-CAP-BADGES-MIGRATION", "migration"))
                .expect(201).data().getString("id");
        api.post("badgeMeta/" + badge + "/claim", "{\"ownerType\":\"Milestones\",\"referenceId\":\"rule-1\"}")
                .expect(200);
        // the cycle in progress holds now and the last 12 hours; noon of the day before it is in the one before
        Instant cycleStart = NOW.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(daysAgo % 2 == 0 ? 0 : 1));
        Instant before = cycleStart.minus(Duration.ofHours(12));
        String mover = customer();
        api.post("activities", activity("m1" + mover, mover, "TransactionAdd", before, "{}")).expect(200);
        api.post("activities", activity("m2" + mover, mover, "TransactionAdd", before.plusSeconds(60), "{}"))
                .expect(200);
        api.post("activities", activity("m4" + mover, mover, "TransactionAdd", NOW.minusSeconds(60), "{}"))
                .expect(200);
        assertEquals(List.of(NOW.minusSeconds(60)), earnDates(api, mover, badge));
        assertEquals("REFUSED", threePurchases(badge, customer(), NOW.minusSeconds(600)).getString("status"),
                "the cycle in progress holds its one earn");
        // a late file brings the third purchase: the target was reached in the cycle before
        JsonObject moved = ruleOf(api.post("activities", activity("m3" + mover, mover, "TransactionAdd",
                before.plusSeconds(120), "{}")).expect(200).data(), badge).getJsonArray("earns").getJsonObject(0);
        assertEquals("MOVED", moved.getString("status"));
        assertEquals(List.of(before.plusSeconds(120)), earnDates(api, mover, badge));
        assertEquals("EARNED", threePurchases(badge, customer(), NOW.minusSeconds(300)).getString("status"),
                "the cycle in progress is free again");
        assertEquals("REFUSED", threePurchases(badge, customer(), before.plusSeconds(600)).getString("status"),
                "the cycle before holds the moved earn");
    }

    /** Three purchases a minute apart from {@code at}: the badge's earn as the third one's answer reports it. */
    private static JsonObject threePurchases(String badge, String customer, Instant at) {
        JsonObject answer = null;
        for (int i = 0; i < 3; i++) {
            answer = api.post("activities", activity("p" + i + customer, customer, "TransactionAdd",
                    at.plus(Duration.ofMinutes(i)), "{}")).expect(200).data();
        }
        return ruleOf(answer, badge).getJsonArray("earns").getJsonObject(0);
    }

    @Test
    void concurrentArrivalsOfOneCustomerEarnExactlyOnce() throws Exception {
        String badge = ruleBadge(api, THREE_PURCHASES, true);
        String customer = customer();
        Instant t = NOW.minus(Duration.ofDays(1));
        List<Api.Reply> replies = Concurrently.run(12, i -> api.post("activities", activity("x" + (i % 4) + customer,
                customer, "TransactionAdd", t.plusSeconds(i % 4), "{}")));
        for (Api.Reply r : replies) {
            assertTrue(r.status() == 200 || r.status() == 400 && r.body().contains("809"), r.body());
        }
        assertEquals(4, replies.stream().filter(r -> r.status() == 200).count(), "each requestId recorded once");
        assertEquals(List.of(t.plusSeconds(2)), earnDates(api, customer, badge));
    }

    @Test
    void progressShowsTheCurrentCycleOfEveryRuleBadge() {
        Api org = BadgeworksServer.shared().admin().newOrg("progress");
        String monthly = ruleBadge(org, "{\"activity\":\"Visit\",\"measure\":{\"type\":\"DISTINCT\","
                + "\"attribute\":\"storeId\"},\"target\":3,\"window\":{\"type\":\"FIXED\",\"unit\":\"MONTHS\","
                + "\"timeZone\":\"Europe/Berlin\"},\"repeat\":true,\"triggeredBy\":{\"ownerType\":\"Milestones\","
                + "\"referenceId\":\"rule-1\"}}", true);
        String customer = customer();
        org.post("activities", activity("p1" + customer, customer, "Visit", NOW.minusSeconds(5), "{\"storeId\":7}"))
                .expect(200);
        org.post("activities", activity("p2" + customer, customer, "Visit", NOW.minusSeconds(4), "{\"storeId\":\"7\"}"))
                .expect(200);
        JsonObject rule = progressOf(org, customer, monthly);
        assertEquals("Visit", rule.getString("activity"));
        JsonObject p = rule.getJsonObject("progress");
        assertEquals(1, p.getInt("value"), "7 and \"7\" are one store");
        assertEquals(3, p.getInt("target"));
        assertEquals("FIXED", p.getString("window"));
        Instant start = Instant.parse(p.getString("cycleStartISO"));
        Instant end = Instant.parse(p.getString("cycleEndISO"));
        assertFalse(start.isAfter(NOW) || !end.isAfter(NOW), "the cycle holds now");
        assertEquals(0, start.atZone(java.time.ZoneId.of("Europe/Berlin")).getHour(), "midnight in Berlin");
        assertEquals("p2" + customer, p.getString("lastActivityRequestId"));
        JsonObject stranger = progressOf(org, customer(), monthly).getJsonObject("progress");
        assertEquals(0, stranger.getInt("value"), "no activities: nothing yet");
        assertTrue(stranger.isNull("lastActivityRequestId"));
        api.get("customer/" + customer + "/progress").expect(200);
        assertTrue(api.get("customer/" + customer + "/progress").expect(200).data().getJsonArray("rules").stream()
                .noneMatch(r -> r.asJsonObject().getString("badgeMetaId").equals(monthly)), "another org's rules");
    }

    @Test
    void badActivitiesAreRefusedNamingTheFieldAndBulkItemsFailAlone() {
        String customer = customer();
        api.post("activities", "{\"customerId\":\"c\",\"activity\":\"A\"}").expectError(400, 804, "requestId");
        api.post("activities", "{\"requestId\":\"r\",\"activity\":\"A\"}").expectError(400, 812, "customerId");
        api.post("activities", "{\"requestId\":\"r\",\"customerId\":\"c\"}").expectError(400, 1101, "activity");
        api.post("activities", "{\"requestId\":\"r\",\"customerId\":\"c\",\"activity\":\"A\","
                + "\"attributes\":{\"basket\":{\"items\":3}}}").expectError(400, 1102, "attributes.basket");
        api.post("activities", "{\"requestId\":\"r\",\"customerId\":\"c\",\"activity\":\"A\","
                + "\"attributes\":{\"note\":\"" + "x".repeat(300) + "\"}}").expectError(400, 1103, "attributes.note");
        api.post("activities", activity("r", "c", "A", NOW.plus(Duration.ofDays(3)), "{}"))
                .expectError(400, 750, "eventDate");
        api.post("activities", "{\"requestId\":\"r\",\"customerId\":\"c\",\"activity\":\"A\",\"eventDate\":\"soon\"}")
                .expectError(400, 1104, "eventDate");

        String good = activity("g" + customer, customer, "A", NOW, "{}");
        JsonObject result = api.post("activities/bulk", "{\"activities\":[" + good + ",{\"requestId\":\"x\"},7,"
                + good + "]}").expect(200).data();
        assertEquals(4, result.getInt("totalCount"));
        assertEquals(1, result.getInt("recordedCount"));
        assertEquals(1, result.getInt("duplicateCount"));
        assertEquals(2, result.getInt("failedCount"));
        JsonArray results = result.getJsonArray("results");
        assertEquals(200, results.getJsonObject(0).getInt("status"));
        assertEquals(812, results.getJsonObject(1).getJsonArray("errors").getJsonObject(0).getInt("code"));
        assertEquals("activities[2]", results.getJsonObject(2).getJsonArray("errors").getJsonObject(0)
                .getString("reference"));
        assertEquals(809, results.getJsonObject(3).getJsonArray("errors").getJsonObject(0).getInt("code"));
        assertEquals(results.getJsonObject(0).getJsonObject("data"), results.getJsonObject(3).getJsonObject("data"));
        StringBuilder many = new StringBuilder("{\"activities\":[");
        for (int i = 0; i <= 1000; i++) {
            many.append(i == 0 ? "" : ",").append(activity("m" + i, "c", "A", NOW, "{}"));
        }
        api.post("activities/bulk", many.append("]}").toString()).expectError(400, 1127, "activities");
    }

    /** Polls the customer's earns of the badge until there are {@code count} (a rule change settles in the background). */
    static List<Instant> awaitEarns(Api api, String customer, String badge, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Instant> dates = earnDates(api, customer, badge);
        while (dates.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
            dates = earnDates(api, customer, badge);
        }
        return dates;
    }

    private static JsonObject changedRule(Api api, String badge, String rule) {
        JsonObject got = api.get("badgeMeta/" + badge).expect(200).data();
        return api.put("badgeMeta", Json.createObjectBuilder(got).add("id", badge).add("earnRule", json(rule)).build()
                .toString()).expect(200).data().getJsonObject("earnRule");
    }

    @Test
    void aLoweredTargetEarnsAtOnceForWhoeverHadAlreadyPassedIt() throws InterruptedException {
        String badge = ruleBadge(api, THREE_PURCHASES.replace("\"target\":3", "\"target\":5"), true);
        String customer = customer();
        for (int i = 1; i <= 4; i++) {
            api.post("activities", activity("l" + i + customer, customer, "TransactionAdd",
                    NOW.minus(Duration.ofDays(10 - i)), "{}")).expect(200);
        }
        assertEquals(List.of(), earnDates(api, customer, badge));
        JsonObject rule = changedRule(api, badge, THREE_PURCHASES);
        assertEquals(1, rule.getInt("previousVersions"));
        Instant appliesFrom = Instant.parse(rule.getString("appliesFrom"));
        assertTrue(Duration.between(appliesFrom, Instant.now()).abs().toMinutes() < 5, "a LIFETIME rule: from now");
        assertEquals(List.of(appliesFrom), awaitEarns(api, customer, badge, 1),
                "earned without a new activity, as of the change");
        api.post("activities", activity("l5" + customer, customer, "TransactionAdd", Instant.now(), "{}"))
                .expect(200);
        assertEquals(List.of(appliesFrom), earnDates(api, customer, badge), "once");
    }

    @Test
    void recomputeEarnsWhatTheNewRuleWouldHaveEarnedWithTheOriginalDatesAndTakesNothingBack()
            throws InterruptedException {
        String everyFive = "{\"activity\":\"TransactionAdd\",\"measure\":\"COUNT\",\"target\":5,\"repeat\":true,"
                + "\"triggeredBy\":{\"ownerType\":\"Milestones\",\"referenceId\":\"rule-1\"}}";
        String badge = ruleBadge(api, everyFive, true);
        String customer = customer();
        List<Instant> dates = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            dates.add(NOW.minus(Duration.ofDays(20 - i)));
            api.post("activities", activity("k" + i + customer, customer, "TransactionAdd", dates.get(i - 1), "{}"))
                    .expect(200);
        }
        assertEquals(List.of(dates.get(4)), earnDates(api, customer, badge));
        JsonObject rule = changedRule(api, badge, everyFive.replace("\"target\":5", "\"target\":3")
                .replace("\"repeat\":true", "\"repeat\":true,\"change\":\"RECOMPUTE\""));
        assertTrue(rule.isNull("appliesFrom"), "to every stored activity");
        assertEquals(0, rule.getInt("previousVersions"));
        assertFalse(rule.containsKey("change"));
        // every 3 of 7: two earns; the one made under "every 5" stays as it was, the second has the 6th's date
        assertEquals(List.of(dates.get(4), dates.get(5)), awaitEarns(api, customer, badge, 2));
        api.post("badgeMeta/" + badge + "/recompute", "").expect(202);
        Thread.sleep(1000);
        assertEquals(List.of(dates.get(4), dates.get(5)), earnDates(api, customer, badge), "running it again adds nothing");
        api.post("badgeMeta/000000000000000000000000/recompute", "").expectError(404, 404, "badgeId");
    }

    @Test
    void aSweepReachesEveryCustomerPageByPage() throws InterruptedException {
        // more customers than a page of the sweep (200), beside another org's customers with the same activity
        Api org = BadgeworksServer.shared().admin().newOrg("sweep");
        int customers = 450;
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (int i = 0; i < customers; i++) {
            items.add(json(activity("w" + i, "w-" + i, "TransactionAdd", NOW.minus(Duration.ofDays(3)), "{}")));
        }
        org.post("activities/bulk", Json.createObjectBuilder().add("activities", items).build().toString())
                .expect(200);
        api.post("activities", activity(EarnIT.rid(), "w-7", "TransactionAdd", NOW.minus(Duration.ofDays(3)), "{}"))
                .expect(200);
        String badge = ruleBadge(org, "{\"activity\":\"TransactionAdd\",\"measure\":\"COUNT\",\"target\":1,"
                + "\"triggeredBy\":{\"ownerType\":\"Milestones\",\"referenceId\":\"rule-1\"}}", true);
        // its claim has started a sweep already (a rule badge that can now earn): asked again while that one may run
        org.post("badgeMeta/" + badge + "/recompute", "").expect(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int earned = 0;
        while (earned < customers && System.nanoTime() < deadline) {
            Thread.sleep(200);
            earned = org.get("badgeMeta/" + badge).expect(200).data().getInt("earnedCount");
        }
        assertEquals(customers, earned, "one earn per customer of the org, over three pages");
        Thread.sleep(1000);
        assertEquals(customers, org.get("badgeMeta/" + badge).expect(200).data().getInt("earnedCount"),
                "two sweeps at once earn each customer once");
        assertEquals(List.of(NOW.minus(Duration.ofDays(3))), earnDates(org, "w-449", badge), "the last page's last");
    }

    @Test
    void aDryRunSaysWhatAProposedRuleWouldHaveEarnedAndChangesNothing() {
        Api org = BadgeworksServer.shared().admin().newOrg("simulate");
        String badge = ruleBadge(org, THREE_PURCHASES, true);
        List<String> customers = List.of(customer(), customer(), customer());
        for (int c = 0; c < customers.size(); c++) {
            for (int i = 0; i < 2 + 2 * c; i++) {  // 2, 4 and 6 purchases
                org.post("activities", activity("s" + c + "-" + i, customers.get(c), "TransactionAdd",
                        NOW.minus(Duration.ofDays(20 - i)), "{}")).expect(200);
            }
        }
        List<Instant> before = earnDates(org, customers.get(2), badge);
        String everyTwo = "{\"activity\":\"TransactionAdd\",\"measure\":\"COUNT\",\"target\":2,\"repeat\":true}";
        JsonObject all = org.post("activities/simulate", "{\"earnRule\":" + everyTwo + ",\"fromISO\":\""
                + NOW.minus(Duration.ofDays(30)) + "\"}").expect(200).data();
        assertEquals(3, all.getInt("customers"));
        assertEquals(3, all.getInt("customersEarning"));
        assertEquals(1 + 2 + 3, all.getInt("earns"));
        assertEquals(12, all.getInt("activitiesRead"));
        assertFalse(all.getBoolean("truncated"));
        assertEquals(3, all.getJsonArray("topCustomers").getJsonObject(0).getInt("earns"));
        // a period counts completions in it only; the activities before it still count toward them
        JsonObject recent = org.post("activities/simulate", "{\"earnRule\":" + everyTwo + ",\"fromISO\":\""
                + NOW.minus(Duration.ofDays(17)).plusSeconds(1) + "\",\"customerIds\":[\"" + customers.get(2)
                + "\"]}").expect(200).data();
        assertEquals(1, recent.getInt("customers"));
        assertEquals(1, recent.getInt("earns"), "only the 6th purchase falls in the period");
        assertEquals(before, earnDates(org, customers.get(2), badge), "nothing changed");
        org.post("activities/simulate", "{\"earnRule\":" + everyTwo + "}").expectError(400, 1101, "from");
        org.post("activities/simulate", "{\"earnRule\":{\"activity\":\"A\",\"measure\":\"COUNT\"},\"from\":1}")
                .expectError(400, 1101, "earnRule.target");
    }

    @Test
    void badgeProgressedGoesToTheEndpointsThatAskForIt() throws Exception {
        Api org = BadgeworksServer.shared().admin().newOrg("progressed");
        Api admin = BadgeworksServer.shared().admin().orgAdminOf(org);
        String badge = ruleBadge(org, THREE_PURCHASES, true);
        try (Receiver asking = new Receiver(); Receiver others = new Receiver()) {
            admin.post("webhooks", "{\"url\":\"" + asking.url() + "\",\"eventTypes\":[\"badgeProgressed\","
                    + "\"badgeEarned\"]}").expect(201);
            JsonObject plain = admin.post("webhooks", "{\"url\":\"" + others.url() + "\"}").expect(201).data();
            assertFalse(plain.getJsonArray("eventTypes").contains(Json.createValue("badgeProgressed")));
            String customer = customer();
            for (int i = 1; i <= 3; i++) {
                org.post("activities", activity("e" + i + customer, customer, "TransactionAdd",
                        NOW.minusSeconds(100 - i), "{}")).expect(200);
            }
            List<JsonObject> events = asking.await(e -> Receiver.countOf(e, "badgeProgressed") >= 3
                    && Receiver.countOf(e, "badgeEarned") >= 1, 20_000);
            JsonObject last = events.stream().filter(e -> e.getString("eventName").equals("badgeProgressed"))
                    .filter(e -> e.getString("apiRequestId").equals("e3" + customer)).findFirst().orElseThrow();
            assertEquals(badge, last.getJsonObject("data").getString("badgeId"));
            assertEquals(3, last.getJsonObject("data").getJsonObject("progress").getInt("value"));
            assertEquals(1, last.getJsonObject("data").getInt("completions"));
            others.await(e -> Receiver.countOf(e, "badgeEarned") >= 1, 20_000);
            assertEquals(0, Receiver.countOf(others.events(), "badgeProgressed"), "not asked for");
        }
    }

    @Test
    void retentionDeletesOnlyWhatNoRuleNeeds() {
        // the shared server keeps activities 400 days (BADGEWORKS_ACTIVITIES_KEEP_DAYS)
        Api org = BadgeworksServer.shared().admin().newOrg("retention");
        ruleBadge(org, "{\"activity\":\"Visit\",\"measure\":\"COUNT\",\"target\":5,\"repeat\":true,\"window\":"
                + "{\"type\":\"FIXED\",\"unit\":\"MONTHS\"},\"triggeredBy\":{\"ownerType\":\"Milestones\","
                + "\"referenceId\":\"rule-1\"}}", true);
        ruleBadge(org, THREE_PURCHASES, true);
        String customer = customer();
        for (String name : List.of("Visit", "TransactionAdd", "Unread")) {
            org.post("activities", activity(name + "-old", customer, name, NOW.minus(Duration.ofDays(500)), "{}"))
                    .expect(200);
            org.post("activities", activity(name + "-new", customer, name, NOW.minus(Duration.ofDays(1)), "{}"))
                    .expect(200);
        }
        org.post("admin/activities/purge", "").expectError(403, 403, null);
        JsonObject purged = BadgeworksServer.shared().admin().post("admin/activities/purge", "").expect(200).data();
        assertEquals(400, purged.getInt("keepDays"));
        assertTrue(purged.getInt("deleted") >= 2);
        assertEquals(1, stored(org, "Visit"), "a monthly rule needs 62 days: the setting's 400 hold");
        assertEquals(2, stored(org, "TransactionAdd"), "a LIFETIME rule keeps everything");
        assertEquals(1, stored(org, "Unread"), "read by no rule: the setting's 400 days");
        org.post("activities", activity("Visit-old", customer, "Visit", NOW.minus(Duration.ofDays(500)), "{}"))
                .expect(200);
    }

    /** How many of the org's activities of this name are stored, as a dry run reads them. */
    private static int stored(Api org, String name) {
        return org.post("activities/simulate", "{\"earnRule\":{\"activity\":\"" + name + "\",\"measure\":\"COUNT\","
                + "\"target\":1},\"fromISO\":\"" + NOW.minus(Duration.ofDays(1000)) + "\"}").expect(200).data()
                .getInt("activitiesRead");
    }

    /** The README's example rule. */
    static final String FIVE_A_MONTH = "{\"activity\":\"TransactionAdd\",\"conditions\":[{\"attribute\":\"amount\","
            + "\"operator\":\"GE\",\"value\":50}],\"measure\":\"COUNT\",\"target\":5,\"repeat\":true,"
            + "\"window\":{\"type\":\"FIXED\",\"unit\":\"MONTHS\",\"timeZone\":\"Europe/Berlin\"},"
            + "\"triggeredBy\":{\"ownerType\":\"Milestones\",\"referenceId\":\"rule-1\"}}";

    @Test
    void theReadmeExampleEarnsAliveAndFromAFileAlike() {
        Api org = BadgeworksServer.shared().admin().newOrg("readme-rule");
        String badge = ruleBadge(org, FIVE_A_MONTH, true);
        // last month in Berlin, from the 15th: a purchase below 50, five of at least 50, one more (the month is earned
        // once), and on the 1st of this month the first of a new cycle
        java.time.ZonedDateTime lastMonth = NOW.atZone(java.time.ZoneId.of("Europe/Berlin")).withDayOfMonth(1)
                .truncatedTo(ChronoUnit.DAYS).minusMonths(1).withDayOfMonth(15).withHour(10);
        List<Instant> dates = new ArrayList<>();
        List<String> amounts = List.of("12.99", "50", "50.00", "64.5", "99", "120", "75", "80");
        for (int i = 0; i < 7; i++) {
            dates.add(lastMonth.plusDays(i).toInstant());
        }
        dates.add(lastMonth.withDayOfMonth(1).plusMonths(1).withHour(0).plusMinutes(1).toInstant());
        String live = customer();
        for (int i = 0; i < dates.size(); i++) {
            org.post("activities", activity("live-" + i + live, live, "TransactionAdd", dates.get(i),
                    "{\"amount\":" + amounts.get(i) + "}")).expect(200);
        }
        assertEquals(List.of(dates.get(5)), earnDates(org, live, badge), "the fifth purchase of at least 50");

        String filed = customer();
        StringBuilder file = new StringBuilder("requestId,customerId,activity,eventDate,amount\n");
        for (int i = dates.size() - 1; i >= 0; i--) {  // the file in reverse order: order does not matter
            file.append("file-").append(i).append(',').append(filed).append(",TransactionAdd,").append(dates.get(i))
                    .append(',').append(amounts.get(i)).append('\n');
        }
        String id = Imports.upload(org, "purchases.csv", "text/csv", file.toString());
        JsonObject done = Imports.await(org, id, Duration.ofSeconds(60), "COMPLETED", "FAILED");
        assertEquals(8, done.getInt("rowsRecorded"), done.toString());
        assertEquals(earnDates(org, live, badge), earnDates(org, filed, badge), "the file earns what REST earned");
        JsonObject progress = progressOf(org, filed, badge).getJsonObject("progress");
        assertEquals(NOW.isBefore(dates.get(7)) ? 0 : 1, progress.getInt("value"), "this month: one purchase so far");
    }
}
