package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Badge groups (§2.8, §3.18): create, update at the reference's three paths, list, get; names unique among the
 * org's active groups; badges in groups; badgeGroupName in every answer; the member view's RANK order.
 */
class GroupsIT {

    private static Api api;

    @BeforeAll
    static void org() {
        api = BadgeworksServer.shared().admin().newOrg("groups");
    }

    static String group(Api api, String name, int rank) {
        return api.post("group", "{\"name\":\"" + name + "\",\"rank\":" + rank + "}").expect(201).data().getString("id");
    }

    @Test
    void aGroupIsCreatedReadListedAndUpdatedAtEveryPathTheReferenceShows() {
        JsonObject created = api.post("group", "{\"name\":\"Tiers\",\"rank\":\"3\"}").expect(201).data();
        String id = created.getString("id");
        assertEquals("Tiers", created.getString("name"));
        assertEquals(3, created.getInt("rank"), "a numeric string is a number");
        assertTrue(created.getBoolean("isActive"));
        assertEquals(api.orgId(), created.getJsonNumber("orgId").longValueExact());
        assertEquals(JsonValue.ValueType.NUMBER, created.get("createdOn").getValueType());
        assertTrue(Duration.between(Instant.parse(created.getString("createdOnISO")), Instant.now()).abs()
                .toMinutes() < 5);
        assertEquals(created.getString("createdOnISO"), created.getString("lastUpdatedOnISO"));
        assertEquals(api.username(), created.getString("createdByName"));

        assertEquals("Tiers", api.get("group/" + id).expect(200).data().getString("name"));
        assertEquals("Levels", api.put("group/" + id, "{\"name\":\"Levels\",\"rank\":4}").expect(200).data()
                .getString("name"));
        assertEquals(5, api.post("group/" + id, "{\"name\":\"Levels\",\"rank\":5}").expect(200).data().getInt("rank"));
        JsonObject legacy = api.put(id, "{\"name\":\"Steps\",\"rank\":6}").expect(200).data();
        assertEquals("Steps", legacy.getString("name"));
        assertEquals(6, api.get("group/" + id).expect(200).data().getInt("rank"));
    }

    @Test
    void theListIsPagedInRankOrderAndShowsActiveGroupsOnly() {
        Api org = BadgeworksServer.shared().admin().newOrg("group-list");
        String second = group(org, "Second", 2);
        String first = group(org, "First", 1);
        String alsoFirst = group(org, "Also first", 1);
        String off = group(org, "Off", 0);
        org.put("group/" + off, "{\"name\":\"Off\",\"rank\":0,\"isActive\":false}").expect(200);
        JsonObject page = org.get("group").expect(200).data();
        assertEquals(List.of(first, alsoFirst, second), ids(page), "rank 1 first; of equal ranks the older first");
        assertEquals(3, page.getJsonObject("pagination").getInt("total"));
        assertEquals(List.of(second, alsoFirst, first), ids(org.get("group?order=DESC").expect(200).data()));
        assertEquals(List.of(second), ids(org.get("group?size=2&page=1").expect(200).data()));
        assertEquals(2, org.get("group?size=2").expect(200).data().getJsonObject("pagination").getInt("totalPages"));
        org.get("group?order=SIDEWAYS").expectError(400, 400, "order");
        org.get("group?size=0").expectError(400, 1105, "size");
        assertFalse(org.get("group/" + off).expect(200).data().getBoolean("isActive"), "a disabled group is still read");
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("badgeGroups").stream().map(v -> v.asJsonObject().getString("id")).toList();
    }

    @Test
    void namesAreUniqueAmongActiveGroupsCaseSensitivelyAndRankIsMandatory() {
        String id = group(api, "Unique", 1);
        api.post("group", "{\"name\":\"Unique\",\"rank\":2}").expectError(400, 733, "name");
        group(api, "unique", 2);
        api.post("group", "{\"name\":\"Rankless\"}").expectError(400, 732, "rank");
        api.post("group", "{\"rank\":1}").expectError(400, 1101, "name");
        api.post("group", "{\"name\":\"Bad rank\",\"rank\":\"high\"}").expectError(400, 1102, "rank");
        api.post("group", "{\"name\":\"Negative\",\"rank\":-1}").expectError(400, 1105, "rank");
        String other = group(api, "Other", 1);
        api.put("group/" + other, "{\"name\":\"Unique\",\"rank\":1}").expectError(400, 733, "name");
        assertEquals("Other", api.get("group/" + other).expect(200).data().getString("name"), "a refusal changes nothing");
        api.put("group/" + other, "{\"name\":\"Other\"}").expectError(400, 732, "rank");

        api.put("group/" + id, "{\"name\":\"Unique\",\"rank\":1,\"isActive\":false}").expect(200);
        String successor = group(api, "Unique", 3);
        assertTrue(api.get("group/" + successor).expect(200).data().getBoolean("isActive"), "disabling frees the name");
        api.put("group/" + id, "{\"name\":\"Unique\",\"rank\":1,\"isActive\":true}").expectError(400, 733, "name");
        api.put("group/" + id, "{\"name\":\"Unique again\",\"rank\":1,\"isActive\":true}").expect(200);
    }

    @Test
    void anotherOrgsGroupIsNotFoundAndItsNamesAreItsOwn() {
        String ours = group(api, "Ours", 1);
        Api other = BadgeworksServer.shared().admin().newOrg("group-other");
        other.get("group/" + ours).expectError(404, 1160, "groupId");
        other.put("group/" + ours, "{\"name\":\"Mine\",\"rank\":1}").expectError(404, 1160, "groupId");
        other.put(ours, "{\"name\":\"Mine\",\"rank\":1}").expectError(404, 1160, "groupId");
        other.get("group/no-such-group").expectError(404, 1160, "groupId");
        assertEquals(0, other.get("group").expect(200).data().getJsonArray("badgeGroups").size());
        group(other, "Ours", 1);
    }

    @Test
    void concurrentCreatesOfOneNameLeaveOneGroup() throws Exception {
        groupNameRacing(BadgeworksServer.shared().admin().newOrg("group-race"));
    }

    /** Also run through a load balancer over two instances (ClusterIT). */
    static void groupNameRacing(Api org) throws Exception {
        List<Api.Reply> replies = Concurrently.run(8, i -> org.post("group", "{\"name\":\"Race\",\"rank\":" + i + "}"));
        assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(),
                () -> replies.stream().map(r -> r.status() + " " + r.body()).toList().toString());
        replies.stream().filter(r -> r.status() != 201).forEach(r -> r.expectError(400, 733, "name"));
        assertEquals(1, org.get("group").expect(200).data().getJsonObject("pagination").getInt("total"));
    }

    @Test
    void aBadgeJoinsOnlyAnActiveGroupOfItsOrgAndAnswersWithTheGroupsName() {
        String gold = group(api, "Gold " + Badges.uniqueName(""), 1);
        String goldName = api.get("group/" + gold).data().getString("name");
        JsonObject body = Badges.with(Badges.with(Badges.earnBadge(Badges.uniqueName("In gold")), "badgeGroupId", gold),
                "badgeRank", 2);
        JsonObject created = api.post("badgeMeta", body.toString()).expect(201).data();
        String badge = created.getString("id");
        assertEquals(goldName, created.getString("badgeGroupName"));
        assertEquals(goldName, api.get("badgeMeta/" + badge).expect(200).data().getString("badgeGroupName"));
        JsonObject listed = api.get("badgeMeta?size=200").expect(200).data().getJsonArray("metaBasicDetails").stream()
                .map(JsonValue::asJsonObject).filter(b -> b.getString("id").equals(badge)).findFirst().orElseThrow();
        assertEquals(goldName, listed.getString("badgeGroupName"));
        String ranked = api.post("badgeMeta", Badges.with(Badges.earnBadge(Badges.uniqueName("Rank only")), "badgeRank",
                1).toString()).expect(201).data().getString("id");
        assertTrue(api.get("badgeMeta/" + ranked).data().isNull("badgeGroupName"), "a rank without a group is fine");

        api.post("badgeMeta", Badges.with(Badges.earnBadge(Badges.uniqueName("Nowhere")), "badgeGroupId", "nope")
                .toString()).expectError(400, 1161, "badgeGroupId");
        String otherOrgs = group(BadgeworksServer.shared().admin().newOrg("group-foreign"), "Theirs", 1);
        api.post("badgeMeta", Badges.with(Badges.earnBadge(Badges.uniqueName("Foreign group")), "badgeGroupId",
                otherOrgs).toString()).expectError(400, 1161, "badgeGroupId");

        // disabled: no badge joins it, the badges in it keep it (a PUT of what a GET answered still works)
        api.put("group/" + gold, "{\"name\":\"" + goldName + "\",\"rank\":1,\"isActive\":false}").expect(200);
        api.post("badgeMeta", Badges.with(Badges.earnBadge(Badges.uniqueName("Late")), "badgeGroupId", gold)
                .toString()).expectError(400, 1161, "badgeGroupId");
        JsonObject kept = api.put("badgeMeta", Badges.with(Badges.with(body, "id", badge), "description", "Still gold")
                .toString()).expect(200).data();
        assertEquals(gold, kept.getString("badgeGroupId"));
        assertEquals(goldName, kept.getString("badgeGroupName"), "a disabled group keeps its name");
        api.put("badgeMeta", Badges.with(Badges.with(Badges.earnBadge(Badges.uniqueName("Moved")), "id", ranked),
                "badgeGroupId", gold).toString()).expectError(400, 1161, "badgeGroupId");
    }

    @Test
    void customerViewsNameTheGroupAndFilterByIt() {
        Api org = BadgeworksServer.shared().admin().newOrg("group-views");
        String silver = group(org, "Silver", 1);
        String inSilver = Badges.createClaimed(org, Badges.with(Badges.earnBadge("In silver"), "badgeGroupId", silver),
                "Loyalty", "program-1");
        String loose = Badges.createClaimed(org, Badges.earnBadge("Loose"), "Loyalty", "program-1");
        for (String badge : List.of(inSilver, loose)) {
            org.post("customer/earn", EarnIT.earn(badge, "gwen", EarnIT.rid()).build().toString()).expect(200);
        }
        JsonObject member = org.get("customer/gwen?badgeType=EARNED&groupId=" + silver).expect(200).data()
                .getJsonArray("badges").getJsonObject(0);
        assertEquals(inSilver, member.getString("badgeMetaId"));
        assertEquals("Silver", member.getString("badgeGroupName"));
        assertEquals(1, org.get("customer/gwen?badgeType=EARNED&groupId=" + silver).data().getJsonArray("badges").size());
        JsonObject support = org.get("management/gwen?badgeType=EARNED&groupId=" + silver).expect(200).data()
                .getJsonArray("customerBadges").getJsonObject(0);
        assertEquals("Silver", support.getString("badgeGroupName"));
        assertEquals("Silver", org.get("management/gwen/badge/" + inSilver).expect(200).data()
                .getString("badgeGroupName"));
        assertTrue(org.get("management/gwen/badge/" + loose).expect(200).data().isNull("badgeGroupName"));
    }

    /**
     * §2.8 whole: active groups by rank (equal ranks: older group first), inside each the ranked badges by rank,
     * then the unranked by latest expiry; ungrouped badges after, ranked then unranked; a disabled group's badges
     * count as ungrouped.
     */
    @Test
    void theRankOrderIsTheReferencesWithGroupsRanksUnrankedBadgesAndADisabledGroup() {
        Api org = BadgeworksServer.shared().admin().newOrg("rank-order");
        String first = group(org, "First", 1);
        String second = group(org, "Second", 2);
        String alsoFirst = group(org, "Also first", 1);
        String disabled = group(org, "Disabled", 0);

        String u4 = badge(org, null, null, 300);
        String b22 = badge(org, second, null, 100);
        String b11 = badge(org, first, 2, 30);
        String u1 = badge(org, null, 3, 30);
        String bx = badge(org, disabled, 1, 365);
        String b21 = badge(org, second, 5, 10);
        String b31 = badge(org, alsoFirst, null, 20);
        String b13 = badge(org, first, null, 10);
        String u3 = badge(org, null, null, 50);
        String b12 = badge(org, first, 1, 10);
        String u2 = badge(org, null, 1, 400);
        String b23 = badge(org, second, null, 200);
        List<String> withDisabledFirst = List.of(bx, b12, b11, b13, b31, b21, b23, b22, u2, u1, u4, u3);
        assertEquals(withDisabledFirst, rankOrder(org, ""), "rank 0 comes before rank 1 while active");

        org.put("group/" + disabled, "{\"name\":\"Disabled\",\"rank\":0,\"isActive\":false}").expect(200);
        List<String> expected = List.of(b12, b11, b13, b31, b21, b23, b22, u2, bx, u1, u4, u3);
        assertEquals(expected, rankOrder(org, ""));
        assertEquals(expected, rankOrder(org, "&order=ASC"), "the rank order has one direction");
        assertEquals(expected.subList(5, 10), rankOrder(org, "&size=5&page=1"), "pages follow the order");
        assertEquals(expected, ids(org.get("customer/rita?size=50").expect(200).data().getJsonArray("badges")),
                "RANK is the member view's default");
    }

    private static List<String> rankOrder(Api org, String more) {
        String size = more.contains("size=") ? "" : "&size=50";
        return ids(org.get("customer/rita?sortOn=RANK" + size + more).expect(200).data().getJsonArray("badges"));
    }

    private static List<String> ids(jakarta.json.JsonArray badges) {
        return badges.stream().map(v -> v.asJsonObject().getString("badgeMetaId")).toList();
    }

    /** A live EARN badge ending in {@code days} days, in the group and with the rank given (each may be null). */
    private static String badge(Api org, String group, Integer rank, int days) {
        JsonObject body = Badges.with(Badges.earnBadge(Badges.uniqueName("Ranked")), "expiresOnISO",
                Instant.now().plus(Duration.ofDays(days)).toString());
        if (group != null) {
            body = Badges.with(body, "badgeGroupId", group);
        }
        if (rank != null) {
            body = Badges.with(body, "badgeRank", rank);
        }
        return Badges.create(org, body);
    }
}
